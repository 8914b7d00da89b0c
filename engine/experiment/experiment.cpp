#include "engine/experiment/experiment.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/core/error.h"
#include "engine/data/csv.h"
#include "engine/data/features.h"
#include "engine/experiment/json_reader.h"
#include "engine/nn/network.h"

namespace nnplay {

namespace {
using nlohmann::json;
constexpr size_t kMaxLayers = 64;
constexpr size_t kMaxPoints = 1'000'000;

Initializer read_init(const JsonReader& r) {
  Initializer init;
  init.kind = *parse_init(r.choice("init", "xavier_uniform", init_names()));
  init.scale = r.number("init_scale", 0.1, 0, 100);
  return init;
}

LayerSpec read_layer(const JsonReader& r) {
  LayerSpec s;
  s.type = r.choice("type", "dense",
                    {"dense", "conv2d", "maxpool2d", "avgpool2d", "flatten", "dropout"});
  s.units = r.integer("units", 8, 1, 100000);
  s.channels = r.integer("channels", 8, 1, 1024);
  const bool pool = s.type == "maxpool2d" || s.type == "avgpool2d";
  s.kernel = r.integer("kernel", pool ? 2 : s.kernel, 1, 64);
  s.stride = r.integer("stride", pool ? s.kernel : s.stride, 1, 64);
  s.padding = r.integer("padding", 0, 0, 64);
  s.rate = r.number("rate", 0.5, 0, 0.95);
  s.activation.kind = *parse_activation(r.choice("activation", "linear", activation_names()));
  if (r.has("alpha") || s.activation.kind == ActivationKind::Elu)
    s.activation.alpha = static_cast<Scalar>(r.number("alpha", 1.0, 0, 10));
  s.init = read_init(r);
  if (r.has("weight")) s.weight = r.numbers("weight", 50'000'000);
  if (r.has("bias")) s.bias = r.numbers("bias", 1'000'000);
  return s;
}

OptimizerSettings read_optimizer(const JsonReader& r) {
  OptimizerSettings o;
  o.kind = *parse_optimizer(r.choice("name", "sgd", optimizer_names()));
  o.lr = r.number("lr", 0.03, 0, 1e3);
  o.momentum = r.number("momentum", 0.9, 0, 1);
  o.rho = r.number("rho", 0.99, 0, 1);
  o.beta1 = r.number("beta1", 0.9, 0, 1);
  o.beta2 = r.number("beta2", 0.999, 0, 1);
  o.eps = r.number("eps", 1e-8, 0, 1);
  o.eps_adagrad = r.number("eps_adagrad", 1e-10, 0, 1);
  return o;
}

std::vector<Point> read_points(const JsonReader& data, Task task) {
  std::vector<Point> pts;
  const size_t n = data.array_size("points", kMaxPoints);
  for (size_t i = 0; i < n; ++i) {
    const json& v = data.raw().at("points").at(i);
    const std::string field = "points[" + std::to_string(i) + "]";
    if (!v.is_array() || v.size() < 3 || v.size() > 4 || !v[0].is_number() || !v[1].is_number() ||
        !v[2].is_number())
      data.fail(field, "expected [x1, x2, " + std::string(task == Task::Regression ? "value" : "label") +
                           "] or with a 4th entry \"train\"/\"validation\"/\"test\", got " + describe_json(v));
    Point p{v[0].get<double>(), v[1].get<double>(), v[2].get<double>(), SplitId::Train};
    if (!std::isfinite(p.x1) || !std::isfinite(p.x2) || !std::isfinite(p.y))
      data.fail(field, "coordinates and values must be finite numbers");
    if (task == Task::Classification && (p.y < 0 || p.y > 7 || p.y != std::floor(p.y)))
      data.fail(field, "expected a class label 0 to 7, got " + describe_json(v[2]));
    if (v.size() == 4) {
      auto s = v[3].is_string() ? parse_split(v[3].get<std::string>()) : std::nullopt;
      if (!s) data.fail(field, "the 4th entry must be \"train\", \"validation\" or \"test\"");
      p.split = *s;
    }
    pts.push_back(p);
  }
  return pts;
}

void read_data(const JsonReader& root, Experiment& e, const std::string& base_dir) {
  const JsonReader d = root.child("data");
  DataConfig& c = e.data;
  c.source = d.choice("source", d.has("points") ? "points" : "generator",
                      {"generator", "points", "csv", "images"});
  if (d.has("generator")) {
    const JsonReader g = d.child("generator");
    c.generator.name = g.choice("name", "circle", generator_names());
    c.generator.n = g.integer("n", 400, 1, static_cast<int>(kMaxPoints));
    c.generator.noise = g.number("noise", 0.1, 0, 5);
    c.generator.classes = g.integer("classes", 2, 2, 8);
    c.generator.seed = static_cast<uint64_t>(g.integer("seed", 1, 0, 2147483647));
  }
  if (d.has("images")) {
    const JsonReader im = d.child("images");
    c.images.name = im.choice("name", "synthetic", {"fashion-mnist", "mnist", "synthetic"});
    c.images.dir = im.string("dir", "");
    c.images.limit_train = im.integer("limit_train", 0, 0, 10'000'000);
    c.images.limit_test = im.integer("limit_test", 0, 0, 10'000'000);
    c.images.standardize = im.boolean("standardize", false);
  }
  c.points.task = e.task;
  if (c.source == "generator") {
    if (!d.has("generator")) d.fail("generator", "missing: the source is \"generator\"");
    if (generator_is_regression(c.generator.name) != (e.task == Task::Regression))
      d.fail("generator.name", "\"" + c.generator.name + "\" does not make " +
                                   (e.task == Task::Regression ? "regression" : "classification") + " data");
    c.points = generate(c.generator);
    assign_splits(c.points, e.splits, e.seed);
  } else if (c.source == "points") {
    c.points.points = read_points(d, e.task);
    int classes = 2;
    for (const auto& p : c.points.points) classes = std::max(classes, int(p.y) + 1);
    c.points.num_classes = e.task == Task::Classification ? d.integer("classes", classes, classes, 8) : 0;
    if (!d.has("points") || c.points.points.empty()) d.fail("points", "expected at least one point");
    bool any_split = false;
    for (size_t i = 0; i < c.points.points.size(); ++i)
      any_split |= d.raw().at("points").at(i).size() == 4;
    if (!any_split) assign_splits(c.points, e.splits, e.seed);
  } else if (c.source == "csv") {
    c.csv_path = d.string("csv", "");
    if (c.csv_path.empty()) d.fail("csv", "missing: the path of a CSV file of points");
    std::filesystem::path p(c.csv_path);
    if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
    c.points = read_points_csv(p.string());
    if (c.points.task != e.task) d.fail("csv", "the CSV holds " + std::string(c.points.task == Task::Regression ? "values (regression)" : "labels (classification)") + " but the task says otherwise");
    assign_splits(c.points, e.splits, e.seed);
  } else if (!d.has("images")) {
    d.fail("images", "missing: the source is \"images\"");
  }
}
}  // namespace

Experiment parse_experiment(const std::string& text, const std::string& file,
                            const std::string& base_dir) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& ex) {
    throw Error(file + ": not valid JSON (" + std::string(ex.what()) + ")");
  }
  if (!root.is_object()) throw Error(file + ": expected a JSON object at the top level");
  const JsonReader r(root, file);
  Experiment e;
  e.version = r.integer("version", 1, 1, 1);
  e.name = r.string("name", std::filesystem::path(file).stem().string());
  e.description = r.string("description", "");
  e.task = r.choice("task", "classification", {"classification", "regression"}) == "regression"
               ? Task::Regression
               : Task::Classification;
  e.seed = static_cast<uint64_t>(r.integer("seed", 1, 0, 2147483647));
  e.epochs = r.integer("epochs", 100, 1, 1'000'000);
  if (r.has("splits")) {
    const JsonReader s = r.child("splits");
    e.splits.train = s.number("train", 0.7, 0, 1);
    e.splits.validation = s.number("validation", 0.15, 0, 1);
    e.splits.test = s.number("test", 0.15, 0, 1);
    try {
      validate_fractions(e.splits);
    } catch (const Error& ex) {
      r.fail("splits", ex.what());
    }
  }
  if (r.has("features")) e.features = r.strings("features", 16);
  read_data(r, e, base_dir);
  const size_t nl = r.array_size("layers", kMaxLayers);
  if (nl == 0) r.fail("layers", "missing or empty: list the layers, the last one is the output layer");
  for (size_t i = 0; i < nl; ++i) {
    const JsonReader layer(root.at("layers").at(i), file, "layers[" + std::to_string(i) + "]");
    if (!layer.raw().is_object()) layer.fail("", "expected an object like {\"type\": \"dense\", \"units\": 8}");
    e.network.layers.push_back(read_layer(layer));
  }
  e.loss.kind = *parse_loss(r.choice("loss", e.task == Task::Regression ? "mse" : "bce", loss_names()));
  if (r.has("optimizer")) e.train.optimizer = read_optimizer(r.child("optimizer"));
  e.train.batch_size = r.integer("batch_size", 10, 1, 10'000'000);
  if (r.has("regularization")) {
    const JsonReader g = r.child("regularization");
    e.train.regularization.kind = *parse_regularization(g.choice("kind", "none", {"none", "l1", "l2"}));
    e.train.regularization.rate = g.number("rate", 0.001, 0, 100);
  }
  if (r.has("weights")) e.weights = r.numbers("weights", 200'000'000);
  validate_experiment(e, file);
  return e;
}

