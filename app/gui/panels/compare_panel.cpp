// The compare view: a toolbar driving every run at once, presets, then the run cards and the
// charts. Each run is its own Trainer (one thread, nice 10), so the window stays smooth.
#include "app/gui/panels/compare_panel.h"

#include <imgui.h>

#include <algorithm>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/gfx/boundary_renderer.h"
#include "app/gui/logic/compare_presets.h"
#include "app/gui/panels/compare_parts.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr const char* kHelpCompare =
    "Each run trains its own copy of a network on the same points, starting from the same "
    "random seed. Only the configuration differs, so any difference in the curves comes from it.";
constexpr const char* kHelpSpeed =
    "Minibatch steps per second for every run. Slow speeds let you watch the boundaries move; "
    "'fastest' trains as quickly as the computer allows.";
constexpr const char* kHelpPresets =
    "Sigmoid vs ReLU: your network with sigmoid units and with ReLU units (He initialisation); in "
    "deep networks sigmoid gradients shrink layer by layer. Optimiser race: your network trained "
    "by six optimisers. Add current: your network as it is now, as one more run.";

struct Speed {
  const char* name;
  double steps_per_second;
};
constexpr Speed kSpeeds[] = {{"fastest", 0}, {"100 steps/s", 100}, {"20 steps/s", 20},
                             {"5 steps/s", 5}, {"1 step/s", 1}};

// Continues the row when `width` still fits, else starts a new one (narrow panels wrap).
void flow(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool flow_button(const char* label) {
  flow(button_width(label));
  return ImGui::Button(label);
}

void draw_run_controls(ComparePanelState& ui) {
  const bool running = ui.runs.any_running();
  ImGui::PushStyleColor(ImGuiCol_Button, palette().class_color(2));
  if (ImGui::Button(running ? "Pause all" : "Play all", {button_width("Pause all"), 0})) {
    if (running) ui.runs.pause_all();
    else ui.runs.play_all();
  }
  ImGui::PopStyleColor();
  if (flow_button("Step all")) ui.runs.step_all(1);
  tooltip_for_last_item("Every run takes one minibatch step, then pauses.");
  if (flow_button("Reset all")) ui.runs.reset_all();
  tooltip_for_last_item("Every run goes back to its initial weights (the same seed) and pauses.");
  const float combo_w = ImGui::CalcTextSize("100 steps/s").x + ImGui::GetFrameHeight() * 1.6f;
  flow(combo_w + ImGui::CalcTextSize("(?)").x * 1.5f);
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo("##speed", kSpeeds[ui.speed].name)) {
    for (int i = 0; i < int(std::size(kSpeeds)); ++i)
      if (ImGui::Selectable(kSpeeds[i].name, i == ui.speed)) {
        ui.speed = i;
        ui.runs.set_speed(kSpeeds[i].steps_per_second);
      }
    ImGui::EndCombo();
  }
  help_marker(kHelpSpeed);
}

// The three presets as buttons (empty view) or as items of a menu (beside the run controls).
void draw_presets(AppState& s, bool as_menu) {
  ComparePanelState& ui = s.compare;
  auto pick = [&](const char* label, const char* tip, bool enabled = true) {
    if (as_menu) {
      const bool chosen = ImGui::MenuItem(label, nullptr, false, enabled);
      tooltip_for_last_item(tip);
      return chosen;
    }
    flow(button_width(label));
    ImGui::BeginDisabled(!enabled);
    const bool chosen = ImGui::Button(label);
    ImGui::EndDisabled();
    tooltip_for_last_item(tip);
    return chosen;
  };
  if (pick("Sigmoid vs ReLU", "Your network with sigmoid units and with ReLU units (He initialisation)."))
    start_compare(s, preset_sigmoid_vs_relu(s.exp));
  if (pick("Optimiser race", "Your network trained by SGD, momentum, Nesterov, Adagrad, RMSProp and Adam."))
    start_compare(s, preset_optimizer_race(s.exp));
  const bool full = ui.runs.size() >= size_t(kMaxCompareRuns);
  if (pick("Add current network", full ? "Six runs at most: remove one first." : "Your network as it is now, as one more run.",
           !full)) {
    ui.runs.add(s.exp, preset_current(s.exp), s.snap ? s.snap->data : nullptr);
    ui.runs.set_speed(kSpeeds[ui.speed].steps_per_second);
  }
}

void draw_presets_menu(AppState& s) {
  flow(button_width("Presets...") + ImGui::CalcTextSize("(?)").x * 1.5f);
  if (ImGui::Button("Presets...")) ImGui::OpenPopup("compare_presets");
  if (ImGui::BeginPopup("compare_presets")) {
    draw_presets(s, true);
    ImGui::EndPopup();
  }
  help_marker(kHelpPresets);
}

void draw_empty(AppState& s) {
  ImGui::Spacing();
  ImGui::PushFont(large_font());
  ImGui::TextUnformatted("Compare configurations side by side");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", kHelpCompare);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  draw_presets(s, false);
  help_marker(kHelpPresets);
  if (!s.compare.runs.data_error().empty())
    ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", s.compare.runs.data_error().c_str());
}

// Thumbnails show the same part of the plane as the canvas (coarser: they are small).
void request_grids(AppState& s) {
  const Experiment* src = s.compare.runs.source();
  if (!src || is_image_experiment(*src)) return;
  GridRequest r;
  if (s.snap && s.snap->grid) r = s.snap->grid->request;
  r.resolution = 64;
  r.neuron_resolution = 0;
  r.features = src->features;
  s.compare.runs.set_grid(r);
}

}  // namespace

namespace compare {
LineStyle run_style(int i) {
  static constexpr int kColours[] = {4, 1, 2, 3, 5, 6};  // sky blue, orange, green, vermillion, purple, yellow
  return {.color = palette().class_u32(kColours[i % 6]), .dashed = i % 2 == 1};
}
}  // namespace compare

void start_compare(AppState& s, std::vector<CompareRunSpec> runs) {
  ComparePanelState& ui = s.compare;
  ui.renderers.clear();
  ui.runs.start(s.exp, std::move(runs), s.snap ? s.snap->data : nullptr);
  ui.runs.set_speed(kSpeeds[ui.speed].steps_per_second);
  s.views.analysis = AnalysisView::Compare;
  s.views.force = true;
}

void draw_compare_panel(AppState& s) {
  ComparePanelState& ui = s.compare;
  ui.runs.refresh();
  if (ui.runs.empty()) {
    draw_empty(s);
    return;
  }
  request_grids(s);
  draw_run_controls(ui);
  draw_presets_menu(s);
  // Charts get the larger share; a very short panel scrolls instead of squeezing them flat.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float avail = std::max(ImGui::GetContentRegionAvail().y, line * 11);
  const float cards = std::clamp(avail * 0.42f, line * 4, ImGui::GetFontSize() * 14);
  const int removed = compare::draw_run_cards(s, cards);
  ImGui::Spacing();
  compare::draw_charts(ui, std::max(ImGui::GetContentRegionAvail().y, line * 7));
  if (removed >= 0) {
    ui.renderers.erase(ui.runs.runs()[size_t(removed)].id);
    ui.runs.remove(size_t(removed));
  }
}

}  // namespace nnplay::gui
