// Explanations and formulas of the network builder; see network_text.h.
#include "app/gui/logic/network_text.h"

#include <cmath>
#include <cstdio>

namespace nnplay::gui {

const char* activation_help(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::Linear:
      return "linear: a = z. Passes the weighted sum through unchanged; a stack of linear layers "
             "can only draw straight boundaries.";
    case ActivationKind::Sigmoid:
      return "sigmoid: a = 1 / (1 + e^-z), squashes z into 0..1 (a probability). Flat for large "
             "|z|, so gradients vanish when units saturate.";
    case ActivationKind::Tanh:
      return "tanh: squashes z into -1..1 and is centred on 0, which usually trains faster than "
             "sigmoid. Also saturates for large |z|.";
    case ActivationKind::Relu:
      return "ReLU: a = max(0, z). Cheap and does not saturate for positive z, but a unit whose z "
             "is always negative outputs 0 and stops learning (a dead unit).";
    case ActivationKind::LeakyRelu:
      return "leaky ReLU: like ReLU but with a small slope (alpha * z) for negative z, so units "
             "never die completely.";
    case ActivationKind::Elu:
      return "ELU: z for positive z, a smooth curve down to -alpha for negative z. Like ReLU, "
             "but smoother and with outputs centred nearer 0.";
    case ActivationKind::Softmax:
      return "softmax: turns the output layer's scores into probabilities that add up to 1, one "
             "per class.";
  }
  return "";
}

const char* init_help(InitKind kind) {
  switch (kind) {
    case InitKind::Zeros:
      return "zeros: every weight starts at 0. All neurons of a layer then compute the same thing "
             "and stay identical: a classic mistake worth seeing once.";
    case InitKind::Uniform:
      return "uniform: weights drawn evenly from -scale..scale, the same for every layer size.";
    case InitKind::Normal:
      return "normal: weights drawn from a bell curve with a fixed spread, whatever the layer "
             "size.";
    case InitKind::XavierUniform:
    case InitKind::XavierNormal:
      return "Xavier/Glorot: variance 2/(fan_in + fan_out), keeps signals about the same size "
             "through tanh and sigmoid layers.";
    case InitKind::HeUniform:
    case InitKind::HeNormal:
      return "He: variance 2/fan_in, keeps ReLU activations from shrinking layer after layer.";
  }
  return "";
}

const char* param_count_help() {
  return "Parameters are the numbers training adjusts: one weight per connection (inputs x "
         "neurons) plus one bias per neuron. More parameters can fit more complex shapes, and "
         "overfit more easily.";
}

namespace {

std::string number(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

NeuronFormula neuron_formula(const std::vector<std::string>& inputs, const float* w, float b,
                             const std::string& activation, int max_terms) {
  NeuronFormula f;
  f.z = "z =";
  f.weights = "weights in: ";
  const int n = static_cast<int>(inputs.size());
  for (int i = 0; i < n && i < max_terms; ++i) {
    const bool neg = w[i] < 0;
    f.z += i == 0 ? (neg ? " -" : " ") : (neg ? " - " : " + ");
    f.z += number(std::fabs(w[i])) + " " + inputs[i];
    f.weights += (i ? ", " : "") + number(w[i]);
  }
  if (n > max_terms) {
    f.z += " + ... (" + std::to_string(n - max_terms) + " more)";
    f.weights += ", ...";
  }
  f.z += (b < 0 ? " - " : " + ") + number(std::fabs(b));
  f.weights += "   bias: " + number(b);
  f.a = "a = " + activation + "(z)";
  return f;
}

std::vector<std::string> unit_names(int layer, int units) {
  std::vector<std::string> names;
  for (int u = 0; u < units; ++u)
    names.push_back("h" + std::to_string(layer) + "_" + std::to_string(u + 1));
  return names;
}

}  // namespace nnplay::gui
