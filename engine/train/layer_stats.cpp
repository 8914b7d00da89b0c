#include "engine/train/layer_stats.h"

#include <algorithm>
#include <cmath>

#include "engine/nn/dense.h"
#include "engine/train/session.h"

namespace nnplay {

int Histogram::total() const {
  int t = 0;
  for (int c : counts) t += c;
  return t;
}

Histogram make_histogram(const Scalar* v, size_t n, bool symlog) {
  Histogram h;
  h.symlog = symlog;
  auto map = [&](double x) {
    return symlog ? (x < 0 ? -1 : 1) * std::log10(1 + std::abs(x) / h.linthresh) : x;
  };
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(double(v[i]))) continue;
    const double m = map(v[i]);
    lo = std::min(lo, m);
    hi = std::max(hi, m);
  }
  if (lo > hi) return h;  // nothing finite
  // The full range keeps the tails visible; a flat distribution still gets a visible bin width.
  if (hi - lo < 1e-12) {
    const double pad = std::max(1e-6, std::abs(lo) * 0.05);
    lo -= pad;
    hi += pad;
  }
  h.lo = lo;
  h.hi = hi;
  const double scale = kHistogramBins / (hi - lo);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(double(v[i]))) continue;
    const int b = static_cast<int>((map(v[i]) - lo) * scale);
    ++h.counts[std::clamp(b, 0, kHistogramBins - 1)];
  }
  return h;
}

namespace {
double norm(const Scalar* v, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; ++i) s += double(v[i]) * v[i];
  return std::sqrt(s);
}
}  // namespace

std::vector<LayerStats> TrainingSession::layer_stats(bool symlog) const {
  std::vector<LayerStats> out;
  const int chunks = std::min<int>(plan_chunks(std::max(1, last_batch_)), chunks_.size());
  for (int l = 0; l < net_->size(); ++l) {
    const Layer& layer = net_->layer(l);
    LayerStats s;
    s.type = layer.type();
    for (const auto& info : layer.params()) {
      if (info.name != "weight") continue;
      const size_t off = net_->param_offset(l) + info.offset, n = size_t(info.rows) * info.cols;
      const Scalar* w = net_->params().data() + off;
      s.weight_norm = norm(w, n);
      s.weights = make_histogram(w, n, symlog);
      if (grads_.size() == net_->param_count()) {
        const Scalar* g = grads_.data() + off;
        s.grad_norm = norm(g, n);
        double sum = 0;
        for (size_t i = 0; i < n; ++i) sum += std::abs(double(g[i]));
        s.grad_mean_abs = sum / double(n);
        s.grads = make_histogram(g, n, symlog);
      }
      if (params_before_.size() == net_->param_count() && s.weight_norm > 0) {
        double d = 0;
        for (size_t i = 0; i < n; ++i) d += std::pow(double(w[i]) - params_before_[off + i], 2);
        s.update_ratio = std::sqrt(d) / s.weight_norm;
      }
    }
    if (chunks > 0 && !chunks_[0].layers.empty()) {
      const LayerBuffers& b0 = chunks_[0].layers[l];
      const Matrix& z0 = pre_activation(layer, b0);
      s.pre_activations = make_histogram(z0.data(), z0.size(), symlog);
      s.activations = make_histogram(b0.a.data(), b0.a.size(), symlog);
      const auto kind = layer.activation.kind;
      const Eigen::Index units = b0.a.cols();
      if (kind == ActivationKind::Sigmoid || kind == ActivationKind::Tanh) {
        long sat = 0, total = 0;
        for (int c = 0; c < chunks; ++c) {
          const Matrix& z = pre_activation(layer, chunks_[c].layers[l]);
          sat += (z.array().abs() > Scalar(kSaturationThreshold)).count();
          total += z.size();
        }
        s.saturated_fraction = total ? double(sat) / total : 0;
      } else if (kind == ActivationKind::Relu && units > 0) {
        long dead = 0;
        for (Eigen::Index u = 0; u < units; ++u) {
          bool alive = false;
          for (int c = 0; c < chunks && !alive; ++c)
            alive = (chunks_[c].layers[l].a.col(u).array() > 0).any();
          dead += !alive;
        }
        s.dead_fraction = double(dead) / units;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace nnplay
