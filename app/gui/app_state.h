// Everything the window knows: the user's document (an Experiment), the Trainer running it,
// the newest snapshot, each panel's UI state and the shell's own state. Every edit becomes a
// Command for the Trainer; when an edit cannot be applied the message is shown and the user's
// work and the old run stay as they were, so nothing is ever lost.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/layout.h"
#include "app/gui/logic/layout_math.h"
#include "app/gui/panels/backprop_panel.h"
#include "app/gui/panels/compare_panel.h"
#include "app/gui/panels/controls_panel.h"
#include "app/gui/panels/curves_panel.h"
#include "app/gui/panels/data_canvas.h"
#include "app/gui/panels/draw_pad_panel.h"
#include "app/gui/panels/feature_maps_panel.h"
#include "app/gui/panels/file_browser.h"
#include "app/gui/panels/filters_panel.h"
#include "app/gui/panels/fit_panel.h"
#include "app/gui/panels/gradients_panel.h"
#include "app/gui/panels/lesson_panel.h"
#include "app/gui/panels/metrics_panel.h"
#include "app/gui/panels/network_panel.h"
#include "app/gui/panels/samples_panel.h"
#include "app/gui/views.h"
#include "app/gui/logic/session_store.h"
#include "engine/core/rng.h"
#include "engine/experiment/experiment.h"
#include "engine/train/trainer.h"

namespace nnplay::gui {

// A document switch waiting for "save or discard?" when the current one has unsaved changes.
struct PendingSwitch {
  bool new_document = false;
  std::string open_path;      // or open this file
  bool open_browser = false;  // or show the Open browser
};

struct AppState {
  // --- the document
  Experiment exp;
  std::string path;    // file it came from / was saved to; empty = untitled
  bool dirty = false;  // changed since opened or saved

  // --- the run
  std::unique_ptr<Trainer> trainer;
  SnapshotPtr snap;                   // read once per frame
  TrainSettings sent_settings;        // last settings the trainer got
  std::optional<GridRequest> sent_grid;
  Rng draw_rng{12345};                // splits of newly drawn points

  // --- panels
  CanvasState canvas;
  NetworkPanelState network;
  CurvesPanelState curves;
  ControlsPanelState controls;
  FileBrowser browser;
  GradientsPanelState gradients;
  ComparePanelState compare;
  BackpropPanelState backprop;
  MetricsPanelState metrics;
  FitPanelState fit;
  FiltersPanelState filters;
  FeatureMapsPanelState feature_maps;
  SamplesPanelState samples;
  DrawPadPanelState draw_pad;
  LessonPanelState lesson;
  // One network for the image views' single-image passes, rebuilt when the parameters change.
  InspectorCache inspector;
  ViewSelection views;

  // --- shell
  UiPrefs prefs;
  float content_scale = 1.0f;         // the monitor's DPI factor; interface = prefs.scale * this
  SplitterDrag splitter;              // a gap being dragged
  std::string modal_title, modal_text;  // a problem the user must acknowledge
  bool modal_pending = false;         // open the modal on the next frame
  std::string banner;                 // a problem with the last edit (non-blocking)
  std::string dismissed_message;      // trainer message the user closed
  std::string toast;                  // short notification ("Saved ...")
  double toast_until = 0;
  std::optional<PendingSwitch> pending_switch;  // waiting for "save or discard?"
  bool confirm_pending = false;       // open that question on the next frame
  bool show_keys = false, show_about = false;
  std::vector<std::string> recent;
  double last_autosave = 0;
  bool autosave = true;
  bool quit = false;
};

// Starts a run for e (new Trainer, saved weights applied). On failure shows the problem and
// leaves the state untouched; returns whether e became the document.
bool open_document(AppState& s, Experiment e, const std::string& path);
// File > Open: load_experiment errors (file, field, expectation) go to a modal.
bool open_file(AppState& s, const std::string& path);
// File > Save / Save As. The current weights go in too when prefs.save_weights.
bool save_file(AppState& s, const std::string& path);
// The document as it would be saved now (with the current weights when asked).
Experiment document_now(const AppState& s, bool with_weights);

// Edits coming from the panels.
void data_changed(AppState& s);     // points edited: ReplaceData (training continues)
void task_changed(AppState& s);     // problem type switched: adapt output layer and loss
void network_changed(AppState& s);  // layers edited: ReplaceNetwork (unchanged layers kept)
void features_changed(AppState& s); // input features: ReplaceData (first layer rebuilt)
void sync_settings(AppState& s);    // hyper-parameters: SetSettings when they differ
void send_grid(AppState& s, const GridRequest& r);  // SetGrid when it differs
void send(AppState& s, Command c);  // no-op without a trainer

// Reset: new seed (same_seed = false) or replay the same initial weights.
void reset_weights(AppState& s, bool same_seed);

void show_modal(AppState& s, const std::string& title, const std::string& text);
void notify(AppState& s, const std::string& text, double now, double seconds = 3.0);
// Autosave if due (or force); failures become a toast, never a crash.
void autosave_session(AppState& s, double now, bool force);

}  // namespace nnplay::gui
