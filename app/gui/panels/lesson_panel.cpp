#include "app/gui/panels/lesson_panel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

// The step whose experiment step k shows: k itself, or for a text-only step the last step
// before it that loads one.
int experiment_source(const Lesson& l, int k) {
  while (k > 0 && !l.steps[size_t(k)].experiment) --k;
  return k;
}

// A lesson step replaces the open document; unsaved work is written to a file first (listed
// under File > Open Recent) so that following a lesson never costs anyone their drawing.
bool keep_unsaved_work(AppState& s) {
  if (!s.dirty || s.lesson.experiment_step >= 0) return true;
  const auto stamp = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char name[64];
  std::strftime(name, sizeof name, "before-lesson-%Y%m%d-%H%M%S.json", std::localtime(&stamp));
  const std::string path = (std::filesystem::path(data_dir()) / name).string();
  std::error_code ec;
  std::filesystem::create_directories(data_dir(), ec);
  if (!save_file(s, path)) return false;  // the modal explains; the document stays open
  notify(s, "Your experiment was saved to " + path + " (File > Open Recent)", ImGui::GetTime(), 6.0);
  return true;
}

void apply_experiment(AppState& s, const Lesson& l, int k) {
  const LessonStep& st = l.steps[size_t(k)];
  if (!keep_unsaved_work(s)) return;
  Experiment e = *st.experiment;
  if (e.name.find(':') != std::string::npos)  // inline experiment without a name of its own
    e.name = l.title + " - step " + std::to_string(k + 1);
  if (!open_document(s, std::move(e), "")) return;
  s.canvas.threshold = 0.5f;
  s.lesson.experiment_step = k;
  s.controls.hidden = st.hide;
  if (st.train_steps > 0) send(s, cmd::Step{int(st.train_steps)});
}

void apply_compare(AppState& s, const LessonStep& st) {
  if (st.compare.empty()) return;
  std::vector<CompareRunSpec> runs;
  for (const auto& r : st.compare) runs.push_back({r.label, r.exp});
  start_compare(s, std::move(runs));
}

void draw_picker(AppState& s) {
  ImGui::PushFont(large_font());
  ImGui::TextUnformatted("Lessons");
  ImGui::PopFont();
  help_marker("A lesson walks through one idea in a few steps. Each step loads its own network "
              "and data and shows the views that explain it.");
  const auto& cat = lessons_catalog(s);
  if (cat.empty()) ImGui::TextWrapped("No lessons found (looked for assets/lessons next to the program).");
  int number = 0;
  for (const auto& e : cat) {
    ImGui::PushID(e.path.c_str());
    const std::string label = std::to_string(++number) + ". " + e.title;  // as the course runs
    if (ImGui::Selectable(label.c_str(), false, e.readable ? 0 : ImGuiSelectableFlags_Disabled))
      open_lesson(s, e.path, 0);
    if (!e.summary.empty()) tooltip_for_last_item(e.summary.c_str());
    ImGui::PopID();
  }
}

void draw_navigation(AppState& s, int n) {
  LessonPanelState& ls = s.lesson;
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const float tall = ImGui::GetFrameHeight() * 1.4f;
  ImGui::BeginDisabled(ls.step == 0);
  if (ImGui::Button("< Previous", ImVec2(w, tall))) load_lesson_step(s, ls.step - 1);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(ls.step + 1 >= n);
  if (ImGui::Button("Next >", ImVec2(w, tall))) load_lesson_step(s, ls.step + 1);
  ImGui::EndDisabled();
  if (ImGui::Button("Load this step again")) load_lesson_step(s, ls.step, true, true);
  tooltip_for_last_item("Put back this step's network, data, views and settings, with fresh "
                        "training, after the class has experimented.");
  ImGui::SameLine();
  if (ImGui::Button("All lessons")) close_lesson(s);
}

