#include "app/gui/panels/metrics_predict.h"

#include <exception>

namespace nnplay::gui {

bool predict_with_snapshot(InspectorCache& cache, const Snapshot& snap, const Matrix& x, Matrix& out) {
  if (x.rows() == 0) return false;
  const Inspector* insp = cache.get(&snap);
  if (!insp || x.cols() != insp->network().input_shape().size()) return false;
  try {
    insp->predict(x, out);
    return true;
  } catch (const std::exception&) {
    return false;  // a network being edited may not match the data for a moment
  }
}

}  // namespace nnplay::gui
