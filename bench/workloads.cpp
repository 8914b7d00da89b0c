// Workload definitions for nnplay_bench (see workloads.h for the list and the PyTorch twin).
#include "bench/workloads.h"

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/data/features.h"
#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/images/image_datasets.h"

namespace nnplay::bench {

namespace {

constexpr int kCirclePoints = 500;
constexpr int kImageTrainRows = 60'000;  // Fashion-MNIST's training set size

LayerSpec dense(int units, ActivationKind act, InitKind init) {
  LayerSpec s;
  s.type = "dense";
  s.units = units;
  s.activation.kind = act;
  s.init.kind = init;
  return s;
}

LayerSpec conv(int channels, int kernel, int padding) {
  LayerSpec s;
  s.type = "conv2d";
  s.channels = channels;
  s.kernel = kernel;
  s.padding = padding;
  s.activation.kind = ActivationKind::Relu;
  s.init.kind = InitKind::HeUniform;
  return s;
}

LayerSpec layer(const std::string& type, int kernel = 2) {
  LayerSpec s;
  s.type = type;
  s.kernel = kernel;
  return s;
}

// Circle points, all in the training split (the benchmark trains; it never evaluates).
Workload point_workload(const std::string& name, std::vector<LayerSpec> layers, int batch) {
  Experiment e;
  e.name = name;
  e.data.source = "generator";
  e.data.generator = {"circle", kCirclePoints, 0.1, 2, 1};
  e.data.points = generate(e.data.generator);
  e.splits = {1.0, 0.0, 0.0};
  assign_splits(e.data.points, e.splits, e.seed);
  e.network.layers = std::move(layers);
  e.loss.kind = LossKind::Bce;
  e.train.optimizer.kind = OptimizerKind::Sgd;
  e.train.optimizer.lr = 0.03;
  e.train.batch_size = batch;
  validate_experiment(e, name);
  Workload w{name, build_dataset(e), e.network, e.loss, e.train,
             "circle generator, " + std::to_string(kCirclePoints) + " points"};
  return w;
}

std::shared_ptr<const Dataset> random_images(int rows, uint64_t seed) {
  auto d = std::make_shared<Dataset>();
  d->task = Task::Classification;
  d->num_classes = 10;
  d->input = {1, 28, 28};
  const int width = d->input.size();
  Rng rng(seed);
  d->train.pixel_width = width;
  d->train.pixels.resize(size_t(rows) * width);
  for (auto& p : d->train.pixels) p = static_cast<uint8_t>(rng.below(256));
  d->train.y.resize(rows, 1);
  for (int r = 0; r < rows; ++r) d->train.y(r, 0) = static_cast<Scalar>(rng.below(10));
  return d;
}

Workload image_workload(const std::string& name, std::vector<LayerSpec> layers) {
  Experiment e;
  e.name = name;
  e.data.source = "images";
  e.data.images.name = "fashion-mnist";
  e.network.layers = std::move(layers);
  e.loss.kind = LossKind::SoftmaxCe;
  e.train.optimizer.kind = OptimizerKind::Sgd;
  e.train.optimizer.lr = 0.01;
  e.train.batch_size = 64;
  validate_experiment(e, name);
  Workload w{name, nullptr, e.network, e.loss, e.train, ""};
  try {
    ImageDataSpec spec;
    spec.name = "fashion-mnist";
    spec.validation_fraction = 0;  // the benchmark trains on all 60,000 images
    w.data = std::make_shared<Dataset>(load_image_dataset(spec));
    w.data_note = "Fashion-MNIST, " + std::to_string(w.data->train.rows()) + " training images";
  } catch (const Error& err) {
    w.data = random_images(kImageTrainRows, 7);
    w.data_note = "random 28x28 images, " + std::to_string(kImageTrainRows) +
                  " rows (real data unavailable: " + err.what() + ")";
  }
  return w;
}

}  // namespace

const std::vector<std::string>& workload_names() {
  static const std::vector<std::string> names = {"W1", "W2", "grid", "W3", "W4", "pool"};
  return names;
}

Workload make_workload(const std::string& name) {
  using A = ActivationKind;
  using I = InitKind;
  if (name == "W1" || name == "grid") {
    return point_workload("W1", {dense(8, A::Tanh, I::XavierUniform), dense(8, A::Tanh, I::XavierUniform),
                                 dense(1, A::Sigmoid, I::XavierUniform)},
                          10);
  }
  if (name == "W2") {
    std::vector<LayerSpec> layers(10, dense(16, A::Sigmoid, I::XavierUniform));
    layers.push_back(dense(1, A::Sigmoid, I::XavierUniform));
    return point_workload("W2", std::move(layers), 32);
  }
  if (name == "W3") {
    return image_workload("W3", {dense(128, A::Relu, I::HeUniform), dense(64, A::Relu, I::HeUniform),
                                 dense(10, A::Softmax, I::XavierUniform)});
  }
  if (name == "W4") {
    return image_workload("W4", {conv(6, 5, 2), layer("maxpool2d"), conv(16, 5, 0), layer("maxpool2d"),
                                 layer("flatten"), dense(120, A::Relu, I::HeUniform),
                                 dense(84, A::Relu, I::HeUniform), dense(10, A::Softmax, I::XavierUniform)});
  }
  throw Error("unknown workload '" + name + "': expected one of W1, W2, grid, W3, W4");
}

Matrix decision_grid_rows(int side) {
  // Cell centres, as the boundary view samples them.
  std::vector<double> x1(size_t(side) * side), x2(x1.size());
  for (int i = 0; i < side; ++i)
    for (int j = 0; j < side; ++j) {
      x1[size_t(i) * side + j] = -6.0 + 12.0 * (j + 0.5) / side;
      x2[size_t(i) * side + j] = 6.0 - 12.0 * (i + 0.5) / side;
    }
  Matrix rows;
  apply_features({"x1", "x2"}, x1.data(), x2.data(), side * side, rows);
  return rows;
}

}  // namespace nnplay::bench
