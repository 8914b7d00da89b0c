// The compare view's runs are independent: each run, trained side by side with the others on
// their own threads, ends with exactly the parameters of a Trainer that ran it alone.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "app/gui/logic/compare_presets.h"
#include "app/gui/logic/compare_runs.h"
#include "engine/data/generators.h"
#include "engine/experiment/materialize.h"

namespace nnplay::gui {
namespace {

Experiment circle_doc() {
  Experiment e = default_experiment();
  e.seed = 7;
  e.data.generator.n = 120;
  e.data.points = generate(e.data.generator);
  assign_splits(e.data.points, e.splits, e.seed);
  return e;
}

// One thread like the window's runs, but at normal priority: on a loaded test machine a
// background priority could starve them (the priority does not change what is computed).
TrainerOptions test_options() {
  TrainerOptions o = compare_trainer_options();
  o.priority = ThreadPriority::Normal;
  return o;
}

// Waits for the trainer's published step to reach `step` (Step commands run asynchronously).
SnapshotPtr wait_for_step(Trainer& t, long step) {
  for (int i = 0; i < 12000 && t.snapshot()->step < step; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  t.sync();
  return t.snapshot();
}

// The same experiment trained alone for `steps` minibatches.
std::vector<Scalar> alone(const Experiment& run_exp, long steps) {
  Experiment e = run_exp;
  e.train.steps_per_second = 0;  // pacing only decides when steps happen, not what they compute
  validate_experiment(e, e.name);
  Trainer t(build_dataset(e), e.network, e.loss, e.train, e.seed, test_options());
  if (steps > 0) t.send(cmd::Step{int(steps)});
  t.sync();
  const SnapshotPtr s = wait_for_step(t, steps);
  EXPECT_EQ(s->step, steps);
  return s->params;
}

std::vector<CompareRunSpec> four_runs(const Experiment& doc) {
  auto specs = preset_sigmoid_vs_relu(doc);
  auto race = preset_optimizer_race(doc);
  specs.push_back(race[2]);  // Nesterov
  specs.push_back(race[5]);  // Adam
  return specs;
}

TEST(CompareRuns, EachRunSteppedTogetherEqualsTheRunAlone) {
  const Experiment doc = circle_doc();
  CompareRuns runs(test_options());
  runs.start(doc, four_runs(doc));
  ASSERT_EQ(runs.size(), 4u);
  const long n = 25;
  runs.step_all(n);
  for (const auto& r : runs.runs()) {
    ASSERT_TRUE(r.trainer) << r.label << ": " << r.error;
    wait_for_step(*r.trainer, n);
  }
  runs.refresh();
  std::set<std::vector<Scalar>> distinct;
  for (const auto& r : runs.runs()) {
    EXPECT_EQ(r.snap->step, n) << r.label;
    EXPECT_EQ(r.snap->params, alone(r.exp, n)) << r.label << " differs from the same run alone";
    distinct.insert(r.snap->params);
  }
  EXPECT_EQ(distinct.size(), 4u) << "the configurations should have trained differently";
}

TEST(CompareRuns, RunsPlayingFlatOutTogetherEqualTheRunsAlone) {
  const Experiment doc = circle_doc();
  CompareRuns runs(test_options());
  runs.start(doc, preset_optimizer_race(doc));
  ASSERT_EQ(runs.size(), 6u);
  runs.set_speed(200);  // a few dozen steps each, at whatever moments the threads get to run
  runs.play_all();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  runs.pause_all();
  runs.sync_all();
  for (const auto& r : runs.runs()) {
    ASSERT_TRUE(r.snap) << r.label << ": " << r.error;
    EXPECT_FALSE(r.snap->running);
    EXPECT_GT(r.snap->step, 0) << r.label;
    EXPECT_EQ(r.snap->params, alone(r.exp, r.snap->step)) << r.label << " at step " << r.snap->step;
  }
}

TEST(CompareRuns, ResetReturnsEveryRunToItsInitialWeights) {
  const Experiment doc = circle_doc();
  CompareRuns runs(test_options());
  runs.start(doc, preset_sigmoid_vs_relu(doc));
  runs.refresh();
  const std::vector<Scalar> initial = runs.runs()[1].snap->params;
  runs.step_all(10);
  for (const auto& r : runs.runs()) wait_for_step(*r.trainer, 10);
  runs.refresh();
  EXPECT_NE(runs.runs()[1].snap->params, initial);
  runs.reset_all();
  runs.sync_all();
  for (const auto& r : runs.runs()) EXPECT_EQ(r.snap->step, 0) << r.label;
  EXPECT_EQ(runs.runs()[1].snap->params, initial);
  EXPECT_EQ(runs.runs()[1].snap->params, alone(runs.runs()[1].exp, 0));
}

TEST(CompareRuns, RunsTakeDataAndSeedFromTheDocument) {
  Experiment doc = circle_doc();
  Experiment other = default_experiment();
  other.seed = 99;
  other.train.optimizer.kind = OptimizerKind::Adam;
  other.weights = std::vector<double>{1, 2, 3};
  const Experiment e = compare_experiment(doc, other);
  EXPECT_EQ(e.seed, doc.seed);
  EXPECT_EQ(e.data.points.points.size(), doc.data.points.points.size());
  EXPECT_EQ(e.train.optimizer.kind, OptimizerKind::Adam);
  EXPECT_FALSE(e.weights.has_value());
}

TEST(CompareRuns, AtMostSixRunsAndRemovingOneKeepsTheOthers) {
  const Experiment doc = circle_doc();
  CompareRuns runs(test_options());
  runs.start(doc, preset_optimizer_race(doc));
  EXPECT_FALSE(runs.add(doc, preset_current(doc)));
  EXPECT_EQ(runs.size(), 6u);
  runs.remove(0);
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs.runs()[0].label.rfind("momentum", 0), 0u) << runs.runs()[0].label;
  EXPECT_TRUE(runs.add(doc, preset_current(doc)));
  EXPECT_EQ(runs.size(), 6u);
}

TEST(CompareRuns, ARunThatCannotStartExplainsWhy) {
  const Experiment doc = circle_doc();
  Experiment bad = doc;
  bad.network.layers.back().units = 3;  // binary cross-entropy needs one output
  CompareRuns runs(test_options());
  runs.start(doc, {{"bad", bad}, preset_current(doc)});
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_FALSE(runs.runs()[0].trainer);
  EXPECT_FALSE(runs.runs()[0].error.empty());
  EXPECT_TRUE(runs.runs()[1].trainer);
}

TEST(ComparePresets, RaceHasSixOptimisersOnTheSameNetwork) {
  const Experiment doc = circle_doc();
  const auto race = preset_optimizer_race(doc);
  ASSERT_EQ(race.size(), 6u);
  std::set<OptimizerKind> kinds;
  for (const auto& r : race) {
    kinds.insert(r.exp.train.optimizer.kind);
    EXPECT_EQ(r.exp.network, doc.network);
  }
  EXPECT_EQ(kinds.size(), 6u);
  const auto pair = preset_sigmoid_vs_relu(doc);
  ASSERT_EQ(pair.size(), 2u);
  EXPECT_EQ(pair[0].exp.network.layers[0].activation.kind, ActivationKind::Sigmoid);
  EXPECT_EQ(pair[1].exp.network.layers[0].activation.kind, ActivationKind::Relu);
  EXPECT_EQ(pair[1].exp.network.layers[0].init.kind, InitKind::HeUniform);
  // The output layer is left as the task needs it.
  EXPECT_EQ(pair[1].exp.network.layers.back(), doc.network.layers.back());
}

}  // namespace
}  // namespace nnplay::gui
