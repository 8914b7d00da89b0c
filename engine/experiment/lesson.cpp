// Reading lesson files. A step's experiment is merged from a base (inline object or a file)
// and an "overrides" object with JSON merge patch (RFC 7386), then goes through the same
// parser as any experiment file, so a lesson can never load something File > Open would refuse.
#include "engine/experiment/lesson.h"

#include <filesystem>

#include "engine/core/error.h"
#include "engine/experiment/json_reader.h"

namespace nnplay {

namespace {
using nlohmann::json;
namespace fs = std::filesystem;
constexpr size_t kMaxSteps = 64;
constexpr size_t kMaxRuns = 4;

json parse_json(const std::string& text, const std::string& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& ex) {
    throw Error(file + ": not valid JSON (" + std::string(ex.what()) + ")");
  }
}

// `owner` holds "experiment" (an object, or a path relative to the lesson) and optional
// "overrides"; `field` is owner's path for messages ("steps[2]", "steps[2].compare[1]").
Experiment read_step_experiment(const JsonReader& owner, const std::string& base_dir) {
  const json& spec = owner.raw().at("experiment");
  const std::string where = owner.file() + ": " + owner.field_path("experiment");
  json merged;
  std::string exp_dir = base_dir;
  if (spec.is_object()) {
    merged = spec;
  } else if (spec.is_string()) {
    fs::path p(spec.get<std::string>());
    if (p.is_relative()) p = fs::path(base_dir) / p;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec))
      owner.fail("experiment", "no experiment file at " + p.string());
    merged = parse_json(read_text_file(p.string()), p.string());
    exp_dir = p.parent_path().string();
  } else {
    owner.fail("experiment", "expected an experiment object or the path of an experiment file, got " +
                                 describe_json(spec));
  }
  if (owner.has("overrides")) {
    const json& o = owner.raw().at("overrides");
    if (!o.is_object()) owner.fail("overrides", "expected an object of experiment fields, got " + describe_json(o));
    merged.merge_patch(o);
  }
  return parse_experiment(merged.dump(), where, exp_dir.empty() ? "." : exp_dir);
}

std::vector<std::string> read_names(const JsonReader& r, const std::string& key,
                                    const std::vector<std::string>& allowed) {
  std::vector<std::string> names = r.strings(key, 16);
  for (size_t i = 0; i < names.size(); ++i) {
    bool ok = false;
    for (const auto& a : allowed) ok |= a == names[i];
    if (ok) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    r.fail(key + "[" + std::to_string(i) + "]", "expected one of " + list + ", got \"" + names[i] + "\"");
  }
  return names;
}

std::vector<std::string> read_text(const JsonReader& r) {
  if (!r.has("text")) r.fail("text", "missing: what the teacher says in this step");
  const json& t = r.raw().at("text");
  std::vector<std::string> out = t.is_string() ? std::vector<std::string>{t.get<std::string>()}
                                               : r.strings("text", 32);
  if (out.empty()) r.fail("text", "expected a string or a list of paragraphs");
  return out;
}

std::vector<LessonRun> read_compare(const JsonReader& step, const std::string& base_dir) {
  std::vector<LessonRun> runs;
  const size_t n = step.array_size("compare", kMaxRuns);
  if (n == 1) step.fail("compare", "a comparison needs 2 to 4 runs, got 1");
  for (size_t i = 0; i < n; ++i) {
    const JsonReader run(step.raw().at("compare").at(i), step.file(),
                         step.field_path("compare") + "[" + std::to_string(i) + "]");
    if (!run.raw().is_object()) run.fail("", "expected {\"label\": ..., \"experiment\": ...}");
    if (!run.has("experiment")) run.fail("experiment", "missing: the run's experiment");
    runs.push_back({run.string("label", "run " + std::to_string(i + 1)),
                    read_step_experiment(run, base_dir)});
  }
  return runs;
}

LessonStep read_step(const JsonReader& r, const std::string& base_dir, size_t index) {
  if (!r.raw().is_object()) r.fail("", "expected an object with a title and a text");
  LessonStep s;
  s.title = r.string("title", "Step " + std::to_string(index + 1));
  s.paragraphs = read_text(r);
  if (r.has("experiment")) s.experiment = read_step_experiment(r, base_dir);
  else if (r.has("overrides")) r.fail("overrides", "overrides need an \"experiment\" to apply to");
  s.views = read_names(r, "views", lesson_view_names());
  s.hide = read_names(r, "hide", lesson_control_names());
  s.compare = read_compare(r, base_dir);
  s.play = r.boolean("play", false);
  s.train_steps = r.integer("train_steps", 0, 0, 1'000'000);
  if (r.has("threshold")) s.threshold = r.number("threshold", 0.5, 0, 1);
  if (r.has("backprop_step")) s.backprop_step = int(r.integer("backprop_step", 0, 0, 1000));
  return s;
}
}  // namespace

const std::vector<std::string>& lesson_control_names() {
  static const std::vector<std::string> names = {"learning_rate", "batch_size", "optimizer",
                                                 "regularization", "seed", "speed"};
  return names;
}

const std::vector<std::string>& lesson_view_names() {
  static const std::vector<std::string> names = {
      "curves", "gradients", "compare", "backprop", "metrics", "fit",
      "filters", "feature_maps", "samples", "draw"};
  return names;
}

Lesson parse_lesson(const std::string& text, const std::string& file, const std::string& base_dir) {
  const json root = parse_json(text, file);
  if (!root.is_object()) throw Error(file + ": expected a JSON object at the top level");
  const JsonReader r(root, file);
  r.integer("version", 1, 1, 1);
  Lesson l;
  l.title = r.string("title", "");
  if (l.title.empty()) r.fail("title", "missing: every lesson needs a title");
  l.summary = r.string("summary", "");
  const size_t n = r.array_size("steps", kMaxSteps);
  if (n == 0) r.fail("steps", "missing or empty: a lesson needs at least one step");
  for (size_t i = 0; i < n; ++i)
    l.steps.push_back(read_step(
        JsonReader(root.at("steps").at(i), file, "steps[" + std::to_string(i) + "]"), base_dir, i));
  if (!l.steps.front().experiment)
    r.fail("steps[0].experiment", "missing: the first step must load an experiment");
  return l;
}

Lesson load_lesson(const std::string& path) {
  const auto dir = fs::path(path).parent_path().string();
  Lesson l = parse_lesson(read_text_file(path), path, dir.empty() ? "." : dir);
  l.path = path;
  return l;
}

}  // namespace nnplay
