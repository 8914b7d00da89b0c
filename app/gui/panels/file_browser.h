// A small built-in file browser (a modal): folders and matching files, a path field and an
// "up" button. No native dialog library, so it looks and behaves the same everywhere.
// Usage: open_file_browser(...) once, then draw_file_browser(...) every frame; it returns the
// chosen path on the frame the user confirms.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace nnplay::gui {

enum class BrowseMode { Open, Save };

struct FileBrowser {
  BrowseMode mode = BrowseMode::Open;
  std::string title = "Open";
  std::vector<std::string> extensions = {".json"};  // shown files end with one of these
  int purpose = 0;              // the caller's tag: what to do with the chosen path
  std::string dir;              // folder being listed (absolute)
  std::string name;             // the file-name / path field
  std::string error;            // shown in red under the list (unreadable folder, no name...)

  struct Entry {
    std::string name;
    bool is_dir = false;
  };
  std::vector<Entry> entries;   // listing of `dir`
  bool listed = false;          // entries match dir
  bool request_open = false;    // the modal opens on the next draw
  bool focus_name = false;      // put the keyboard in the file field (type a path, Enter)
};

// start: a file or folder to start in (empty: the current directory).
void open_file_browser(FileBrowser& b, BrowseMode mode, const std::string& title,
                       const std::vector<std::string>& extensions, const std::string& start,
                       int purpose);

// Draws the modal if it is open. Returns the confirmed path (absolute) once.
std::optional<std::string> draw_file_browser(FileBrowser& b);

}  // namespace nnplay::gui
