// An experiment describes a whole run: data, features, network, loss, optimiser, schedule and
// seed. It is the one format shared by the GUI (open/save/autosave), lessons, the headless
// commands and the tests. docs/experiment-format.md documents every field.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/data/generators.h"
#include "engine/data/points.h"
#include "engine/nn/loss.h"
#include "engine/nn/network_spec.h"
#include "engine/train/settings.h"

namespace nnplay {

struct ImageSource {
  std::string name = "synthetic";  // "fashion-mnist", "mnist", "synthetic"
  std::string dir;                 // optional override of where the files are
  int limit_train = 0, limit_test = 0;  // 0 = all
  bool standardize = false;  // inputs (p / 255 - mean) / std, from the training pixels
  bool operator==(const ImageSource&) const = default;
};

struct DataConfig {
  // "generator": points from `generator`; "points": the points below (drawn or imported);
  // "csv": points read from csv_path (relative to the experiment file); "images": image data.
  std::string source = "generator";
  GeneratorSpec generator;
  std::string csv_path;
  ImageSource images;
  PointSet points;  // materialised for every point source, so the UI can draw and edit them
};

struct Experiment {
  int version = 1;
  std::string name = "untitled";
  std::string description;
  Task task = Task::Classification;
  DataConfig data;
  std::vector<std::string> features = {"x1", "x2"};
  SplitFractions splits;
  NetworkSpec network;  // network.input is derived from features (or the image shape)
  Loss loss;
  TrainSettings train;
  uint64_t seed = 1;
  int epochs = 100;                        // default length of `nnplay train`
  std::optional<std::vector<double>> weights;  // saved current parameters (flat)
};

// Load and validate. Errors name the file, the field and what was expected, e.g.
// "circle.json: layers[1].activation: expected one of linear, sigmoid, ... but got \"sigmod\"".
Experiment load_experiment(const std::string& path);
// A file's whole text; Error naming the path when it cannot be read or is over 512 MB.
std::string read_text_file(const std::string& path);
Experiment parse_experiment(const std::string& json_text, const std::string& name_for_errors,
                            const std::string& base_dir = ".");
std::string experiment_to_json(const Experiment& e, bool include_points = true);
void save_experiment(const Experiment& e, const std::string& path, bool include_points = true);

// Whether the data are images (the window then shows image views instead of the 2D canvas).
inline bool is_image_experiment(const Experiment& e) { return e.data.source == "images"; }

// The built-in default: circle data, two hidden tanh layers, ready to press play.
Experiment default_experiment();

// Checks everything that can be checked without data (loss vs task vs output layer...), and
// sets network.input from the features. Throws Error naming the field.
void validate_experiment(Experiment& e, const std::string& name_for_errors);

}  // namespace nnplay