void draw_step(AppState& s) {
  LessonPanelState& ls = s.lesson;
  const Lesson& l = *ls.lesson;
  const int n = int(l.steps.size());
  const LessonStep& st = l.steps[size_t(ls.step)];
  ImGui::PushFont(large_font());
  ImGui::TextWrapped("%s", l.title.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("Step %d of %d", ls.step + 1, n);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", st.title.c_str());
  draw_navigation(s, n);
  ImGui::Separator();
  ImGui::BeginChild("##lesson_text", ImVec2(0, 0), false);
  for (const auto& p : st.paragraphs) {
    ImGui::TextWrapped("%s", p.c_str());
    ImGui::Spacing();
  }
  if (!s.controls.hidden.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("Some controls are hidden for this step.");
    const float need = ImGui::CalcTextSize("Show").x + ImGui::GetStyle().FramePadding.x * 2 +
                       ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();  // narrow panel: own line
    if (ImGui::SmallButton("Show")) s.controls.hidden.clear();
    tooltip_for_last_item("Bring back every control of the Training panel.");
  }
  ImGui::EndChild();
}

}  // namespace

const std::vector<LessonEntry>& lessons_catalog(AppState& s) {
  if (!s.lesson.catalog_read) {
    s.lesson.catalog = lesson_catalog(find_lessons_dir());
    s.lesson.catalog_read = true;
  }
  return s.lesson.catalog;
}

bool open_lesson(AppState& s, const std::string& path, int step, bool autoplay) {
  try {
    s.lesson.lesson = load_lesson(path);
    s.lesson.error.clear();
    s.lesson.experiment_step = -1;
  } catch (const std::exception& e) {
    s.lesson.error = e.what();
    show_modal(s, "Could not open the lesson", s.lesson.error);
    return false;
  }
  load_lesson_step(s, step, autoplay);
  return true;
}

void load_lesson_step(AppState& s, int k, bool autoplay, bool again) {
  if (!s.lesson.lesson) return;
  const Lesson& l = *s.lesson.lesson;
  k = std::clamp(k, 0, int(l.steps.size()) - 1);
  s.lesson.step = k;
  const LessonStep& st = l.steps[size_t(k)];
  // A text-only step continues the run of the step before it; reached any other way (a jump,
  // Previous from a later experiment, "load again") it loads that step's experiment first.
  const int source = experiment_source(l, k);
  if (st.experiment || again || s.lesson.experiment_step != source) apply_experiment(s, l, source);
  if (!st.hide.empty()) s.controls.hidden = st.hide;
  if (st.threshold) s.canvas.threshold = float(*st.threshold);
  if (st.backprop_step) s.backprop.step = *st.backprop_step;  // the view clamps it
  for (const auto& v : st.views) select_view_by_name(s.views, v);
  // A step about an analysis view gives it room; other steps put the canvas back.
  if (!st.views.empty()) {
    const bool analysis = std::any_of(st.views.begin(), st.views.end(), [](const std::string& v) {
      return v != "curves" && v != "filters" && v != "feature_maps" && v != "samples" && v != "draw";
    });
    s.prefs.layout = analysis ? analysis_layout() : LayoutFractions{};
  }
  s.views.left = LeftView::Lesson;
  s.views.force = true;
  apply_compare(s, st);
  if (st.play && autoplay) send(s, cmd::Play{});
}

void close_lesson(AppState& s) {
  s.lesson.lesson.reset();
  s.lesson.experiment_step = -1;
  s.lesson.step = 0;
  s.controls.hidden.clear();
}

bool lesson_hides(const AppState& s, const char* control) {
  return std::find(s.controls.hidden.begin(), s.controls.hidden.end(), control) != s.controls.hidden.end();
}

void draw_lesson_panel(AppState& s) {
  if (!s.lesson.open_request.empty()) {
    const std::string path = std::move(s.lesson.open_request);
    s.lesson.open_request.clear();
    open_lesson(s, path, 0);
  }
  if (s.lesson.lesson) draw_step(s);
  else draw_picker(s);
}

}  // namespace nnplay::gui
