// Function fit view: for regression on one input (x1), the data (x1, value), the network's
// fitted curve and, for one hidden layer, each hidden unit's contribution w2_j * f(w1_j . x + b_j)
// plus the output bias, so the universal-approximation lesson shows ReLU kinks adding up.
// Curves are recomputed when the weights change, never every frame.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace nnplay::gui {

struct AppState;

struct FitPanelState {
  bool show_units = true;
  uint64_t params_version = 0;  // the cache below is for these weights
  std::vector<std::string> features;
  double x_lo = 0, x_hi = 0;
  std::vector<double> xs, fit;                 // the fitted curve
  std::vector<std::vector<double>> units;      // units[j][i]: unit j's contribution at xs[i]
  double output_bias = 0;
  bool valid = false;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_fit_panel(AppState& s);

}  // namespace nnplay::gui
