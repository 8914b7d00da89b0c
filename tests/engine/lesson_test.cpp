// Lessons: every shipped lesson loads and every step's experiment validates; malformed lessons
// are refused with a message naming the file, the field and what was expected.
#include "engine/experiment/lesson.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "engine/core/error.h"

namespace nnplay {
namespace {

namespace fs = std::filesystem;

const fs::path kLessons = fs::path(NNPLAY_SOURCE_DIR) / "assets" / "lessons";
const std::string kExperiments = std::string(NNPLAY_SOURCE_DIR) + "/assets/experiments";

std::vector<fs::path> lesson_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kLessons))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The message of the Error parse_lesson throws (fails the test if it does not throw).
std::string error_of(const std::string& text, const std::string& base = kExperiments) {
  try {
    parse_lesson(text, "bad.json", base);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << text;
  return "";
}

const char* kTinyExperiment =
    R"({"data": {"generator": {"name": "xor", "n": 40}}, "layers": [{"units": 1, "activation": "sigmoid"}]})";

std::string one_step(const std::string& step_fields) {
  return R"({"title": "T", "steps": [{"title": "s", "text": "Hello.", "experiment": )" +
         std::string(kTinyExperiment) + (step_fields.empty() ? "" : ", " + step_fields) + "}]}";
}

TEST(Lesson, EveryShippedLessonLoadsAndEveryStepValidates) {
  const auto files = lesson_files();
  ASSERT_GE(files.size(), 10u) << "the ten lessons of issue 4 live in " << kLessons;
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    Lesson l;
    ASSERT_NO_THROW(l = load_lesson(f.string()));
    EXPECT_FALSE(l.title.empty());
    EXPECT_FALSE(l.summary.empty());
    ASSERT_GE(l.steps.size(), 2u);
    for (auto& step : l.steps) {
      EXPECT_FALSE(step.paragraphs.empty());
      for (const auto& p : step.paragraphs) EXPECT_FALSE(p.empty());
      if (step.experiment) EXPECT_NO_THROW(validate_experiment(*step.experiment, f.string()));
      for (auto& run : step.compare) EXPECT_NO_THROW(validate_experiment(run.exp, f.string()));
    }
  }
}

TEST(Lesson, UniversalApproximationStepsUseOneHiddenLayerOf1To13ReluUnits) {
  // The lesson's point is the count of kinks: check the networks really are 1, 2, 3, 6, 13 wide.
  std::vector<int> widths;
  for (const auto& f : lesson_files()) {
    if (f.filename().string().find("universal") == std::string::npos) continue;
    for (const auto& step : load_lesson(f.string()).steps) {
      if (!step.experiment) continue;
      const auto& layers = step.experiment->network.layers;
      ASSERT_EQ(layers.size(), 2u);
      EXPECT_EQ(layers[0].activation.kind, ActivationKind::Relu);
      EXPECT_EQ(step.experiment->features, std::vector<std::string>{"x1"});
      widths.push_back(layers[0].units);
    }
  }
  EXPECT_EQ(widths, (std::vector<int>{1, 2, 3, 6, 13}));
}

TEST(Lesson, ReadsStepFieldsAndParagraphs) {
  const Lesson l = parse_lesson(
      one_step(R"("views": ["metrics", "fit"], "hide": ["optimizer", "seed"], "play": true,
                  "train_steps": 25, "threshold": 0.3)"),
      "ok.json");
  ASSERT_EQ(l.steps.size(), 1u);
  const LessonStep& s = l.steps[0];
  EXPECT_EQ(s.views, (std::vector<std::string>{"metrics", "fit"}));
  EXPECT_EQ(s.hide, (std::vector<std::string>{"optimizer", "seed"}));
  EXPECT_TRUE(s.play);
  EXPECT_EQ(s.train_steps, 25);
  ASSERT_TRUE(s.threshold);
  EXPECT_DOUBLE_EQ(*s.threshold, 0.3);
  EXPECT_EQ(s.paragraphs, std::vector<std::string>{"Hello."});
  const Lesson two = parse_lesson(
      R"({"title": "T", "steps": [{"text": ["One.", "Two."], "experiment": )" +
          std::string(kTinyExperiment) + "}]}", "ok.json");
  EXPECT_EQ(two.steps[0].paragraphs, (std::vector<std::string>{"One.", "Two."}));
  EXPECT_EQ(two.steps[0].title, "Step 1");
}

