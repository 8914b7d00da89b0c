// Reading and writing the autosaved session.
#include "app/gui/logic/session_store.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/core/error.h"

namespace nnplay::gui {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kSessionVersion = 1;

json prefs_json(const UiPrefs& ui) {
  const LayoutFractions& l = ui.layout;
  return {{"scale", ui.scale},
          {"layout", {{"left", l.left}, {"right", l.right}, {"left_split", l.left_split},
                      {"right_split", l.right_split}}},
          {"light_theme", ui.light_theme},
          {"scheme", ui.scheme},
          {"save_weights", ui.save_weights}};
}

// Missing or odd fields keep their defaults: preferences are never worth an error.
UiPrefs prefs_from(const json& j) {
  UiPrefs ui;
  if (!j.is_object()) return ui;
  ui.scale = j.value("scale", ui.scale);
  ui.light_theme = j.value("light_theme", ui.light_theme);
  ui.scheme = j.value("scheme", ui.scheme);
  ui.save_weights = j.value("save_weights", ui.save_weights);
  if (j.contains("layout") && j["layout"].is_object()) {
    const json& l = j["layout"];
    ui.layout.left = l.value("left", ui.layout.left);
    ui.layout.right = l.value("right", ui.layout.right);
    ui.layout.left_split = l.value("left_split", ui.layout.left_split);
    ui.layout.right_split = l.value("right_split", ui.layout.right_split);
    ui.has_layout = true;
  }
  return ui;
}

void set_aside(const std::string& path) {
  std::error_code ec;
  fs::rename(path, path + ".bad", ec);
}

}  // namespace

std::string data_dir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "nnplay").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "nnplay").string();
}

std::string session_path() { return (fs::path(data_dir()) / "session.json").string(); }

void save_session(const std::string& path, const Experiment& exp, const UiPrefs& ui,
                  const std::string& document_path, bool dirty) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw Error(path + ": cannot create the folder (" + ec.message() + ")");
  json j;
  j["nnplay_session"] = kSessionVersion;
  j["ui"] = prefs_json(ui);
  j["document_path"] = document_path;
  j["dirty"] = dirty;
  j["experiment"] = json::parse(experiment_to_json(exp, true));
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path + ": cannot write the session (is the folder writable?)");
    out << j.dump(1) << "\n";
    out.flush();
    if (!out) throw Error(path + ": writing the session failed (disk full?)");
  }
  // rename() replaces the old file in one step, so a crash never leaves half a session.
  fs::rename(tmp, path, ec);
  if (ec) throw Error(path + ": cannot replace the session file (" + ec.message() + ")");
}

std::optional<Session> load_session(const std::string& path, std::string* problem) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  json j;
  try {
    j = json::parse(text.str());
    if (!j.is_object() || !j.contains("experiment")) throw Error("not an nnplay session");
  } catch (const std::exception& e) {
    set_aside(path);
    if (problem)
      *problem = "The saved session " + path + " could not be read (" + e.what() +
                 "). It was kept as session.json.bad and a fresh experiment was opened.";
    return std::nullopt;
  }
  Session s;
  s.ui = prefs_from(j.value("ui", json::object()));
  if (j.contains("document_path") && j["document_path"].is_string())
    s.document_path = j["document_path"].get<std::string>();
  if (j.contains("dirty") && j["dirty"].is_boolean()) s.dirty = j["dirty"].get<bool>();
  try {
    s.experiment = parse_experiment(j["experiment"].dump(), "session.json",
                                    fs::path(path).parent_path().string());
  } catch (const std::exception& e) {
    set_aside(path);
    if (problem)
      *problem = std::string("The saved session's experiment is invalid: ") + e.what() +
                 ". It was kept as session.json.bad and a fresh experiment was opened.";
  }
  return s;
}

}  // namespace nnplay::gui
