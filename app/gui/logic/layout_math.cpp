// Splitter and panel rectangle maths (see layout_math.h for the picture).
#include "app/gui/logic/layout_math.h"

#include <algorithm>
#include <cmath>

namespace nnplay::gui {

namespace {

// Gaps and the top bar shrink on absurdly small windows so no rectangle goes negative.
struct Frame {
  float width, height, top, gap_x, gap_y;
  float avail_x() const { return std::max(0.0f, width - 2 * gap_x); }   // three columns
  float content_h() const { return std::max(0.0f, height - top); }
  float avail_y() const { return std::max(0.0f, content_h() - gap_y); }  // two stacked panels
};

Frame make_frame(float width, float height, const LayoutMetrics& m) {
  width = std::max(0.0f, width);
  height = std::max(0.0f, height);
  const float top = std::min(m.top, height);
  return {width, height, top, std::min(m.gap, width / 4), std::min(m.gap, (height - top) / 3)};
}

// Widths (pixels) of the left and right columns, honouring the minimum of all three columns
// when the window is wide enough, else sharing evenly.
void clamp_columns(const Frame& fr, float min_w, float& left, float& right) {
  const float avail = fr.avail_x();
  if (avail < 3 * min_w) {
    left = right = std::floor(avail / 3);
    return;
  }
  left = std::clamp(left, min_w, avail - 2 * min_w);
  right = std::clamp(right, min_w, avail - left - min_w);
}

// Height of the upper panel in a column split at `split`.
float clamp_upper(const Frame& fr, float min_h, float upper) {
  const float avail = fr.avail_y();
  if (avail < 2 * min_h) return std::floor(avail / 2);
  return std::clamp(upper, min_h, avail - min_h);
}

float ratio(float part, float whole) { return whole > 0 ? part / whole : 0.5f; }

}  // namespace

LayoutFractions clamp_fractions(const LayoutFractions& f, float width, float height,
                                const LayoutMetrics& m) {
  const Frame fr = make_frame(width, height, m);
  float left = f.left * fr.width, right = f.right * fr.width;
  clamp_columns(fr, m.min_width, left, right);
  LayoutFractions out;
  out.left = ratio(left, fr.width);
  out.right = ratio(right, fr.width);
  out.left_split = ratio(clamp_upper(fr, m.min_height, f.left_split * fr.avail_y()), fr.avail_y());
  out.right_split =
      ratio(clamp_upper(fr, m.min_height, f.right_split * fr.avail_y()), fr.avail_y());
  return out;
}

Layout compute_layout(float width, float height, const LayoutFractions& f,
                      const LayoutMetrics& m) {
  const Frame fr = make_frame(width, height, m);
  const LayoutFractions c = clamp_fractions(f, width, height, m);
  // Whole pixels keep panel edges crisp; the centre column takes the rounding remainder.
  const float left_w = std::floor(c.left * fr.width);
  const float right_w = std::floor(c.right * fr.width);
  const float centre_w = std::max(0.0f, fr.avail_x() - left_w - right_w);
  const float top = fr.top, content = fr.content_h();
  const float ctl_h = std::floor(c.left_split * fr.avail_y());
  const float canvas_h = std::floor(c.right_split * fr.avail_y());
  const float centre_x = left_w + fr.gap_x;
  const float right_x = centre_x + centre_w + fr.gap_x;

  Layout l;
  l.controls = {0, top, left_w, ctl_h};
  l.data_controls = {0, top + ctl_h + fr.gap_y, left_w, content - ctl_h - fr.gap_y};
  l.network = {centre_x, top, centre_w, content};
  l.canvas = {right_x, top, right_w, canvas_h};
  l.curves = {right_x, top + canvas_h + fr.gap_y, right_w, content - canvas_h - fr.gap_y};
  l.splitters[int(Splitter::Left)] = {left_w, top, fr.gap_x, content};
  l.splitters[int(Splitter::Right)] = {centre_x + centre_w, top, fr.gap_x, content};
  l.splitters[int(Splitter::LeftColumn)] = {0, top + ctl_h, left_w, fr.gap_y};
  l.splitters[int(Splitter::RightColumn)] = {right_x, top + canvas_h, right_w, fr.gap_y};
  return l;
}

LayoutFractions drag_splitter(const LayoutFractions& f, Splitter s, float dx, float dy,
                              float width, float height, const LayoutMetrics& m) {
  const Frame fr = make_frame(width, height, m);
  LayoutFractions c = clamp_fractions(f, width, height, m);
  if (fr.width <= 0 || fr.avail_y() <= 0) return c;
  const float avail = fr.avail_x();
  const float left = c.left * fr.width, right = c.right * fr.width;
  // A column splitter moves only its own edge: the far column keeps its width and the centre
  // gives way down to its minimum.
  if (s == Splitter::Left && avail >= 3 * m.min_width) {
    c.left = std::clamp(left + dx, m.min_width, avail - right - m.min_width) / fr.width;
  } else if (s == Splitter::Right && avail >= 3 * m.min_width) {
    c.right = std::clamp(right - dx, m.min_width, avail - left - m.min_width) / fr.width;
  } else if (s == Splitter::LeftColumn) {
    c.left_split += dy / fr.avail_y();
  } else if (s == Splitter::RightColumn) {
    c.right_split += dy / fr.avail_y();
  }
  return clamp_fractions(c, width, height, m);
}

float square_canvas_split(float width, float height, const LayoutFractions& f,
                          const LayoutMetrics& m) {
  const Frame fr = make_frame(width, height, m);
  const LayoutFractions c = clamp_fractions(f, width, height, m);
  const float right_w = std::floor(c.right * fr.width);
  LayoutFractions square = c;
  square.right_split = ratio(right_w, fr.avail_y());
  return clamp_fractions(square, width, height, m).right_split;
}

}  // namespace nnplay::gui
