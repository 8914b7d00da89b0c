// Geometry of the network diagram, free of drawing: where every column and neuron goes for N
// layers x M neurons in a given rectangle, how columns too tall to fit are compressed (first and
// last neurons with an ellipsis between), and hit testing of neurons, links and insertion gaps.
#pragma once
#include <imgui.h>

#include <optional>
#include <vector>

namespace nnplay::gui {

struct LayoutOptions {
  float max_node = 56;    // largest neuron square (thumbnails look good up to here)
  float min_node = 16;    // below this a column is compressed instead of shrunk further
  float gap_ratio = 0.3f;  // vertical gap between neurons, as a fraction of the node size
  float max_width_ratio = 0.55f;  // a node is at most this fraction of the column pitch
};

struct ColumnGeom {
  float x = 0;      // centre
  float node = 0;   // side of this column's neuron squares
  int count = 0;    // neurons in the column (0: drawn as a block, e.g. flatten)
  int head = 0;     // first `head` neurons shown
  int tail = 0;     // and the last `tail`; compressed when head + tail < count
  std::vector<float> slot_y;  // centres of shown neurons, with the ellipsis slot between
  bool compressed() const { return head + tail < count; }
};

struct DiagramLayout {
  ImVec2 min, max;  // the node area
  float pitch = 0;  // horizontal distance between column centres
  std::vector<ColumnGeom> columns;

  // Side of the neuron squares of column `col`: as large as fits, so a 2-input column next to a
  // 32-neuron one keeps readable thumbnails.
  float node(int col) const { return columns[col].node; }

  // Centre of neuron `unit` of column `col`, or nothing when compression hides it.
  std::optional<ImVec2> node_center(int col, int unit) const;
  // Centre of the "... n more" marker of a compressed column.
  std::optional<ImVec2> ellipsis_center(int col) const;
};

// counts[i] is the number of neurons of column i (column 0 is the input).
DiagramLayout layout_diagram(ImVec2 min, ImVec2 max, const std::vector<int>& counts,
                             const LayoutOptions& opt = {});

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b);

struct NodeHit {
  int col = -1, unit = -1;
};
// The neuron under p (with a small margin), if any.
std::optional<NodeHit> hit_node(const DiagramLayout& layout, ImVec2 p);

struct LinkHit {
  int from = -1, to = -1;  // neuron indices in columns to_col - 1 and to_col
  float distance = 0;
};
// The link into column to_col nearest to p within tol pixels. `sources` lists the neurons of
// column to_col - 1 that are connected (all of them, or the enabled input features).
std::optional<LinkHit> hit_link(const DiagramLayout& layout, int to_col,
                                const std::vector<int>& sources, ImVec2 p, float tol);

// Where a layer dropped at x would be inserted: slot s means "before layer s", i.e. the gap
// between columns s and s + 1. Slots range over 0..last_slot.
int insertion_slot(const DiagramLayout& layout, float x, int last_slot);
float insertion_x(const DiagramLayout& layout, int slot);

}  // namespace nnplay::gui
