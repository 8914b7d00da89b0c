// Shared between the network panel's files (not a public header): the per-frame context and
// the drawing steps, in the order draw_network_panel calls them.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "app/gui/logic/network_edit.h"
#include "app/gui/logic/network_layout.h"
#include "app/gui/panels/network_panel.h"

namespace nnplay::gui::netpanel {

inline constexpr const char* kNewLayerPayload = "NNP_NEW_LAYER";    // data: type name, 0-ended
inline constexpr const char* kMoveLayerPayload = "NNP_MOVE_LAYER";  // data: int layer index
inline constexpr const char* kEditPopup = "##network_edit_param";
inline constexpr const char* kLayerMenu = "##network_layer_menu";

// Everything one frame of the panel needs; built once in draw_network_panel.
struct Frame {
  const Snapshot* snap;  // may be null
  bool live;             // snap->params belong to spec: weights and thumbnails are current
  NetworkSpec& spec;
  std::vector<std::string>& features;
  Task task;
  int num_classes;
  NetworkPanelState& ui;
  NetworkPanelResult& result;
  std::vector<LayerInfo> infos{};
  DiagramLayout layout{};
  bool image_input = false;
  std::vector<int> input_rows{};  // network input i is drawn as row input_rows[i] of column 0
  float header_top = 0;         // y of the first header row
  float footer_top = 0;         // y of the first footer row
  float col_width = 0;          // width of a column's header widgets
  bool compact = false;         // columns too narrow for "- 32 +" on one row: 4 header rows
  // Popups are opened at the panel's ID level, after the column that asked for them.
  bool open_menu = false;
  bool open_edit = false;
  bool thumbs_current = false;  // the layer thumbnails show this spec's current grid
};

inline int column_of(int layer) { return layer + 1; }
inline int layer_of(int col) { return col - 1; }
int column_count(const Frame& f);
bool column_has_neurons(const Frame& f, int col);
// True when the layer in `col` is dense and the column before draws neurons: links are drawn.
bool has_links(const Frame& f, int col);
// Neurons of column col - 1 feeding the dense layer in col, in input order.
std::vector<int> source_nodes(const Frame& f, int col);
// This layer's slice of snap->params, or null when the snapshot is stale.
const float* layer_params(const Frame& f, int layer);
std::string layer_title(const Frame& f, int layer);  // "Hidden 2", "Output", "conv2d 1"
// The last batch's statistics of this layer (saturated and dead units), or null when stale.
const LayerStats* live_stats(const Frame& f, int layer);
// Keeps ui.selected_layer pointing at the same layer after an edit.
void mark_changed(Frame& f, int new_selection);

// network_palette.cpp: the toolbar (palette, bin, parameter total) and the drop target.
void draw_toolbar(Frame& f);
void handle_drop(Frame& f, ImVec2 min, ImVec2 max);

// network_columns.cpp: per-column headers and footers, the right-click layer menu.
void draw_column_controls(Frame& f);
void draw_layer_menu(Frame& f);
void tooltip_anyway(const char* text);  // also over disabled items

// network_diagram.cpp: backgrounds, links, neurons, hover and click, the edit popup.
void update_thumbnails(Frame& f);
void draw_diagram(Frame& f);
void handle_diagram_mouse(Frame& f);
void draw_edit_popup(Frame& f);

}  // namespace nnplay::gui::netpanel
