// Lesson side panel (lower left slot): the open lesson's title, "step k of n", the step's text,
// Previous / Next (each loads its step: experiment, views, comparison, hidden controls), and a
// picker of the lessons in assets/lessons. docs/lesson-format.md describes the files.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/gui/logic/lesson_files.h"
#include "engine/experiment/lesson.h"

namespace nnplay::gui {

struct AppState;

struct LessonPanelState {
  std::optional<nnplay::Lesson> lesson;
  int step = 0;                     // shown and loaded step, 0-based
  int experiment_step = -1;         // the step whose experiment runs now (-1: none)
  std::string error;                // the last lesson that failed to load, and why
  std::vector<LessonEntry> catalog;  // filled on first use
  bool catalog_read = false;
  std::string open_request;         // set by the Lessons menu; the panel opens it
};

// Draws into the current window region (the caller owns Begin/End).
void draw_lesson_panel(AppState& s);

// Loads the lesson file, shows the Lesson tab and loads step `step` (0-based, clamped).
// autoplay = false ignores "play" (scripted screenshots). Errors go to s.lesson.error and a modal.
bool open_lesson(AppState& s, const std::string& path, int step, bool autoplay = true);
// Applies step k of the open lesson: its experiment, views, comparison, hidden controls, actions.
// A step without an experiment keeps the run of the step before it (again = true restarts it).
void load_lesson_step(AppState& s, int k, bool autoplay = true, bool again = false);
void close_lesson(AppState& s);
// Whether the open lesson's current step hides `control` (lesson_control_names()).
bool lesson_hides(const AppState& s, const char* control);
// The catalog of assets/lessons (read once).
const std::vector<LessonEntry>& lessons_catalog(AppState& s);

}  // namespace nnplay::gui
