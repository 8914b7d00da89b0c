#include "engine/nn/optimizer.h"

#include <cmath>

namespace nnplay {

namespace {
const std::vector<std::string> kNames = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"};
}

std::optional<OptimizerKind> parse_optimizer(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<OptimizerKind>(i);
  return std::nullopt;
}
const std::vector<std::string>& optimizer_names() { return kNames; }
std::string OptimizerSettings::name() const { return kNames[static_cast<size_t>(kind)]; }

void Optimizer::set_settings(const OptimizerSettings& s) {
  if (s.kind != settings_.kind) reset();
  settings_ = s;
}

void Optimizer::step(Scalar* p, const Scalar* g, size_t n) {
  begin_step(n);
  update(p, g, 0, n);
}

void Optimizer::begin_step(size_t n) {
  if (m_.size() != n) {
    m_.assign(n, 0);
    v_.assign(n, 0);
    t_ = 0;
  }
  ++t_;
  // Adam's bias corrections, once per step rather than once per slice update() is called on.
  bias1_ = static_cast<Scalar>(1 - std::pow(settings_.beta1, double(t_)));
  bias2_ = static_cast<Scalar>(1 - std::pow(settings_.beta2, double(t_)));
}

void Optimizer::update(Scalar* p, const Scalar* g, size_t lo, size_t hi) {
  const Scalar lr = static_cast<Scalar>(settings_.lr);
  const Scalar mu = static_cast<Scalar>(settings_.momentum);
  Scalar* m = m_.data();
  Scalar* v = v_.data();
  switch (settings_.kind) {
    case OptimizerKind::Sgd:
      for (size_t i = lo; i < hi; ++i) p[i] -= lr * g[i];
      break;
    case OptimizerKind::Momentum:
      for (size_t i = lo; i < hi; ++i) {
        m[i] = mu * m[i] + g[i];
        p[i] -= lr * m[i];
      }
      break;
    case OptimizerKind::Nesterov:
      for (size_t i = lo; i < hi; ++i) {
        m[i] = mu * m[i] + g[i];
        p[i] -= lr * (g[i] + mu * m[i]);
      }
      break;
    case OptimizerKind::Adagrad: {
      const Scalar eps = static_cast<Scalar>(settings_.eps_adagrad);
      for (size_t i = lo; i < hi; ++i) {
        v[i] += g[i] * g[i];
        p[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
      }
      break;
    }
    case OptimizerKind::RmsProp: {
      const Scalar a = static_cast<Scalar>(settings_.rho), eps = static_cast<Scalar>(settings_.eps);
      for (size_t i = lo; i < hi; ++i) {
        v[i] = a * v[i] + (1 - a) * g[i] * g[i];
        p[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
      }
      break;
    }
    case OptimizerKind::Adam: {
      const Scalar b1 = static_cast<Scalar>(settings_.beta1), b2 = static_cast<Scalar>(settings_.beta2);
      const Scalar eps = static_cast<Scalar>(settings_.eps);
      const Scalar c1 = bias1_, c2 = bias2_;
      for (size_t i = lo; i < hi; ++i) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        p[i] -= lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
      }
      break;
    }
  }
}

}  // namespace nnplay
