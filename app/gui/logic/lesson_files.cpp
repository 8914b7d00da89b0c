#include "app/gui/logic/lesson_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace nnplay::gui {

namespace fs = std::filesystem;

std::string find_lessons_dir() {
  std::vector<fs::path> dirs;
#ifdef NNPLAY_SOURCE_DIR
  dirs.emplace_back(fs::path(NNPLAY_SOURCE_DIR) / "assets" / "lessons");
#endif
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path d = exe.parent_path();
    dirs.push_back(d / "assets" / "lessons");
    dirs.push_back(d.parent_path() / "assets" / "lessons");
    dirs.push_back(d.parent_path() / "share" / "nnplay" / "assets" / "lessons");
  }
  for (const auto& d : dirs)
    if (fs::is_directory(d, ec)) return d.string();
  return "";
}

std::vector<LessonEntry> lesson_catalog(const std::string& dir) {
  std::vector<LessonEntry> out;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    LessonEntry entry{e.path().string(), e.path().stem().string(), "", false};
    std::ifstream in(e.path());
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object() && j.contains("title") && j["title"].is_string()) {
      entry.title = j["title"].get<std::string>();
      if (j.contains("summary") && j["summary"].is_string()) entry.summary = j["summary"].get<std::string>();
      entry.readable = true;
    }
    out.push_back(entry);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace nnplay::gui
