// Turning edits into trainer commands, and opening/saving documents without ever losing work.
#include "app/gui/app_state.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "app/gui/recent_files.h"
#include "engine/core/error.h"
#include "engine/experiment/materialize.h"

namespace nnplay::gui {

namespace {

// Training uses every core: its threads run at background priority (TrainerOptions), so the
// window still gets the CPU first when it draws a frame.
int trainer_threads() { return std::max(1, int(std::thread::hardware_concurrency())); }

std::unique_ptr<Trainer> make_trainer(Experiment& e) {
  validate_experiment(e, e.name);  // also derives network.input from the features
  auto data = build_dataset(e);
  TrainerOptions options;
  options.threads = trainer_threads();
  options.priority = ThreadPriority::Background;  // frames first; training takes the rest
  auto t = std::make_unique<Trainer>(data, e.network, e.loss, e.train, e.seed, options);
  if (e.weights) t->send(cmd::SetParams{std::vector<Scalar>(e.weights->begin(), e.weights->end())});
  return t;
}

// Output layer and loss that fit the task and the number of classes.
// Returns whether anything changed.
bool fit_output_to_task(Experiment& e) {
  if (e.network.layers.empty()) return false;
  LayerSpec& out = e.network.layers.back();
  const LayerSpec before = out;
  const LossKind loss_before = e.loss.kind;
  const int k = e.data.points.num_classes;
  if (e.task == Task::Regression) {
    out.units = 1;
    out.activation.kind = ActivationKind::Linear;
    e.loss.kind = LossKind::Mse;
  } else if (k <= 2) {
    out.units = 1;
    out.activation.kind = ActivationKind::Sigmoid;
    e.loss.kind = LossKind::Bce;
  } else {
    out.units = k;
    out.activation.kind = ActivationKind::Softmax;
    e.loss.kind = LossKind::SoftmaxCe;
  }
  return !(out == before) || e.loss.kind != loss_before;
}

// Whether the output layer still fits the number of classes (drawing a new class can break it).
bool output_fits_classes(const Experiment& e) {
  if (e.task != Task::Classification || e.network.layers.empty()) return true;
  const int k = e.data.points.num_classes;
  if (e.loss.kind == LossKind::Bce) return k <= 2;
  if (e.loss.kind == LossKind::SoftmaxCe) return e.network.layers.back().units == k;
  return true;
}

// A new run for the edited document (when data and network must change together, which the
// trainer's one-at-a-time commands cannot express). Keeps the document if it fails.
void restart_run(AppState& s) {
  Experiment e = s.exp;
  e.weights.reset();  // the shapes changed; start from fresh initial weights
  try {
    auto t = make_trainer(e);
    s.trainer = std::move(t);
    s.exp = std::move(e);
    s.snap = s.trainer->snapshot();
    s.sent_settings = s.exp.train;
    s.sent_grid.reset();
    s.banner.clear();
  } catch (const std::exception& ex) {
    s.banner = ex.what();
  }
}

}  // namespace

void send(AppState& s, Command c) {
  if (s.trainer) s.trainer->send(std::move(c));
}

bool open_document(AppState& s, Experiment e, const std::string& path) {
  if (e.data.points.points.empty() && e.data.source == "generator") {
    e.data.points = generate(e.data.generator);
    assign_splits(e.data.points, e.splits, e.seed);
  }
  std::unique_ptr<Trainer> t;
  try {
    t = make_trainer(e);
  } catch (const std::exception& ex) {
    show_modal(s, "Cannot start this experiment", ex.what());
    return false;
  }
  s.trainer = std::move(t);  // the old run stops here
  s.exp = std::move(e);
  s.path = path;
  s.dirty = false;
  s.snap = s.trainer->snapshot();
  s.sent_settings = s.exp.train;
  s.sent_grid.reset();
  s.canvas.undo.clear();
  s.banner.clear();
  s.dismissed_message.clear();
  return true;
}

bool open_file(AppState& s, const std::string& path) {
  Experiment e;
  try {
    e = load_experiment(path);
  } catch (const std::exception& ex) {
    show_modal(s, "Could not open " + std::filesystem::path(path).filename().string(),
               std::string(ex.what()) + "\n\nYour current work is unchanged.");
    remove_recent(s.recent, path);
    return false;
  }
  if (!open_document(s, std::move(e), path)) return false;
  push_recent(s.recent, path);
  save_recent(recent_path(), s.recent);
  return true;
}

Experiment document_now(const AppState& s, bool with_weights) {
  Experiment d = s.exp;
  d.weights.reset();
  // Weights only match the document when the trainer runs exactly its layers (no edit in
  // flight); otherwise the file would not load again, so it is saved without them.
  if (with_weights && s.snap && !s.snap->params.empty() && s.snap->spec.layers == d.network.layers)
    d.weights = std::vector<double>(s.snap->params.begin(), s.snap->params.end());
  return d;
}

bool save_file(AppState& s, const std::string& path) {
  try {
    save_experiment(document_now(s, s.prefs.save_weights), path, true);
  } catch (const std::exception& ex) {
    show_modal(s, "Could not save", std::string(ex.what()) + "\n\nYour work is still open.");
    return false;
  }
  s.path = path;
  s.dirty = false;
  push_recent(s.recent, path);
  save_recent(recent_path(), s.recent);
  return true;
}

void data_changed(AppState& s) {
  s.dirty = true;
  if (s.exp.data.source == "generator" || s.exp.data.source == "csv") s.exp.data.source = "points";
  if (!output_fits_classes(s.exp)) {
    fit_output_to_task(s.exp);
    restart_run(s);  // a new class needs a wider output layer together with the new data
    return;
  }
  try {
    send(s, cmd::ReplaceData{build_dataset(s.exp)});
    s.banner.clear();
  } catch (const std::exception& ex) {
    s.banner = ex.what();  // e.g. "the training set is empty": the old data keeps training
  }
}

void task_changed(AppState& s) {
  s.dirty = true;
  fit_output_to_task(s.exp);
  restart_run(s);
}

void network_changed(AppState& s) {
  s.dirty = true;
  send(s, cmd::ReplaceNetwork{s.exp.network, s.exp.loss});
}

void features_changed(AppState& s) {
  s.dirty = true;
  try {
    Experiment check = s.exp;
    validate_experiment(check, s.exp.name);
    s.exp.network.input = check.network.input;
    send(s, cmd::ReplaceData{build_dataset(s.exp)});
    s.banner.clear();
  } catch (const std::exception& ex) {
    s.banner = ex.what();
  }
}

void sync_settings(AppState& s) {
  if (s.exp.train == s.sent_settings) return;
  send(s, cmd::SetSettings{s.exp.train});
  s.sent_settings = s.exp.train;
  s.dirty = true;
}

void send_grid(AppState& s, const GridRequest& r) {
  if (s.sent_grid && *s.sent_grid == r) return;
  send(s, cmd::SetGrid{r});
  s.sent_grid = r;
}

void reset_weights(AppState& s, bool same_seed) {
  if (!same_seed) s.exp.seed = 1 + s.draw_rng.below(999'999);
  send(s, cmd::Reset{s.exp.seed});
  s.dismissed_message.clear();
}

void show_modal(AppState& s, const std::string& title, const std::string& text) {
  s.modal_title = title;
  s.modal_text = text;
  s.modal_pending = true;
}

void notify(AppState& s, const std::string& text, double now, double seconds) {
  s.toast = text;
  s.toast_until = now + seconds;
}

void autosave_session(AppState& s, double now, bool force) {
  if (!s.autosave || (!force && now - s.last_autosave < kAutosaveSeconds)) return;
  s.last_autosave = now;
  try {
    save_session(session_path(), document_now(s, true), s.prefs, s.path, s.dirty);
  } catch (const std::exception& ex) {
    notify(s, std::string("Autosave failed: ") + ex.what(), now, 6.0);
  }
}

}  // namespace nnplay::gui
