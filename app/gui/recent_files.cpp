// Recent-files list and its file.
#include "app/gui/recent_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/gui/logic/session_store.h"

namespace nnplay::gui {

namespace fs = std::filesystem;

void push_recent(std::vector<std::string>& list, const std::string& path) {
  std::error_code ec;
  const std::string abs = fs::absolute(path, ec).lexically_normal().string();
  remove_recent(list, abs);
  list.insert(list.begin(), abs);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
}

void remove_recent(std::vector<std::string>& list, const std::string& path) {
  list.erase(std::remove(list.begin(), list.end(), path), list.end());
}

std::string recent_path() { return (fs::path(data_dir()) / "recent.txt").string(); }

std::vector<std::string> load_recent(const std::string& file) {
  std::vector<std::string> list;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line) && list.size() < kMaxRecent;)
    if (!line.empty()) list.push_back(line);
  return list;
}

void save_recent(const std::string& file, const std::vector<std::string>& list) {
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  std::ofstream out(file, std::ios::trunc);
  for (const auto& p : list) out << p << "\n";
}

}  // namespace nnplay::gui
