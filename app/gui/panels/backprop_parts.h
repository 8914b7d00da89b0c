// Pieces of the backprop step-through shared by its files: what each step says, and the diagram.
#pragma once
#include <imgui.h>

#include <string>

#include "engine/nn/loss.h"
#include "engine/nn/optimizer.h"
#include "engine/train/backprop_trace.h"

namespace nnplay::gui::backprop {

// What is visible at a step: forward values up to a layer, the loss, deltas and gradients back
// to a layer, the updated weights.
struct Visible {
  int forward_through = -1;  // layers 0..forward_through show z and a
  bool loss = false;
  int backward_from = 1 << 30;  // layers >= backward_from show delta and dL/dw
  bool update = false;
  int highlight = -1;  // layer of the current step (-1: inputs; L: loss)
};
Visible visible_at(const BackpropTrace& t, int step);

// One or two sentences with the formula of `step`, numbers included.
std::string step_title(const BackpropTrace& t, int step);
std::string step_text(const BackpropTrace& t, int step, const Loss& loss, double lr);

// The network as circles and lines in the rectangle [p0, p1], numbers printed on both.
void draw_diagram(const BackpropTrace& t, const Visible& v, const Loss& loss, double lr, ImVec2 p0,
                  ImVec2 p1);

}  // namespace nnplay::gui::backprop
