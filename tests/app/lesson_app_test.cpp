// The app side of lessons: every view name a lesson may use selects a real view, the lessons
// folder is found and catalogued in order, and --lesson / --lesson-step parse strictly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/gui/logic/lesson_files.h"
#include "app/gui/logic/shell_args.h"
#include "app/gui/views.h"
#include "engine/core/error.h"
#include "engine/experiment/lesson.h"

namespace nnplay::gui {
namespace {

TEST(LessonApp, EveryLessonViewNameSelectsAView) {
  for (const auto& name : lesson_view_names()) {
    ViewSelection v;
    EXPECT_TRUE(select_view_by_name(v, name)) << name;
  }
  ViewSelection v;
  ASSERT_TRUE(select_view_by_name(v, "metrics"));
  EXPECT_EQ(v.analysis, AnalysisView::Metrics);
  ASSERT_TRUE(select_view_by_name(v, "fit"));
  EXPECT_EQ(v.analysis, AnalysisView::Fit);
}

TEST(LessonApp, CatalogListsTheShippedLessonsInOrderWithTitles) {
  const std::string dir = find_lessons_dir();
  ASSERT_FALSE(dir.empty());
  const auto cat = lesson_catalog(dir);
  ASSERT_GE(cat.size(), 10u);
  for (size_t i = 1; i < cat.size(); ++i) EXPECT_LT(cat[i - 1].path, cat[i].path);
  for (const auto& e : cat) {
    EXPECT_TRUE(e.readable) << e.path;
    EXPECT_EQ(e.title, load_lesson(e.path).title) << e.path;
  }
}

TEST(LessonApp, CatalogMarksUnreadableFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "nnplay_lesson_catalog_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.json") << R"({"title": "Fine", "summary": "S"})";
  std::ofstream(dir / "b.json") << "{ broken";
  std::ofstream(dir / "c.txt") << "not a lesson";
  const auto cat = lesson_catalog(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_EQ(cat.size(), 2u);
  EXPECT_EQ(cat[0].title, "Fine");
  EXPECT_EQ(cat[0].summary, "S");
  EXPECT_TRUE(cat[0].readable);
  EXPECT_EQ(cat[1].title, "b");
  EXPECT_FALSE(cat[1].readable);
}

TEST(LessonApp, LessonOptionsParse) {
  const GuiOptions o = parse_gui_args({"--lesson", "assets/lessons/10-metrics.json", "--lesson-step", "3"});
  EXPECT_EQ(o.lesson_path, "assets/lessons/10-metrics.json");
  EXPECT_EQ(o.lesson_step, 3);
  EXPECT_EQ(parse_gui_args({"--lesson", "x.json"}).lesson_step, 1);
  EXPECT_THROW(parse_gui_args({"--lesson-step", "2"}), Error);  // no lesson
  EXPECT_THROW(parse_gui_args({"--lesson", "x.json", "--lesson-step", "0"}), Error);
  EXPECT_THROW(parse_gui_args({"--lesson"}), Error);
}

}  // namespace
}  // namespace nnplay::gui
