// Where each panel goes: pure rectangle maths for the window layout, so splitter clamping and
// small-window behaviour are unit-tested without a GL context. ImGui 1.86 has no docking; the
// app places its own fixed panels and lets the user drag the gaps between them.
//
//   +-------------------------------------------------------------+
//   | menu bar                                                     |
//   +-----------+-------------------------------+------------------+
//   | controls  |                               |  data canvas     |
//   |           |       network builder         |  (square-ish)    |
//   +-----------+                               +------------------+
//   | data      |                               |  curves          |
//   +-----------+-------------------------------+------------------+
#pragma once
#include <array>

namespace nnplay::gui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// Splitter positions as fractions, so a layout survives window resizes and lives in the session.
struct LayoutFractions {
  float left = 0.24f;         // left column width / window width
  float right = 0.36f;        // right column width / window width
  float left_split = 0.60f;   // controls height / column height (rest: data controls)
  float right_split = 0.64f;  // canvas height / column height (rest: curves)
  bool operator==(const LayoutFractions&) const = default;
};

// The arrangement for the analysis views (gradients, compare, backprop...): a wider right
// column whose lower slot gets most of the height.
inline LayoutFractions analysis_layout() { return LayoutFractions{0.2f, 0.45f, 0.6f, 0.42f}; }

enum class Splitter { Left = 0, Right = 1, LeftColumn = 2, RightColumn = 3 };
inline constexpr int kSplitterCount = 4;

// Pixel sizes at the current interface scale.
struct LayoutMetrics {
  float top = 24;           // menu bar height
  float gap = 6;            // splitter thickness between panels
  float min_width = 160;    // a column never gets narrower than this if the window allows it
  float min_height = 120;   // nor a panel lower
};

struct Layout {
  Rect controls, data_controls, network, canvas, curves;
  std::array<Rect, kSplitterCount> splitters;  // indexed by Splitter
};

// Fractions that respect the minimum sizes at this window size (when the window is too small
// for every minimum, columns share what there is evenly).
LayoutFractions clamp_fractions(const LayoutFractions& f, float width, float height,
                                const LayoutMetrics& m);
// Panels tile the window below the top bar exactly, separated by the gaps; no size is negative.
Layout compute_layout(float width, float height, const LayoutFractions& f, const LayoutMetrics& m);
// Fractions after dragging splitter s by (dx, dy) pixels, clamped.
LayoutFractions drag_splitter(const LayoutFractions& f, Splitter s, float dx, float dy, float width,
                              float height, const LayoutMetrics& m);
// Right-column split that makes the canvas square for this window (the default look).
float square_canvas_split(float width, float height, const LayoutFractions& f,
                          const LayoutMetrics& m);

}  // namespace nnplay::gui
