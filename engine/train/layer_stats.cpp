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

double symlog_of(double v, double linthresh) {
  return (v < 0 ? -1 : 1) * std::log10(1 + std::abs(v) / linthresh);
}

double symlog_to_value(double m, double linthresh) {
  return (m < 0 ? -1 : 1) * linthresh * (std::pow(10.0, std::abs(m)) - 1);
}

namespace {

// [lo, hi] with a visible width even when every value is the same.
void set_range(Histogram& h, double lo, double hi) {
  if (hi - lo < 1e-12) {
    const double pad = std::max(1e-6, std::abs(lo) * 0.05);
    lo -= pad;
    hi += pad;
  }
  h.lo = lo;
  h.hi = hi;
}

int bin_of(double m, const Histogram& h, double scale) {
  return std::clamp(static_cast<int>((m - h.lo) * scale), 0, kHistogramBins - 1);
}

}  // namespace

void make_histograms(const Scalar* v, size_t n, Histogram& linear, Histogram& symlog) {
  linear = Histogram{};
  symlog = Histogram{};
  symlog.symlog = true;
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    const double x = v[i];
    if (!std::isfinite(x)) continue;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  if (lo > hi) return;  // nothing finite
  // symlog is monotonic: the mapped range is the mapped ends, no second search needed.
  set_range(linear, lo, hi);
  set_range(symlog, symlog_of(lo, symlog.linthresh), symlog_of(hi, symlog.linthresh));
  const double lin_scale = kHistogramBins / (linear.hi - linear.lo);
  const double log_scale = kHistogramBins / (symlog.hi - symlog.lo);
  for (size_t i = 0; i < n; ++i) {
    const double x = v[i];
    if (!std::isfinite(x)) continue;
    ++linear.counts[bin_of(x, linear, lin_scale)];
    ++symlog.counts[bin_of(symlog_of(x, symlog.linthresh), symlog, log_scale)];
  }
}

Histogram make_histogram(const Scalar* v, size_t n, bool symlog) {
  Histogram lin, log;
  make_histograms(v, n, lin, log);
  return symlog ? log : lin;
}

const Histogram& LayerStats::histogram(StatKind kind, bool symlog) const {
  switch (kind) {
    case StatKind::Weights: return symlog ? symlog_weights : weights;
    case StatKind::Gradients: return symlog ? symlog_grads : grads;
    case StatKind::PreActivations: return symlog ? symlog_pre_activations : pre_activations;
    default: return symlog ? symlog_activations : activations;
  }
}

const std::vector<Histogram>& LayerStatsPoint::histograms(StatKind kind) const {
  switch (kind) {
    case StatKind::Weights: return weights;
    case StatKind::Gradients: return grads;
    case StatKind::PreActivations: return pre_activations;
    default: return activations;
  }
}

LayerStatsPoint layer_stats_point(long step, const std::vector<LayerStats>& layers, bool symlog) {
  LayerStatsPoint p;
  p.step = step;
  for (const LayerStats& s : layers) {
    p.grad_norm.push_back(s.grad_norm);
    p.update_ratio.push_back(s.update_ratio);
    p.saturated_fraction.push_back(s.saturated_fraction);
    p.dead_fraction.push_back(s.dead_fraction);
    p.grads.push_back(s.histogram(StatKind::Gradients, symlog));
    p.weights.push_back(s.histogram(StatKind::Weights, symlog));
    p.pre_activations.push_back(s.histogram(StatKind::PreActivations, symlog));
    p.activations.push_back(s.histogram(StatKind::Activations, symlog));
  }
  return p;
}

double saturation_stats(const std::vector<const Matrix*>& z, std::vector<float>& unit_saturation) {
  const Eigen::Index units = z.empty() ? 0 : z[0]->cols();
  std::vector<long> per_unit(units, 0);
  long rows = 0, total = 0;
  for (const Matrix* m : z) {
    rows += m->rows();
    for (Eigen::Index u = 0; u < std::min(units, m->cols()); ++u) {
      const long sat = (m->col(u).array().abs() > Scalar(kSaturationThreshold)).count();
      per_unit[u] += sat;
      total += sat;
    }
  }
  unit_saturation.assign(units, 0.0f);
  if (rows == 0 || units == 0) return 0;
  for (Eigen::Index u = 0; u < units; ++u) unit_saturation[u] = float(double(per_unit[u]) / rows);
  return double(total) / (double(rows) * units);
}

void mark_alive(const Matrix& a, std::vector<uint8_t>& alive) {
  alive.resize(a.cols(), 0);
  for (Eigen::Index u = 0; u < a.cols(); ++u)
    if (!alive[u]) alive[u] = (a.col(u).array() > 0).any();
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
      make_histograms(w, n, s.weights, s.symlog_weights);
      if (grads_.size() == net_->param_count()) {
        const Scalar* g = grads_.data() + off;
        s.grad_norm = norm(g, n);
        double sum = 0;
        for (size_t i = 0; i < n; ++i) sum += std::abs(double(g[i]));
        s.grad_mean_abs = sum / double(n);
        make_histograms(g, n, s.grads, s.symlog_grads);
      }
      if (params_before_.size() == net_->param_count() && s.weight_norm > 0) {
        double d = 0;
        for (size_t i = 0; i < n; ++i) d += std::pow(double(w[i]) - params_before_[off + i], 2);
        s.update_ratio = std::sqrt(d) / s.weight_norm;
      }
    }
    if (chunks > 0 && !chunks_[0].layers.empty()) {
      // Histograms of the first chunk only: a sample of the batch is enough for a shape.
      const LayerBuffers& b0 = chunks_[0].layers[l];
      const Matrix& z0 = pre_activation(layer, b0);
      make_histograms(z0.data(), z0.size(), s.pre_activations, s.symlog_pre_activations);
      make_histograms(b0.a.data(), b0.a.size(), s.activations, s.symlog_activations);
      const auto kind = layer.activation.kind;
      if (kind == ActivationKind::Sigmoid || kind == ActivationKind::Tanh) {
        std::vector<const Matrix*> parts;
        for (int c = 0; c < chunks; ++c) parts.push_back(&pre_activation(layer, chunks_[c].layers[l]));
        s.saturated_fraction = saturation_stats(parts, s.unit_saturation);
      } else if (kind == ActivationKind::Relu && b0.a.cols() > 0) {
        std::vector<uint8_t> alive;
        for (int c = 0; c < chunks; ++c) mark_alive(chunks_[c].layers[l].a, alive);
        s.unit_dead.resize(alive.size());
        long dead = 0;
        for (size_t u = 0; u < alive.size(); ++u) dead += s.unit_dead[u] = !alive[u];
        s.dead_fraction = double(dead) / double(alive.size());
      }
    }
    if (symlog) {
      s.weights = s.symlog_weights;
      s.grads = s.symlog_grads;
      s.pre_activations = s.symlog_pre_activations;
      s.activations = s.symlog_activations;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace nnplay
