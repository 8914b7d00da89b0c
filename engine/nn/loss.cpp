#include "engine/nn/loss.h"

#include <cmath>

#include "engine/core/error.h"

namespace nnplay {

namespace {
const std::vector<std::string> kNames = {"mse", "bce", "softmax_ce"};

inline double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))); }
inline double logistic(double z) {
  return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}
}  // namespace

std::optional<LossKind> parse_loss(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<LossKind>(i);
  if (name == "cross_entropy") return LossKind::SoftmaxCe;
  return std::nullopt;
}
const std::vector<std::string>& loss_names() { return kNames; }
std::string Loss::name() const { return kNames[static_cast<size_t>(kind)]; }

double Loss::evaluate(const Matrix& out, const Matrix& targets, Matrix* d_out,
                      Eigen::Index batch_total) const {
  const Eigen::Index b = out.rows(), k = out.cols();
  const double inv = 1.0 / static_cast<double>(batch_total);
  if (d_out) d_out->resize(b, k);
  double total = 0;
  switch (kind) {
    case LossKind::Mse: {
      const bool broadcast = targets.cols() == 1 && k > 1;
      for (Eigen::Index r = 0; r < b; ++r) {
        double sample = 0;
        for (Eigen::Index c = 0; c < k; ++c) {
          const double diff = double(out(r, c)) - targets(r, broadcast ? 0 : c);
          sample += diff * diff;
          if (d_out) (*d_out)(r, c) = static_cast<Scalar>(2.0 * diff * inv / double(k));
        }
        total += sample / double(k);
      }
      break;
    }
    case LossKind::Bce:
      for (Eigen::Index r = 0; r < b; ++r) {
        const double z = out(r, 0), t = targets(r, 0);
        total += softplus(z) - t * z;
        if (d_out) (*d_out)(r, 0) = static_cast<Scalar>((logistic(z) - t) * inv);
      }
      break;
    case LossKind::SoftmaxCe:
      for (Eigen::Index r = 0; r < b; ++r) {
        const int t = static_cast<int>(targets(r, 0));
        const double m = out.row(r).maxCoeff();
        double sum = 0;
        for (Eigen::Index c = 0; c < k; ++c) sum += std::exp(double(out(r, c)) - m);
        const double lse = m + std::log(sum);
        total += lse - out(r, t);
        if (d_out)
          for (Eigen::Index c = 0; c < k; ++c)
            (*d_out)(r, c) =
                static_cast<Scalar>((std::exp(double(out(r, c)) - lse) - (c == t ? 1.0 : 0.0)) * inv);
      }
      break;
  }
  return total;
}

void Loss::predict(const Matrix& out, Matrix& shown) const {
  shown.resize(out.rows(), out.cols());
  switch (kind) {
    case LossKind::Mse:
      shown = out;
      break;
    case LossKind::Bce:
      shown.array() = Scalar(0.5) * ((out.array() * Scalar(0.5)).tanh() + Scalar(1));
      break;
    case LossKind::SoftmaxCe:
      for (Eigen::Index r = 0; r < out.rows(); ++r) {
        shown.row(r) = (out.row(r).array() - out.row(r).maxCoeff()).exp().matrix();
        shown.row(r) /= shown.row(r).sum();
      }
      break;
  }
}

}  // namespace nnplay
