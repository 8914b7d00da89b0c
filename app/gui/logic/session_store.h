// Session safety: the whole session (experiment with points, network, settings and current
// weights, plus interface preferences) is written to $XDG_DATA_HOME/nnplay/session.json
// (default ~/.local/share/nnplay/) on exit and every 30 s, atomically (temp file + rename), and
// restored on the next plain `nnplay`. A corrupt file is set aside as session.json.bad and
// reported, never fatal.
#pragma once
#include <optional>
#include <string>

#include "app/gui/logic/layout_math.h"
#include "engine/experiment/experiment.h"

namespace nnplay::gui {

inline constexpr double kAutosaveSeconds = 30.0;

// Preferences that belong to the person, not the document.
struct UiPrefs {
  float scale = 1.0f;
  LayoutFractions layout;
  bool has_layout = false;   // false: the app picks a square canvas for the window
  bool light_theme = false;
  int scheme = 0;            // palette().scheme
  bool save_weights = true;  // Save writes the current weights too
};

struct Session {
  std::optional<Experiment> experiment;
  std::string document_path;  // the file the session's experiment was opened from, if any
  bool dirty = false;         // it had changes not saved to that file
  UiPrefs ui;
};

// $XDG_DATA_HOME/nnplay, else $HOME/.local/share/nnplay (not created).
std::string data_dir();
std::string session_path();

// Creates the folder if needed and writes atomically. Throws nnplay::Error.
void save_session(const std::string& path, const Experiment& exp, const UiPrefs& ui,
                  const std::string& document_path, bool dirty);

// nullopt when there is no file. When the file cannot be read it is renamed to <path>.bad,
// *problem explains why and nullopt is returned. A bad experiment inside a good file keeps the
// preferences (experiment empty, *problem set).
std::optional<Session> load_session(const std::string& path, std::string* problem);

}  // namespace nnplay::gui
