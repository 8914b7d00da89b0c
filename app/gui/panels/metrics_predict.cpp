#include "app/gui/panels/metrics_predict.h"

#include <algorithm>

#include "engine/core/rng.h"
#include "engine/nn/network.h"

namespace nnplay::gui {

bool predict_with_snapshot(const Snapshot& snap, const Matrix& x, Matrix& out) {
  if (snap.spec.layers.empty() || x.rows() == 0) return false;
  try {
    // The trainer's network ends in logits for classification losses (the loss applies the
    // sigmoid or softmax), so the parameters belong to that form.
    NetworkSpec spec = snap.spec;
    if (snap.loss.kind != LossKind::Mse) spec.layers.back().activation.kind = ActivationKind::Linear;
    Rng rng(1);
    Network net(spec, rng);
    if (net.param_count() != snap.params.size() || x.cols() != snap.spec.input.size()) return false;
    std::copy(snap.params.begin(), snap.params.end(), net.params().begin());
    Workspace ws;
    const Matrix& logits = net.forward(x, ws, false);
    snap.loss.predict(logits, out);
    return true;
  } catch (const std::exception&) {
    return false;  // a network being edited may not match the data for a moment
  }
}

}  // namespace nnplay::gui
