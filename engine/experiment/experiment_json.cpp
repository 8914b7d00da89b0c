// Writing experiments, and the built-in default one.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/experiment/experiment.h"

namespace nnplay {

namespace {
using nlohmann::json;

json layer_json(const LayerSpec& s, bool output) {
  json j = {{"type", s.type}};
  if (s.type == "dense") j["units"] = s.units;
  if (s.type == "conv2d") {
    j["channels"] = s.channels;
    j["kernel"] = s.kernel;
    j["stride"] = s.stride;
    j["padding"] = s.padding;
  }
  if (s.type == "maxpool2d" || s.type == "avgpool2d") {
    j["kernel"] = s.kernel;
    j["stride"] = s.stride;
  }
  if (s.type == "dropout") j["rate"] = s.rate;
  if (s.type == "dense" || s.type == "conv2d") {
    j["activation"] = s.activation.name();
    if (s.activation.kind == ActivationKind::LeakyRelu || s.activation.kind == ActivationKind::Elu)
      j["alpha"] = s.activation.alpha;
    j["init"] = s.init.name();
    if (s.init.kind == InitKind::Uniform || s.init.kind == InitKind::Normal) j["init_scale"] = s.init.scale;
    if (s.weight) j["weight"] = *s.weight;
    if (s.bias) j["bias"] = *s.bias;
  }
  (void)output;
  return j;
}
}  // namespace

std::string experiment_to_json(const Experiment& e, bool include_points) {
  json j;
  j["version"] = e.version;
  j["name"] = e.name;
  if (!e.description.empty()) j["description"] = e.description;
  j["task"] = e.task == Task::Regression ? "regression" : "classification";
  json d;
  const GeneratorSpec& g = e.data.generator;
  d["generator"] = {{"name", g.name}, {"n", g.n}, {"noise", g.noise}, {"classes", g.classes}, {"seed", g.seed}};
  if (e.data.source == "images") {
    d["source"] = "images";
    d["images"] = {{"name", e.data.images.name}, {"limit_train", e.data.images.limit_train},
                   {"limit_test", e.data.images.limit_test}};
    if (!e.data.images.dir.empty()) d["images"]["dir"] = e.data.images.dir;
    if (e.data.images.standardize) d["images"]["standardize"] = true;
  } else if (include_points || e.data.source == "points") {
    // Drawn data is saved as points so nothing a user drew is ever lost.
    d["source"] = "points";
    d["classes"] = e.data.points.num_classes;
    json pts = json::array();
    for (const Point& p : e.data.points.points) pts.push_back({p.x1, p.x2, p.y, split_name(p.split)});
    d["points"] = std::move(pts);
  } else if (e.data.source == "csv") {
    d["source"] = "csv";
    d["csv"] = e.data.csv_path;
  } else {
    d["source"] = "generator";
  }
  j["data"] = std::move(d);
  if (e.data.source != "images") j["features"] = e.features;
  j["splits"] = {{"train", e.splits.train}, {"validation", e.splits.validation}, {"test", e.splits.test}};
  json layers = json::array();
  for (size_t i = 0; i < e.network.layers.size(); ++i)
    layers.push_back(layer_json(e.network.layers[i], i + 1 == e.network.layers.size()));
  j["layers"] = std::move(layers);
  j["loss"] = e.loss.name();
  const OptimizerSettings& o = e.train.optimizer;
  j["optimizer"] = {{"name", o.name()}, {"lr", o.lr},       {"momentum", o.momentum}, {"rho", o.rho},
                    {"beta1", o.beta1}, {"beta2", o.beta2}, {"eps", o.eps}};
  j["batch_size"] = e.train.batch_size;
  j["regularization"] = {{"kind", regularization_name(e.train.regularization.kind)},
                         {"rate", e.train.regularization.rate}};
  j["seed"] = e.seed;
  j["epochs"] = e.epochs;
  if (e.weights) j["weights"] = *e.weights;
  return j.dump(1);
}

void save_experiment(const Experiment& e, const std::string& path, bool include_points) {
  // Write to a temporary file and rename, so a crash mid-write never destroys the old file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path + ": cannot write the file (is the folder writable?)");
    out << experiment_to_json(e, include_points) << "\n";
    if (!out) throw Error(path + ": writing failed (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(path + ": cannot replace the file (" + ec.message() + ")");
}

Experiment default_experiment() {
  Experiment e;
  e.name = "circle";
  e.description = "Two classes: a disc inside a ring. Two hidden tanh layers learn a round boundary.";
  e.data.source = "generator";
  e.data.generator = {"circle", 400, 0.1, 2, 1};
  e.data.points = generate(e.data.generator);
  assign_splits(e.data.points, e.splits, e.seed);
  LayerSpec h;
  h.units = 8;
  h.activation.kind = ActivationKind::Tanh;
  h.init.kind = InitKind::XavierUniform;
  LayerSpec out;
  out.units = 1;
  out.activation.kind = ActivationKind::Sigmoid;
  e.network.layers = {h, h, out};
  e.loss.kind = LossKind::Bce;
  e.train.optimizer.kind = OptimizerKind::Sgd;
  e.train.optimizer.lr = 0.03;
  e.train.batch_size = 10;
  e.epochs = 200;
  validate_experiment(e, "default experiment");
  return e;
}

}  // namespace nnplay
