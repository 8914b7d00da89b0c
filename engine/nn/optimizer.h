// Optimisers over the network's flat parameter buffer, with the update rules of PyTorch's
// torch.optim documentation (g is the gradient including regularisation, t counts from 1):
//   sgd:      p -= lr g
//   momentum: v = mu v + g;            p -= lr v
//   nesterov: v = mu v + g;            p -= lr (g + mu v)
//   adagrad:  s += g^2;                p -= lr g / (sqrt(s) + eps)             eps = 1e-10
//   rmsprop:  s = a s + (1 - a) g^2;   p -= lr g / (sqrt(s) + eps)             a = 0.99, eps = 1e-8
//   adam:     m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2;
//             p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)          (Kingma & Ba 2015)
// Hyper-parameters can change between steps without losing the state (a student's live edit).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

enum class OptimizerKind { Sgd, Momentum, Nesterov, Adagrad, RmsProp, Adam };

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::Sgd;
  double lr = 0.03;
  double momentum = 0.9;  // momentum, nesterov
  double rho = 0.99;      // rmsprop's smoothing constant (PyTorch's alpha)
  double beta1 = 0.9, beta2 = 0.999;
  double eps = 1e-8;      // rmsprop, adam; adagrad uses eps_adagrad
  double eps_adagrad = 1e-10;
  bool operator==(const OptimizerSettings&) const = default;
  std::string name() const;
};

std::optional<OptimizerKind> parse_optimizer(std::string_view name);
const std::vector<std::string>& optimizer_names();

class Optimizer {
 public:
  explicit Optimizer(OptimizerSettings s = {}) : settings_(s) {}
  const OptimizerSettings& settings() const { return settings_; }
  // Changing the kind resets the state; changing rates keeps it.
  void set_settings(const OptimizerSettings& s);
  void reset() { m_.clear(); v_.clear(); t_ = 0; }
  long steps() const { return t_; }
  void step(Scalar* params, const Scalar* grads, size_t n);
  // step() in parts, so slices of a large buffer can be updated on several threads: begin_step
  // sizes the state and advances the step counter once, then update() applies the rule to
  // elements [lo, hi) (any split gives the same values as step()).
  void begin_step(size_t n);
  void update(Scalar* params, const Scalar* grads, size_t lo, size_t hi);

 private:
  OptimizerSettings settings_;
  std::vector<Scalar> m_, v_;  // first state (velocity, adam's m) and second (squares)
  long t_ = 0;
  Scalar bias1_ = 0, bias2_ = 0;  // 1 - beta1^t and 1 - beta2^t, set by begin_step
};

}  // namespace nnplay
