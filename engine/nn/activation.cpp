#include "engine/nn/activation.h"

#include <cmath>

#include "engine/core/error.h"

namespace nnplay {

namespace {
const std::vector<std::string> kNames = {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
                                         "softmax"};

// Stable logistic function: never exponentiates a large positive number.
inline Scalar sigmoid(Scalar z) {
  if (z >= 0) return Scalar(1) / (Scalar(1) + std::exp(-z));
  const Scalar e = std::exp(z);
  return e / (Scalar(1) + e);
}
}  // namespace

std::optional<ActivationKind> parse_activation(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<ActivationKind>(i);
  return std::nullopt;
}
std::string activation_name(ActivationKind kind) { return kNames[static_cast<size_t>(kind)]; }
const std::vector<std::string>& activation_names() { return kNames; }
std::string Activation::name() const { return activation_name(kind); }

void Activation::apply(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  auto za = z.array();
  switch (kind) {
    case ActivationKind::Linear:
      a = z;
      break;
    case ActivationKind::Sigmoid:
      // 0.5 * (1 + tanh(z/2)) is exact, stable and uses Eigen's vectorised tanh.
      a.array() = Scalar(0.5) * ((za * Scalar(0.5)).tanh() + Scalar(1));
      break;
    case ActivationKind::Tanh:
      a.array() = za.tanh();
      break;
    case ActivationKind::Relu:
      a.array() = za.max(Scalar(0));
      break;
    case ActivationKind::LeakyRelu:
      a.array() = (za > 0).select(za, za * alpha);
      break;
    case ActivationKind::Elu:
      a.array() = (za > 0).select(za, alpha * (za.min(Scalar(0)).exp() - Scalar(1)));
      break;
    case ActivationKind::Softmax: {
      for (Eigen::Index r = 0; r < z.rows(); ++r) {
        const Scalar m = z.row(r).maxCoeff();
        a.row(r) = (z.row(r).array() - m).exp().matrix();
        a.row(r) /= a.row(r).sum();
      }
      break;
    }
  }
}

void Activation::backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const {
  dz.resize(da.rows(), da.cols());
  switch (kind) {
    case ActivationKind::Linear:
      dz = da;
      break;
    case ActivationKind::Sigmoid:
      dz.array() = da.array() * a.array() * (Scalar(1) - a.array());
      break;
    case ActivationKind::Tanh:
      dz.array() = da.array() * (Scalar(1) - a.array().square());
      break;
    case ActivationKind::Relu:
      dz.array() = (z.array() > 0).select(da.array(), Scalar(0));
      break;
    case ActivationKind::LeakyRelu:
      dz.array() = (z.array() > 0).select(da.array(), da.array() * alpha);
      break;
    case ActivationKind::Elu:
      // For z <= 0, f'(z) = alpha * e^z = a + alpha.
      dz.array() = (z.array() > 0).select(da.array(), da.array() * (a.array() + alpha));
      break;
    case ActivationKind::Softmax: {
      // Full Jacobian-vector product: dz_i = a_i (da_i - sum_j a_j da_j).
      for (Eigen::Index r = 0; r < z.rows(); ++r) {
        const Scalar dot = a.row(r).dot(da.row(r));
        dz.row(r).array() = a.row(r).array() * (da.row(r).array() - dot);
      }
      break;
    }
  }
}

double Activation::value(double z) const {
  switch (kind) {
    case ActivationKind::Linear: return z;
    case ActivationKind::Sigmoid: return sigmoid(static_cast<Scalar>(z));
    case ActivationKind::Tanh: return std::tanh(z);
    case ActivationKind::Relu: return z > 0 ? z : 0;
    case ActivationKind::LeakyRelu: return z > 0 ? z : alpha * z;
    case ActivationKind::Elu: return z > 0 ? z : alpha * (std::exp(z) - 1);
    case ActivationKind::Softmax: return z;  // needs the whole row; shown per unit as z
  }
  return z;
}

double Activation::derivative(double z) const {
  switch (kind) {
    case ActivationKind::Linear: return 1;
    case ActivationKind::Sigmoid: {
      const double s = value(z);
      return s * (1 - s);
    }
    case ActivationKind::Tanh: {
      const double t = std::tanh(z);
      return 1 - t * t;
    }
    case ActivationKind::Relu: return z > 0 ? 1 : 0;
    case ActivationKind::LeakyRelu: return z > 0 ? 1 : alpha;
    case ActivationKind::Elu: return z > 0 ? 1 : alpha * std::exp(z);
    case ActivationKind::Softmax: return 1;
  }
  return 1;
}

}  // namespace nnplay
