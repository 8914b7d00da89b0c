// A lesson: a title, a summary and steps a teacher walks through in front of a class. Each step
// has a short text and may load a whole experiment (inline or a file with overrides), choose
// the views to show, hide controls the step does not need, start a comparison of several runs
// and train a little. docs/lesson-format.md documents the file; assets/lessons/ holds them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/experiment.h"

namespace nnplay {

// One run of a comparison ("sigmoid" versus "ReLU + He").
struct LessonRun {
  std::string label;
  Experiment exp;
};

struct LessonStep {
  std::string title;
  std::vector<std::string> paragraphs;   // the text, read aloud; one entry per paragraph
  std::optional<Experiment> experiment;  // absent: keep whatever runs now
  std::vector<std::string> views;        // view names (app/gui/views.h), e.g. "gradients"
  std::vector<std::string> hide;         // control names, see lesson_control_names()
  std::vector<LessonRun> compare;        // 0, or 2 to 4 runs shown in the compare view
  bool play = false;                     // start training when the step loads
  long train_steps = 0;                  // train this many minibatches when the step loads
  std::optional<double> threshold;       // binary decision threshold to set
  std::optional<int> backprop_step;      // Backprop view: the step of the trace to show
};

struct Lesson {
  std::string title, summary;
  std::string path;  // where it was loaded from
  std::vector<LessonStep> steps;
};

// Controls a step may hide: "learning_rate", "batch_size", "optimizer", "regularization",
// "seed", "speed".
const std::vector<std::string>& lesson_control_names();
// Views a step may show (the names app/gui/views.h accepts; a test keeps the two in step).
const std::vector<std::string>& lesson_view_names();

// Loads and validates every step (each experiment passes validate_experiment). Errors name the
// file, the field and what was expected:
// "01-vanishing.json: steps[2].experiment: layers[0].activation: expected one of ...".
Lesson load_lesson(const std::string& path);
// base_dir resolves experiment paths ("../experiments/xor.json") and CSV files.
Lesson parse_lesson(const std::string& json_text, const std::string& name_for_errors,
                    const std::string& base_dir = ".");

}  // namespace nnplay
