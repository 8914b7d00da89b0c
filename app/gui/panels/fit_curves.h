// The curves of the Fit view, computed from a snapshot's weights (no UI code, no GL).
#pragma once
#include "app/gui/panels/fit_panel.h"
#include "app/gui/panels/image_common.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// Whether the Fit view can show this run: regression, one output and features of x1 only.
// Otherwise *why says what the view needs.
bool fit_applicable(const nnplay::Snapshot& snap, const std::vector<std::string>& features,
                    std::string* why);

// Fills f.xs / f.fit over [x_lo, x_hi] and, when the network is dense -> one hidden layer ->
// linear output, f.units and f.output_bias; the sum of the units plus the bias is the fit.
void compute_fit_curves(const nnplay::Snapshot& snap, InspectorCache& cache,
                        const std::vector<std::string>& features, double x_lo, double x_hi,
                        FitPanelState& f);

}  // namespace nnplay::gui