TEST(Lesson, ExperimentFileWithOverridesIsMergedThenValidated) {
  const Lesson l = parse_lesson(
      R"({"title": "T", "steps": [{"text": "x", "experiment": "xor.json",
          "overrides": {"optimizer": {"lr": 0.5}, "batch_size": 3}}]})",
      "ok.json", kExperiments);
  const Experiment& e = *l.steps[0].experiment;
  EXPECT_DOUBLE_EQ(e.train.optimizer.lr, 0.5);
  EXPECT_EQ(e.train.optimizer.kind, OptimizerKind::Adam);  // kept from xor.json
  EXPECT_EQ(e.train.batch_size, 3);
  EXPECT_EQ(e.data.generator.name, "xor");
}

TEST(Lesson, CompareRunsAreParsedEachWithItsOwnExperiment) {
  const Lesson l = parse_lesson(one_step(
      R"("compare": [{"label": "slow", "experiment": "xor.json", "overrides": {"optimizer": {"lr": 0.001}}},
                     {"label": "fast", "experiment": "xor.json"}])"), "ok.json", kExperiments);
  const auto& runs = l.steps[0].compare;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].label, "slow");
  EXPECT_DOUBLE_EQ(runs[0].exp.train.optimizer.lr, 0.001);
  EXPECT_DOUBLE_EQ(runs[1].exp.train.optimizer.lr, 0.01);
}

TEST(Lesson, LaterStepsMayKeepTheRunningExperiment) {
  const Lesson l = parse_lesson(
      R"({"title": "T", "steps": [{"text": "a", "experiment": )" + std::string(kTinyExperiment) +
          R"(}, {"text": "b", "views": ["curves"]}]})", "ok.json");
  ASSERT_EQ(l.steps.size(), 2u);
  EXPECT_TRUE(l.steps[0].experiment);
  EXPECT_FALSE(l.steps[1].experiment);
}

TEST(Lesson, MalformedLessonsNameFileFieldAndExpectation) {
  EXPECT_NE(error_of("{").find("bad.json: not valid JSON"), std::string::npos);
  EXPECT_EQ(error_of(R"({"steps": []})"), "bad.json: title: missing: every lesson needs a title");
  EXPECT_NE(error_of(R"({"title": "T"})").find("bad.json: steps: missing or empty"), std::string::npos);
  EXPECT_NE(error_of(R"({"title": "T", "steps": [{"text": "no experiment"}]})")
                .find("steps[0].experiment: missing: the first step must load an experiment"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"title": "T", "steps": [{"experiment": "xor.json"}]})")
                .find("bad.json: steps[0].text: missing"),
            std::string::npos);
  const std::string view = error_of(one_step(R"("views": ["curves", "gradiens"])"));
  EXPECT_NE(view.find("bad.json: steps[0].views[1]: expected one of curves, gradients"), std::string::npos) << view;
  EXPECT_NE(view.find("got \"gradiens\""), std::string::npos);
  const std::string hide = error_of(one_step(R"("hide": ["learning rate"])"));
  EXPECT_NE(hide.find("steps[0].hide[0]: expected one of learning_rate"), std::string::npos) << hide;
  EXPECT_NE(error_of(one_step(R"("train_steps": -1)")).find("steps[0].train_steps"), std::string::npos);
  EXPECT_NE(error_of(one_step(R"("compare": [{"experiment": "xor.json"}])"))
                .find("steps[0].compare: a comparison needs 2 to 4 runs, got 1"),
            std::string::npos);
}

TEST(Lesson, ABrokenStepExperimentIsReportedWithTheStepAndTheExperimentField) {
  const std::string inner = error_of(
      R"({"title": "T", "steps": [{"text": "a", "experiment": "xor.json"},
          {"text": "b", "experiment": {"data": {"generator": {"name": "xor"}}, "layers": [{"units": 1, "activation": "sigmod"}]}}]})");
  EXPECT_NE(inner.find("bad.json: steps[1].experiment: layers[0].activation: expected one of"), std::string::npos) << inner;
  const std::string patched = error_of(
      R"({"title": "T", "steps": [{"text": "a", "experiment": "xor.json", "overrides": {"optimizer": {"lr": "fast"}}}]})");
  EXPECT_NE(patched.find("steps[0].experiment: optimizer.lr: expected a number"), std::string::npos) << patched;
  const std::string missing = error_of(R"({"title": "T", "steps": [{"text": "a", "experiment": "nope.json"}]})");
  EXPECT_NE(missing.find("steps[0].experiment: no experiment file at"), std::string::npos) << missing;
  // A validation rule (not just syntax): bce needs one output unit.
  const std::string rule = error_of(
      R"({"title": "T", "steps": [{"text": "a", "experiment": "xor.json", "overrides": {"layers": [{"units": 3}]}}]})");
  EXPECT_NE(rule.find("steps[0].experiment: layers[0].units: binary cross-entropy needs 1 output unit"), std::string::npos) << rule;
}

}  // namespace
}  // namespace nnplay
