// Elementwise activations and their derivatives, written in terms of z (pre-activation) and
// a = f(z) so backward can use whichever is cheaper. sigmoid'(z) = s(z)(1 - s(z)), which the
// course notes misprint as s(z)s(1 - z).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

enum class ActivationKind { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Elu, Softmax };

struct Activation {
  ActivationKind kind = ActivationKind::Linear;
  Scalar alpha = 0.01f;  // leaky ReLU slope, or ELU's alpha

  // a = f(z), same shape; a may alias z.
  void apply(const Matrix& z, Matrix& a) const;
  // dz = da * f'(z), elementwise; dz may alias da. Softmax is only valid fused with the loss.
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const;
  // Scalar versions for plots and formulas in the UI.
  double value(double z) const;
  double derivative(double z) const;

  std::string name() const;
  bool operator==(const Activation&) const = default;
};

// "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softmax".
std::optional<ActivationKind> parse_activation(std::string_view name);
std::string activation_name(ActivationKind kind);
const std::vector<std::string>& activation_names();
// A unit is "saturated" when |z| exceeds this (sigmoid' < 0.018, tanh' < 0.0014 there).
inline constexpr double kSaturationThreshold = 4.0;

}  // namespace nnplay
