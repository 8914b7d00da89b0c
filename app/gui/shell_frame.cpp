// The frame: panels in their layout, and every user action turned into a command.
#include "app/gui/shell_frame.h"

#include <imgui.h>

#include "app/gui/fonts.h"
#include "app/gui/app_state.h"
#include "app/gui/layout.h"
#include "app/gui/panels/controls_panel.h"
#include "app/gui/panels/curves_panel.h"
#include "app/gui/panels/data_canvas.h"
#include "app/gui/panels/data_controls.h"
#include "app/gui/panels/menu_bar.h"
#include "app/gui/panels/network_panel.h"
#include "app/gui/shell_shortcuts.h"

namespace nnplay::gui {

namespace {

// Everything the panels reported this frame.
struct PanelResults {
  ControlsActions controls;
  DataControlsResult data;
  NetworkPanelResult network;
  CanvasResult canvas;
};

constexpr ImGuiWindowFlags kNoScroll = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// A tab bar whose selection code can also set (lessons, shortcuts): `force` selects `current`
// once; otherwise the user's clicks update it.
template <class View>
void view_tabs(const char* id, View& current, bool force, const std::vector<View>& views) {
  if (!ImGui::BeginTabBar(id)) return;
  for (View v : views) {
    const ImGuiTabItemFlags flags = force && v == current ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem(view_title(v), nullptr, flags)) {
      if (!force) current = v;
      ImGui::EndTabItem();
    }
  }
  ImGui::EndTabBar();
}

void draw_analysis_view(AppState& s) {
  view_tabs("##analysis", s.views.analysis, s.views.force,
            {AnalysisView::Curves, AnalysisView::Gradients, AnalysisView::Compare,
             AnalysisView::Backprop, AnalysisView::Metrics, AnalysisView::Fit});
  switch (s.views.analysis) {
    case AnalysisView::Curves: draw_curves_panel(s.snap.get(), s.curves); break;
    case AnalysisView::Gradients: draw_gradients_panel(s); break;
    case AnalysisView::Compare: draw_compare_panel(s); break;
    case AnalysisView::Backprop: draw_backprop_panel(s); break;
    case AnalysisView::Metrics: draw_metrics_panel(s); break;
    case AnalysisView::Fit: draw_fit_panel(s); break;
    case AnalysisView::Count: break;
  }
}

void draw_image_view(AppState& s) {
  view_tabs("##image", s.views.image, s.views.force,
            {ImageView::Filters, ImageView::FeatureMaps, ImageView::Samples, ImageView::Draw});
  switch (s.views.image) {
    case ImageView::Filters: draw_filters_panel(s); break;
    case ImageView::FeatureMaps: draw_feature_maps_panel(s); break;
    case ImageView::Samples: draw_samples_panel(s); break;
    case ImageView::Draw: draw_draw_pad_panel(s); break;
    case ImageView::Count: break;
  }
}

PanelResults draw_panels(AppState& s, const Layout& l) {
  PanelResults r;
  const Snapshot* snap = s.snap.get();
  const bool images = is_image_experiment(s.exp);
  begin_panel("Training", l.controls);
  r.controls = draw_controls_panel(snap, s.exp.train, s.exp.seed, s.controls);
  end_panel();
  begin_panel(s.views.left == LeftView::Lesson ? "Lesson###left" : "Data###left", l.data_controls);
  if (ImGui::BeginTabBar("##left")) {
    const bool force = s.views.force;
    const auto tab = [&](const char* title, LeftView v) {
      const ImGuiTabItemFlags flags = force && s.views.left == v ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(title, nullptr, flags);
      if (open) {
        if (!force) s.views.left = v;
        ImGui::EndTabItem();
      }
    };
    tab("Data", LeftView::Data);
    tab("Lesson", LeftView::Lesson);
    ImGui::EndTabBar();
  }
  if (s.views.left == LeftView::Lesson) draw_lesson_panel(s);
  else draw_data_controls(s.exp, s.canvas, r.data);
  end_panel();
  begin_panel("Network", l.network);
  r.network = draw_network_panel(snap, s.exp.network, s.exp.features, s.exp.task,
                                 s.exp.data.points.num_classes, s.network);
  end_panel();
  if (images) {
    begin_panel("Images###canvas", l.canvas, kNoScroll);
    draw_image_view(s);
  } else {
    begin_panel("Data and decision boundary###canvas", l.canvas, kNoScroll);
    r.canvas = draw_data_canvas(snap, s.exp.data.points, s.exp.splits, s.exp.features, s.canvas,
                                s.draw_rng);
  }
  end_panel();
  begin_panel("Analysis###curves", l.curves, kNoScroll);
  draw_analysis_view(s);
  end_panel();
  s.views.force = false;
  return r;
}

void apply_panel_results(AppState& s, const PanelResults& r) {
  if (!r.data.error.empty()) s.banner = r.data.error;
  if (r.data.task_changed || r.canvas.task_changed) task_changed(s);
  else if (r.data.data_changed || r.canvas.data_changed) data_changed(s);
  if (r.network.features_changed || r.data.features_changed) features_changed(s);
  if (r.network.spec_changed) network_changed(s);
  if (r.network.set_param) {
    send(s, cmd::SetParam{r.network.set_param->first, r.network.set_param->second});
    s.dirty = true;
  }
  if (r.canvas.grid_request) send_grid(s, *r.canvas.grid_request);
  if (r.canvas.rollback || r.controls.rollback) send(s, cmd::Rollback{});
  sync_settings(s);
}

void toggle_play(AppState& s) {
  if (s.snap && s.snap->running) send(s, cmd::Pause{});
  else send(s, cmd::Play{});
}

void run_training_actions(AppState& s, const ControlsActions& c, const ShortcutActions& k) {
  if (c.toggle_play || k.toggle_play) toggle_play(s);
  if (c.step || k.step) send(s, cmd::Step{1});
  if (c.epoch) send(s, cmd::StepEpoch{});
  if (c.reset_new || k.reset_new) reset_weights(s, false);
  if (c.reset_same || k.reset_same) reset_weights(s, true);
  if (c.new_seed) {
    reset_weights(s, true);
    s.dirty = true;
  }
}

void change_scale(AppState& s, int direction, bool reset, FrameRequests& req) {
  if (direction == 0 && !reset) return;
  const float next = reset ? 1.0f : step_ui_scale(s.prefs.scale, direction);
  if (next == s.prefs.scale) return;
  s.prefs.scale = next;
  req.rebuild_fonts = true;
}

void run_file_actions(AppState& s, const MenuActions& m, const ShortcutActions& k, double now,
                      FrameRequests& req) {
  if (m.new_document) request_switch(s, PendingSwitch{true, "", false}, now);
  if (m.open || k.open) request_switch(s, PendingSwitch{false, "", true}, now);
  if (m.open_recent) request_switch(s, PendingSwitch{false, *m.open_recent, false}, now);
  if (m.save || k.save) {
    if (s.path.empty()) open_save_as(s);
    else if (save_file(s, s.path)) notify(s, "Saved " + s.path, now);
  }
  if (m.save_as) open_save_as(s);
  if (m.screenshot || k.screenshot) req.screenshot = true;
  if (m.quit) req.quit = true;
  if (m.style_changed) req.restyle = true;
  if (m.show_keys) s.show_keys = true;
  if (m.show_about) s.show_about = true;
  change_scale(s, m.zoom != 0 ? m.zoom : k.zoom, m.zoom_reset || k.zoom_reset, req);
}

void handle_browser(AppState& s, double now) {
  const auto chosen = draw_file_browser(s.browser);
  if (!chosen) return;
  if (s.browser.purpose == kBrowseOpen) {
    carry_out_switch(s, PendingSwitch{false, *chosen, false}, now);
  } else if (s.browser.purpose == kBrowseSaveAs && save_file(s, *chosen)) {
    notify(s, "Saved " + *chosen, now);
  }
}

}  // namespace

FrameRequests draw_frame(AppState& s, Layout& layout, double now) {
  FrameRequests req;
  if (s.trainer) s.snap = s.trainer->snapshot();  // once per frame; never blocks
  float menu_h = 0;
  const MenuActions menu = draw_menu_bar(s, &menu_h);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const LayoutMetrics metrics = layout_metrics(s.prefs.scale * s.content_scale, menu_h);
  layout = compute_layout(display.x, display.y, s.prefs.layout, metrics);

  draw_gaps(layout);
  const PanelResults results = draw_panels(s, layout);
  handle_splitters(layout, s.prefs.layout, s.splitter, display.x, display.y, metrics);
  const ShortcutActions keys = read_shortcuts();

  apply_panel_results(s, results);
  run_training_actions(s, results.controls, keys);
  run_file_actions(s, menu, keys, now, req);

  draw_banner(s, layout.network);
  draw_toast(s, now);
  draw_dialogs(s, now);
  handle_browser(s, now);
  if (s.quit) req.quit = true;
  return req;
}

}  // namespace nnplay::gui
