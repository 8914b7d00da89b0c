// The File > Recent list: newest first, no duplicates, at most kMaxRecent entries, kept in
// $XDG_DATA_HOME/nnplay/recent.txt (one absolute path per line).
#pragma once
#include <string>
#include <vector>

namespace nnplay::gui {

inline constexpr size_t kMaxRecent = 10;

// Moves (or adds) path to the front.
void push_recent(std::vector<std::string>& list, const std::string& path);
void remove_recent(std::vector<std::string>& list, const std::string& path);

std::string recent_path();
std::vector<std::string> load_recent(const std::string& file);
// Best effort: a read-only disk only loses the list.
void save_recent(const std::string& file, const std::vector<std::string>& list);

}  // namespace nnplay::gui