void validate_experiment(Experiment& e, const std::string& file) {
  auto fail = [&](const std::string& field, const std::string& what) {
    throw Error(file + ": " + field + ": " + what);
  };
  const bool images = e.data.source == "images";
  if (!images) {
    if (e.features.empty()) fail("features", "expected at least one input feature, e.g. [\"x1\", \"x2\"]");
    for (size_t i = 0; i < e.features.size(); ++i)
      if (!is_feature_name(e.features[i]))
        fail("features[" + std::to_string(i) + "]", "unknown feature \"" + e.features[i] + "\"");
    e.network.input = {static_cast<int>(e.features.size()), 1, 1};
  } else {
    e.network.input = {1, 28, 28};
  }
  if (e.network.layers.empty()) fail("layers", "expected at least the output layer");
  LayerSpec& out = e.network.layers.back();
  const std::string out_field = "layers[" + std::to_string(e.network.layers.size() - 1) + "]";
  const int classes = images ? 10 : e.data.points.num_classes;
  if (out.type != "dense") fail(out_field, "the output layer must be dense");
  if (e.task == Task::Regression && e.loss.kind != LossKind::Mse)
    fail("loss", "regression needs \"mse\", got \"" + e.loss.name() + "\"");
  if (e.loss.kind == LossKind::Bce) {
    if (out.units != 1) fail(out_field + ".units", "binary cross-entropy needs 1 output unit, got " + std::to_string(out.units));
    if (out.activation.kind != ActivationKind::Sigmoid && out.activation.kind != ActivationKind::Linear)
      fail(out_field + ".activation", "with bce the output is a sigmoid, got \"" + out.activation.name() + "\"");
    out.activation.kind = ActivationKind::Sigmoid;
    if (!images && classes > 2) fail("loss", "bce is for 2 classes; the data has " + std::to_string(classes) + ": use \"softmax_ce\"");
  } else if (e.loss.kind == LossKind::SoftmaxCe) {
    if (!images && out.units != classes)
      fail(out_field + ".units", "softmax cross-entropy needs one unit per class (" + std::to_string(classes) + "), got " + std::to_string(out.units));
    if (out.activation.kind != ActivationKind::Softmax && out.activation.kind != ActivationKind::Linear)
      fail(out_field + ".activation", "with softmax_ce the output is a softmax, got \"" + out.activation.name() + "\"");
    out.activation.kind = ActivationKind::Softmax;
  } else if (out.activation.kind == ActivationKind::Softmax) {
    fail(out_field + ".activation", "softmax belongs with the softmax_ce loss");
  }
  for (size_t i = 0; i + 1 < e.network.layers.size(); ++i)
    if (e.network.layers[i].activation.kind == ActivationKind::Softmax)
      fail("layers[" + std::to_string(i) + "].activation", "softmax is only for the output layer");
  try {
    Rng rng(1);
    Network check(e.network, rng);  // shapes and explicit values
    if (e.weights && e.weights->size() != check.param_count())
      fail("weights", "has " + std::to_string(e.weights->size()) + " values but the network has " +
                          std::to_string(check.param_count()) + " parameters");
  } catch (const Error& ex) {
    const std::string msg = ex.what();
    if (msg.rfind(file + ":", 0) == 0) throw;
    throw Error(file + ": layers: " + msg);
  }
}

std::string read_text_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(path + ": cannot open the file (" + ec.message() + ")");
  if (size > 512u * 1024 * 1024) throw Error(path + ": the file is larger than 512 MB, refusing to load it");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Experiment load_experiment(const std::string& path) {
  const std::string text = read_text_file(path);
  const auto dir = std::filesystem::path(path).parent_path().string();
  return parse_experiment(text, path, dir.empty() ? "." : dir);
}

}  // namespace nnplay
