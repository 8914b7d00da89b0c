// The input-side over output-side gradient ratio, judged against kFlowRatioLimit.
#include "app/gui/logic/gradient_flow.h"

#include <cmath>

namespace nnplay::gui {

GradientFlowVerdict classify_gradient_flow(const std::vector<double>& norms) {
  GradientFlowVerdict v;
  for (int l = 0; l < static_cast<int>(norms.size()); ++l) {
    if (!std::isfinite(norms[l])) {
      v.flow = GradientFlow::Exploding;
      v.first = v.last = l;
      v.ratio = INFINITY;
      return v;
    }
    if (norms[l] <= 0) continue;
    if (v.first < 0) v.first = l;
    v.last = l;
  }
  if (v.first < 0 || v.first == v.last) return v;
  v.ratio = norms[v.first] / norms[v.last];
  v.flow = v.ratio < 1.0 / kFlowRatioLimit ? GradientFlow::Vanishing
           : v.ratio > kFlowRatioLimit     ? GradientFlow::Exploding
                                           : GradientFlow::Healthy;
  return v;
}

}  // namespace nnplay::gui
