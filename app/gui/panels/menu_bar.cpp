// The main menu bar.
#include "app/gui/panels/menu_bar.h"

#include <imgui.h>

#include <filesystem>

#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

void file_menu(AppState& s, MenuActions& a) {
  if (!ImGui::BeginMenu("File")) return;
  a.new_document = ImGui::MenuItem("New", nullptr);
  tooltip_for_last_item("Start again from the built-in circle experiment.");
  a.open = ImGui::MenuItem("Open...", "Ctrl+O");
  if (ImGui::BeginMenu("Open recent", !s.recent.empty())) {
    for (const auto& p : s.recent)
      if (ImGui::MenuItem(p.c_str())) a.open_recent = p;
    ImGui::EndMenu();
  }
  ImGui::Separator();
  a.save = ImGui::MenuItem("Save", "Ctrl+S");
  a.save_as = ImGui::MenuItem("Save as...");
  ImGui::MenuItem("Save current weights too", nullptr, &s.prefs.save_weights);
  tooltip_for_last_item("Store the trained weights in the experiment file, so opening it later "
                        "continues from here instead of from fresh random weights.");
  ImGui::Separator();
  a.screenshot = ImGui::MenuItem("Screenshot", "F12");
  ImGui::Separator();
  a.quit = ImGui::MenuItem("Quit");
  ImGui::EndMenu();
}

void view_menu(AppState& s, MenuActions& a) {
  if (!ImGui::BeginMenu("View")) return;
  if (ImGui::MenuItem("Bigger interface", "Ctrl+=")) a.zoom = 1;
  if (ImGui::MenuItem("Smaller interface", "Ctrl+-")) a.zoom = -1;
  if (ImGui::MenuItem("Normal size", "Ctrl+0")) a.zoom_reset = true;
  ImGui::Separator();
  // Two arrangements worth one click; the gaps between panels can still be dragged anywhere.
  const LayoutFractions balanced{}, analysis = analysis_layout();
  if (ImGui::MenuItem("Layout: balanced", nullptr, s.prefs.layout == balanced)) {
    s.prefs.layout = balanced;
    s.prefs.has_layout = true;
  }
  if (ImGui::MenuItem("Layout: large analysis views (gradients, compare)", nullptr,
                      s.prefs.layout == analysis)) {
    s.prefs.layout = analysis;
    s.prefs.has_layout = true;
  }
  ImGui::Separator();
  Palette& p = palette();
  if (ImGui::MenuItem("Colours: Okabe-Ito (colour-blind safe)", nullptr,
                      p.scheme == Scheme::OkabeIto)) {
    p.scheme = Scheme::OkabeIto;
    a.style_changed = true;
  }
  if (ImGui::MenuItem("Colours: high contrast (projectors)", nullptr,
                      p.scheme == Scheme::HighContrast)) {
    p.scheme = Scheme::HighContrast;
    a.style_changed = true;
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Dark theme", nullptr, !s.prefs.light_theme)) {
    s.prefs.light_theme = false;
    a.style_changed = true;
  }
  if (ImGui::MenuItem("Light theme (bright rooms)", nullptr, s.prefs.light_theme)) {
    s.prefs.light_theme = true;
    a.style_changed = true;
  }
  ImGui::EndMenu();
}

// Lessons: chosen here, opened by the lesson panel (lesson_panel.h) in the lower left slot.
void lessons_menu(AppState& s) {
  if (!ImGui::BeginMenu("Lessons")) return;
  int number = 0;
  for (const auto& e : lessons_catalog(s)) {
    const std::string label = std::to_string(++number) + ". " + e.title;
    if (ImGui::MenuItem(label.c_str(), nullptr, false, e.readable)) {
      s.lesson.open_request = e.path;
      s.views.left = LeftView::Lesson;
      s.views.force = true;
    }
    if (!e.summary.empty()) tooltip_for_last_item(e.summary.c_str());
  }
  if (s.lesson.lesson) {
    ImGui::Separator();
    if (ImGui::MenuItem("Close the lesson")) close_lesson(s);
  }
  ImGui::EndMenu();
}

void help_menu(MenuActions& a) {
  if (!ImGui::BeginMenu("Help")) return;
  a.show_keys = ImGui::MenuItem("Keyboard shortcuts");
  a.show_about = ImGui::MenuItem("About nnplay");
  ImGui::EndMenu();
}

// "circle.json - /home/.../circle.json *" on the right: what is open and whether it is saved.
void document_title(const AppState& s) {
  std::string title = s.path.empty() ? s.exp.name + " (not saved yet)"
                                     : std::filesystem::path(s.path).filename().string();
  if (s.dirty) title += "  \xe2\x80\xa2 modified";  // bullet
  const float w = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::SameLine(ImGui::GetWindowWidth() - w - ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::TextDisabled("%s", title.c_str());
  if (!s.path.empty()) tooltip_for_last_item(s.path.c_str());
}

}  // namespace

MenuActions draw_menu_bar(AppState& s, float* height) {
  MenuActions a;
  *height = 0;
  if (!ImGui::BeginMainMenuBar()) return a;
  file_menu(s, a);
  view_menu(s, a);
  lessons_menu(s);
  help_menu(a);
  document_title(s);
  *height = ImGui::GetWindowSize().y;
  ImGui::EndMainMenuBar();
  return a;
}

}  // namespace nnplay::gui
