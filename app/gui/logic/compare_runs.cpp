#include "app/gui/logic/compare_runs.h"

#include <algorithm>

#include "engine/experiment/materialize.h"

namespace nnplay::gui {

Experiment compare_experiment(const Experiment& doc, const Experiment& config) {
  Experiment e = config;
  e.task = doc.task;
  e.data = doc.data;
  e.features = doc.features;
  e.splits = doc.splits;
  e.seed = doc.seed;
  e.weights.reset();
  return e;
}

TrainerOptions compare_trainer_options() {
  TrainerOptions o;
  o.threads = 1;
  o.priority = ThreadPriority::Background;
  return o;
}

void CompareRuns::launch(CompareRun& run) {
  run.trainer.reset();
  run.snap.reset();
  run.error.clear();
  if (!data_) {
    run.error = data_error_.empty() ? "no data" : data_error_;
    return;
  }
  try {
    validate_experiment(run.exp, run.label);  // derives network.input from the features
    run.exp.train.steps_per_second = speed_;
    run.trainer = std::make_unique<Trainer>(data_, run.exp.network, run.exp.loss, run.exp.train,
                                            run.exp.seed, options_);
    if (grid_) run.trainer->send(cmd::SetGrid{*grid_});
    run.snap = run.trainer->snapshot();
  } catch (const std::exception& ex) {
    run.trainer.reset();
    run.error = ex.what();
  }
}

void CompareRuns::use_data(const Experiment& doc, std::shared_ptr<const Dataset> data) {
  doc_ = doc;
  data_ = std::move(data);
  data_error_.clear();
  if (data_) return;
  try {
    data_ = build_dataset(doc);
  } catch (const std::exception& ex) {
    data_error_ = ex.what();
  }
}

void CompareRuns::start(const Experiment& doc, std::vector<CompareRunSpec> specs,
                        std::shared_ptr<const Dataset> data) {
  clear();
  use_data(doc, std::move(data));
  if (specs.size() > size_t(kMaxCompareRuns)) specs.resize(kMaxCompareRuns);
  for (auto& spec : specs) add(doc, std::move(spec), data_);
}

bool CompareRuns::add(const Experiment& doc, CompareRunSpec spec, std::shared_ptr<const Dataset> data) {
  if (runs_.size() >= size_t(kMaxCompareRuns)) return false;
  // Later runs join the comparison's data, so every run is measured on the same points; the
  // first run of an empty comparison starts it on the document's current data.
  if (runs_.empty()) use_data(doc, std::move(data));
  CompareRun run;
  run.id = next_id_++;
  run.label = std::move(spec.label);
  run.exp = compare_experiment(*doc_, spec.exp);
  launch(run);
  runs_.push_back(std::move(run));
  return true;
}

void CompareRuns::remove(size_t i) {
  if (i < runs_.size()) runs_.erase(runs_.begin() + long(i));
}

void CompareRuns::clear() {
  runs_.clear();  // each Trainer stops its thread as it is destroyed
  doc_.reset();
  data_.reset();
  data_error_.clear();
}

void CompareRuns::send_all(const Command& c) {
  for (auto& r : runs_)
    if (r.trainer) r.trainer->send(c);
}

void CompareRuns::play_all() { send_all(cmd::Play{}); }
void CompareRuns::pause_all() { send_all(cmd::Pause{}); }
void CompareRuns::step_all(int steps) { send_all(cmd::Step{std::max(1, steps)}); }

void CompareRuns::reset_all() {
  for (auto& r : runs_)
    if (r.trainer) {
      r.trainer->send(cmd::Pause{});
      r.trainer->send(cmd::Reset{r.exp.seed});
    }
}

void CompareRuns::set_speed(double steps_per_second) {
  speed_ = std::max(0.0, steps_per_second);
  for (auto& r : runs_) {
    r.exp.train.steps_per_second = speed_;
    if (r.trainer) r.trainer->send(cmd::SetSettings{r.exp.train});
  }
}

void CompareRuns::set_grid(const GridRequest& g) {
  if (grid_ && *grid_ == g) return;
  grid_ = g;
  send_all(cmd::SetGrid{g});
}

void CompareRuns::refresh() {
  for (auto& r : runs_)
    if (r.trainer) r.snap = r.trainer->snapshot();
}

void CompareRuns::sync_all() {
  for (auto& r : runs_)
    if (r.trainer) r.trainer->sync();
  refresh();
}

bool CompareRuns::any_running() const {
  return std::any_of(runs_.begin(), runs_.end(), [](const CompareRun& r) { return r.snap && r.snap->running; });
}

}  // namespace nnplay::gui
