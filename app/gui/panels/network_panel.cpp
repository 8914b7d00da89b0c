// The network builder panel: lays out the frame (toolbar, column headers, diagram, footers)
// and calls the drawing steps in network_palette.cpp, network_columns.cpp and
// network_diagram.cpp.
#include "app/gui/panels/network_panel.h"

#include <algorithm>

#include "app/gui/panels/network_internal.h"
#include "app/gui/panels/network_thumbnails.h"
#include "app/gui/theme/palette.h"
#include "engine/data/features.h"

namespace nnplay::gui {

namespace netpanel {

int column_count(const Frame& f) { return static_cast<int>(f.spec.layers.size()) + 1; }

bool column_has_neurons(const Frame& f, int col) {
  if (col == 0) return !f.image_input;
  return f.spec.layers[layer_of(col)].type == "dense";
}

bool has_links(const Frame& f, int col) {
  return col >= 1 && column_has_neurons(f, col) && column_has_neurons(f, col - 1);
}

std::vector<int> source_nodes(const Frame& f, int col) {
  if (col - 1 == 0) return f.input_rows;
  std::vector<int> nodes(f.layout.columns[col - 1].count);
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = static_cast<int>(i);
  return nodes;
}

const float* layer_params(const Frame& f, int layer) {
  if (!f.live || layer < 0 || layer >= static_cast<int>(f.snap->param_offsets.size()))
    return nullptr;
  const size_t off = f.snap->param_offsets[layer];
  if (off + f.infos[layer].params() > f.snap->params.size()) return nullptr;
  return f.snap->params.data() + off;
}

std::string layer_title(const Frame& f, int layer) { return layer_display_name(f.spec, layer); }

const LayerStats* live_stats(const Frame& f, int layer) {
  if (!f.live || layer < 0 || layer >= static_cast<int>(f.snap->layers.size())) return nullptr;
  return &f.snap->layers[layer];
}

void mark_changed(Frame& f, int new_selection) {
  f.result.spec_changed = true;
  f.ui.selected_layer = new_selection;
  f.ui.edit_param = -1;  // parameter indices shift with the architecture
}

}  // namespace netpanel

std::string layer_display_name(const nnplay::NetworkSpec& spec, int layer) {
  if (layer < 0 || layer >= static_cast<int>(spec.layers.size())) return "Layer " + std::to_string(layer + 1);
  if (is_output_layer(spec, layer)) return "Output";
  const std::string& type = spec.layers[layer].type;
  const std::string name = type == "dense"       ? "Hidden"
                           : type == "conv2d"    ? "Conv"
                           : type == "maxpool2d" ? "MaxPool"
                           : type == "avgpool2d" ? "AvgPool"
                           : type == "flatten"   ? "Flatten"
                           : type == "dropout"   ? "Dropout"
                                                 : type;
  return name + " " + std::to_string(layer + 1);
}

unsigned saturated_ring_u32() { return palette().class_u32(5); }  // reddish purple
unsigned dead_ring_u32() { return palette().class_u32(7); }       // grey

namespace netpanel {

namespace {

std::vector<int> column_counts(const Frame& f) {
  std::vector<int> counts = {f.image_input ? 0 : static_cast<int>(feature_names().size())};
  for (const LayerSpec& l : f.spec.layers) counts.push_back(l.type == "dense" ? l.units : 0);
  return counts;
}

std::vector<int> input_rows(const std::vector<std::string>& features) {
  std::vector<int> rows;
  const auto& names = feature_names();
  for (const std::string& feat : features) {
    const auto it = std::find(names.begin(), names.end(), feat);
    if (it != names.end()) rows.push_back(static_cast<int>(it - names.begin()));
  }
  return rows;
}

// Places the columns: the input column just right of its labels, the output column near the
// right edge, the rest evenly between, with header/footer rows above and below the neurons.
void layout_frame(Frame& f, ImVec2 min, ImVec2 max) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetFrameHeight() + style.ItemSpacing.y;
  const int n = column_count(f);
  const float width = max.x - min.x;
  const float pitch_guess = width / n;
  f.col_width = std::clamp(pitch_guess - 10, 40.0f, 150.0f);
  const float label_w = f.image_input ? 0 : ImGui::CalcTextSize("sin(x1)").x + 10;
  const float node_guess = std::min(56.0f, pitch_guess * 0.55f);
  const float first = min.x + std::max(label_w + node_guess / 2, f.col_width / 2 + 2);
  const float last = max.x - std::max(f.col_width / 2 + 2, node_guess / 2 + 8);
  const float pitch = n > 1 ? (last - first) / (n - 1) : width;
  f.col_width = std::clamp(pitch - 10, 40.0f, 150.0f);
  f.compact = f.col_width < 2 * ImGui::GetFrameHeight() + ImGui::CalcTextSize("512").x +
                                2 * style.ItemSpacing.x;
  f.header_top = min.y;
  const float nodes_top = min.y + (f.compact ? 4 : 3) * row + 4;
  f.footer_top = std::max(nodes_top + 20, max.y - 2 * row);
  f.layout = layout_diagram(ImVec2(first - pitch / 2, nodes_top),
                            ImVec2(last + pitch / 2, f.footer_top - 6), column_counts(f));
}

}  // namespace

}  // namespace netpanel

NetworkPanelResult draw_network_panel(const nnplay::Snapshot* snap, nnplay::NetworkSpec& spec,
                                      std::vector<std::string>& features, nnplay::Task task,
                                      int num_classes, NetworkPanelState& ui) {
  using namespace netpanel;
  NetworkPanelResult result;
  // Image datasets report their class count through the data, not num_classes: leave their
  // output layer to the experiment (the user cannot resize it here anyway).
  const bool image = spec.input.h > 1 || spec.input.w > 1;
  if (!image && enforce_output_layer(spec, task, num_classes)) result.spec_changed = true;
  const bool live = snap && snap->spec == spec && !snap->params.empty();
  Frame f{snap, live, spec, features, task, num_classes, ui, result};
  f.image_input = image;
  f.input_rows = input_rows(features);
  f.infos = describe_layers(spec);
  if (ui.selected_layer >= static_cast<int>(spec.layers.size())) ui.selected_layer = -1;

  ImGui::PushID("network_panel");
  draw_toolbar(f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 max(min.x + avail.x, min.y + std::max(avail.y, 160.0f));
  layout_frame(f, min, max);
  update_thumbnails(f);
  draw_diagram(f);
  draw_column_controls(f);
  handle_diagram_mouse(f);
  handle_drop(f, min, max);
  draw_layer_menu(f);
  draw_edit_popup(f);
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
  ImGui::PopID();
  return result;
}

void release_network_panel(NetworkPanelState& ui) {
  if (ui.thumbs) ui.thumbs->release();
  ui.thumbs.reset();
  ui.thumbs_grid.reset();
  ui.features_uploaded = false;
}

}  // namespace nnplay::gui
