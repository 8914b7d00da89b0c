// Overfitting detection on the metric history.
#include "app/gui/logic/curve_trends.h"

#include <cmath>

namespace nnplay::gui {

OverfitReport detect_overfitting(const std::vector<MetricPoint>& history, double min_rise,
                                 int min_points) {
  OverfitReport r;
  size_t best = history.size(), last = history.size();
  for (size_t i = 0; i < history.size(); ++i) {
    const double v = history[i].val_loss;
    if (!std::isfinite(v)) continue;
    last = i;
    if (best == history.size() || v < history[best].val_loss) best = i;
  }
  if (best == history.size()) return r;
  r.best_step = history[best].step;
  r.best_epoch = history[best].epoch;
  r.best_val_loss = history[best].val_loss;
  const double latest = history[last].val_loss;
  r.rise = r.best_val_loss > 0 ? latest / r.best_val_loss - 1.0 : 0.0;
  int evaluations_since = 0;
  for (size_t i = best + 1; i < history.size(); ++i) evaluations_since += std::isfinite(history[i].val_loss);
  // Training loss at the best and now, each from the nearest finite point at or before it.
  auto train_at = [&](size_t i) -> double {
    for (size_t k = i + 1; k-- > 0;)
      if (std::isfinite(history[k].train_loss)) return history[k].train_loss;
    return NAN;
  };
  const double train_then = train_at(best), train_now = train_at(history.size() - 1);
  r.overfitting = r.rise >= min_rise && evaluations_since >= min_points && train_now < train_then;
  return r;
}

}  // namespace nnplay::gui
