// Where the lessons are: assets/lessons/ in the repository (NNPLAY_SOURCE_DIR), next to the
// executable or above it, found like shaders/ so an installed copy works too. The catalog reads
// only each file's title and summary, so the Lessons menu is cheap to fill.
#pragma once
#include <string>
#include <vector>

namespace nnplay::gui {

struct LessonEntry {
  std::string path, title, summary;
  bool readable = true;  // false: the file is not valid JSON or has no title
};

// The first existing lessons folder, or "" when there is none.
std::string find_lessons_dir();
// Every *.json in dir, sorted by file name (lessons are numbered "01-...").
std::vector<LessonEntry> lesson_catalog(const std::string& dir);

}  // namespace nnplay::gui
