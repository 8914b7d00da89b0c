// How gradients flow back through a network, read from the per-layer gradient norms: the
// one-line verdict the Gradients view prints above its bar chart. Pure logic, unit-tested.
#pragma once
#include <vector>

namespace nnplay::gui {

enum class GradientFlow { Unknown, Healthy, Vanishing, Exploding };

// Beyond two orders of magnitude between the input side and the output side the first layers
// learn 100 times slower (or faster) than the last: too far apart to train together well.
inline constexpr double kFlowRatioLimit = 100.0;

struct GradientFlowVerdict {
  GradientFlow flow = GradientFlow::Unknown;
  double ratio = 0;           // first layer's norm / last layer's norm
  int first = -1, last = -1;  // the layers compared (those with a positive, finite norm)
};

// norms[l]: layer l's weight-gradient norm; layers without weights (0) are skipped. A norm
// that is not finite means exploding. Fewer than two layers with weights: Unknown.
GradientFlowVerdict classify_gradient_flow(const std::vector<double>& norms);

}  // namespace nnplay::gui
