#include "app/gui/logic/compare_presets.h"

#include <cstdio>

namespace nnplay::gui {

namespace {

Experiment with_hidden(const Experiment& doc, ActivationKind act, InitKind init) {
  Experiment e = doc;
  auto& layers = e.network.layers;
  for (size_t i = 0; i + 1 < layers.size(); ++i) {
    if (layers[i].type != "dense" && layers[i].type != "conv2d") continue;
    layers[i].activation.kind = act;
    layers[i].init.kind = init;
    layers[i].weight.reset();  // explicit weights were chosen for the other activation
    layers[i].bias.reset();
  }
  return e;
}

std::string lr_text(double lr) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", lr);
  return buf;
}

}  // namespace

std::vector<CompareRunSpec> preset_sigmoid_vs_relu(const Experiment& doc) {
  return {{"sigmoid", with_hidden(doc, ActivationKind::Sigmoid, InitKind::XavierUniform)},
          {"ReLU + He", with_hidden(doc, ActivationKind::Relu, InitKind::HeUniform)}};
}

std::vector<CompareRunSpec> preset_optimizer_race(const Experiment& doc) {
  struct Entry {
    OptimizerKind kind;
    const char* name;
    double lr;
  };
  // SGD-like methods keep the document's rate; adaptive ones normalise the step per weight,
  // so their usual rates are smaller (PyTorch's defaults for RMSProp and Adam are 0.01, 0.001).
  const double lr = doc.train.optimizer.lr;
  const Entry entries[] = {{OptimizerKind::Sgd, "SGD", lr},         {OptimizerKind::Momentum, "momentum", lr},
                           {OptimizerKind::Nesterov, "Nesterov", lr}, {OptimizerKind::Adagrad, "Adagrad", 0.1},
                           {OptimizerKind::RmsProp, "RMSProp", 0.01}, {OptimizerKind::Adam, "Adam", 0.01}};
  std::vector<CompareRunSpec> out;
  for (const Entry& en : entries) {
    Experiment e = doc;
    e.train.optimizer.kind = en.kind;
    e.train.optimizer.lr = en.lr;
    out.push_back({std::string(en.name) + " " + lr_text(en.lr), std::move(e)});
  }
  return out;
}

CompareRunSpec preset_current(const Experiment& doc) { return {describe_config(doc), doc}; }

std::string describe_config(const Experiment& e) {
  std::string act, widths;
  const auto& layers = e.network.layers;
  for (size_t i = 0; i + 1 < layers.size(); ++i) {
    if (layers[i].type != "dense") continue;
    const std::string name = layers[i].activation.name();
    if (act.empty()) act = name;
    else if (act != name) act = "mixed";
    widths += (widths.empty() ? "" : "-") + std::to_string(layers[i].units);
  }
  std::string s = act.empty() ? "no hidden layer" : act + " " + widths;
  return s + ", " + e.train.optimizer.name() + " " + lr_text(e.train.optimizer.lr);
}

}  // namespace nnplay::gui
