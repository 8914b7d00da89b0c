#include "app/gui/panels/fit_curves.h"

#include "app/gui/panels/metrics_predict.h"
#include "engine/data/features.h"

namespace nnplay::gui {

namespace {
constexpr int kSamples = 400;  // more than enough to show every kink at panel width

bool uses_only_x1(const std::vector<std::string>& features) {
  for (const auto& f : features)
    if (f != "x1" && f != "x1^2" && f != "sin(x1)") return false;
  return !features.empty();
}

// Contributions of a 1-hidden-layer network: hidden layer weight (H, in) row-major then bias (H),
// output weight (1, H) then bias (1).
void unit_contributions(const Snapshot& snap, const Matrix& inputs, FitPanelState& f) {
  const auto& layers = snap.spec.layers;
  if (layers.size() != 2 || layers[0].type != "dense" || layers[1].type != "dense" ||
      layers[1].units != 1 || layers[1].activation.kind != ActivationKind::Linear)
    return;
  const int h = layers[0].units, in = int(inputs.cols());
  const Scalar* w1 = snap.params.data() + snap.param_offsets[0];
  const Scalar* b1 = w1 + size_t(h) * in;
  const Scalar* w2 = snap.params.data() + snap.param_offsets[1];
  f.output_bias = w2[h];
  f.units.assign(size_t(h), std::vector<double>(f.xs.size()));
  for (int j = 0; j < h; ++j)
    for (size_t i = 0; i < f.xs.size(); ++i) {
      double z = b1[j];
      for (int k = 0; k < in; ++k) z += double(w1[size_t(j) * in + k]) * inputs(Eigen::Index(i), k);
      f.units[size_t(j)][i] = double(w2[j]) * layers[0].activation.value(z);
    }
}
}  // namespace

bool fit_applicable(const Snapshot& snap, const std::vector<std::string>& features, std::string* why) {
  if (snap.task != Task::Regression) {
    *why = "The Fit view shows regression on one input. This experiment is a classification: its "
           "fit is the decision boundary on the canvas.";
    return false;
  }
  if (!uses_only_x1(features)) {
    *why = "The Fit view needs a single input, x1 (1D data such as the sine, step, abs or poly "
           "generators, whose x2 is 0). Remove the other input features to use it.";
    return false;
  }
  if (snap.spec.layers.empty() || snap.spec.layers.back().units != 1) {
    *why = "The Fit view needs a network with one output value.";
    return false;
  }
  return true;
}

void compute_fit_curves(const Snapshot& snap, InspectorCache& cache,
                        const std::vector<std::string>& features, double x_lo, double x_hi,
                        FitPanelState& f) {
  f.valid = false;
  f.units.clear();
  f.xs.resize(kSamples);
  std::vector<double> zeros(kSamples, 0.0);
  for (int i = 0; i < kSamples; ++i) f.xs[size_t(i)] = x_lo + (x_hi - x_lo) * i / (kSamples - 1);
  Matrix inputs, out;
  apply_features(features, f.xs.data(), zeros.data(), kSamples, inputs);
  if (!predict_with_snapshot(cache, snap, inputs, out)) return;
  f.fit.resize(kSamples);
  for (int i = 0; i < kSamples; ++i) f.fit[size_t(i)] = out(i, 0);
  unit_contributions(snap, inputs, f);
  f.valid = true;
}

}  // namespace nnplay::gui
