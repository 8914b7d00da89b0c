// Lesson side panel: the open lesson's text, previous/next, and the state each step loads (issue 4).
#pragma once

namespace nnplay::gui {

struct AppState;

struct LessonPanelState {};

// Draws into the current window region (the caller owns Begin/End).
void draw_lesson_panel(AppState& s);

}  // namespace nnplay::gui
