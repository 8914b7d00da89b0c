// Losses, all averaged over the batch. Classification losses take logits, never probabilities,
// so they stay finite for any input (log-sum-exp and softplus forms).
//   mse:        l = mean_k (y_k - t_k)^2                (no 1/2, as in the course notes)
//   bce:        l = softplus(z) - t z = -[t log s(z) + (1-t) log(1-s(z))]   (t in {0,1})
//   softmax_ce: l = logsumexp(z) - z_t
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/tensor.h"

namespace nnplay {

enum class LossKind { Mse, Bce, SoftmaxCe };

struct Loss {
  LossKind kind = LossKind::Bce;

  // out: (B, k) network output (logits for bce/softmax_ce). targets: (B, 1), a class index for
  // classification or the value for regression (mse with k == 1), or (B, k) values for mse.
  // Returns the SUM of per-sample losses. If d_out is given, writes dL/d(out) of
  // L = (sum of per-sample losses) / batch_total, so chunks of one batch add up exactly.
  double evaluate(const Matrix& out, const Matrix& targets, Matrix* d_out,
                  Eigen::Index batch_total) const;
  // Turns outputs into what a user sees: probabilities (sigmoid, softmax) or values (mse).
  void predict(const Matrix& out, Matrix& shown) const;
  std::string name() const;
};

std::optional<LossKind> parse_loss(std::string_view name);
const std::vector<std::string>& loss_names();

}  // namespace nnplay
