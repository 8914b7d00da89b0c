// Dialogs and notifications of the shell: problem modal, "save or discard?", shortcut list,
// about box, the edit-problem banner and the toast.
#include <imgui.h>

#include <filesystem>

#include "app/gui/fonts.h"
#include "app/gui/shell_frame.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {

constexpr const char* kProblemId = "###problem";
constexpr const char* kConfirmId = "Unsaved changes###confirm";
constexpr const char* kKeysId = "Keyboard shortcuts###keys";
constexpr const char* kAboutId = "About nnplay###about";

constexpr const char* kShortcuts[][2] = {
    {"Space", "play / pause training"},
    {"S", "one training step (one minibatch)"},
    {"R", "reset: new random initial weights"},
    {"Shift+R", "reset to the same initial weights"},
    {"1 ... 8", "class of the points you draw"},
    {"Ctrl+Z / Ctrl+Y", "undo / redo a data edit"},
    {"Ctrl+S / Ctrl+O", "save / open an experiment"},
    {"Ctrl+= / Ctrl+- / Ctrl+0", "bigger / smaller / normal interface (presenter mode)"},
    {"F12", "screenshot to ~/Pictures"},
};

void centre_next_window(float width_fraction) {
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(d.x * width_fraction, 0), ImGuiCond_Appearing);
}

bool ok_button() {
  return ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

void problem_modal(AppState& s) {
  const std::string id = s.modal_title + kProblemId;
  if (s.modal_pending) {
    ImGui::OpenPopup(id.c_str());
    s.modal_pending = false;
  }
  centre_next_window(0.4f);
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.modal_text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ok_button()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void confirm_modal(AppState& s, double now) {
  if (s.confirm_pending) {
    ImGui::OpenPopup(kConfirmId);
    s.confirm_pending = false;
  }
  centre_next_window(0.35f);
  if (!ImGui::BeginPopupModal(kConfirmId, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::TextWrapped("\"%s\" has changes that are not saved in a file. Save them first?",
                     s.exp.name.c_str());
  ImGui::Spacing();
  if (ImGui::Button(s.path.empty() ? "Save as..." : "Save")) {
    ImGui::CloseCurrentPopup();
    if (s.path.empty()) {
      s.pending_switch.reset();  // the user saves, then opens again
      open_save_as(s);
    } else if (save_file(s, s.path) && s.pending_switch) {
      carry_out_switch(s, *s.pending_switch, now);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard changes")) {
    ImGui::CloseCurrentPopup();
    if (s.pending_switch) carry_out_switch(s, *s.pending_switch, now);
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    ImGui::CloseCurrentPopup();
    s.pending_switch.reset();
  }
  ImGui::EndPopup();
}

void keys_modal(AppState& s) {
  if (s.show_keys) {
    ImGui::OpenPopup(kKeysId);
    s.show_keys = false;
  }
  centre_next_window(0.4f);
  if (!ImGui::BeginPopupModal(kKeysId, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& row : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Keys do nothing while you type in a text field.");
  if (ok_button()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void about_modal(AppState& s) {
  if (s.show_about) {
    ImGui::OpenPopup(kAboutId);
    s.show_about = false;
  }
  centre_next_window(0.35f);
  if (!ImGui::BeginPopupModal(kAboutId, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::PushFont(large_font());
  ImGui::TextUnformatted("nnplay");
  ImGui::PopFont();
  ImGui::TextWrapped("A native playground for watching neural networks learn: draw data, build a "
                     "network, press Space. Training runs on its own threads; the window only "
                     "looks at snapshots, so it stays smooth.");
  ImGui::TextDisabled("Dear ImGui %s, GLFW, OpenGL 3.3, Eigen", IMGUI_VERSION);
  if (ok_button()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace

void open_save_as(AppState& s) {
  const std::string start = s.path.empty() ? s.exp.name + ".json" : s.path;
  open_file_browser(s.browser, BrowseMode::Save, "Save experiment as", {".json"}, start,
                    kBrowseSaveAs);
}

void open_open_browser(AppState& s) {
  const std::string start =
      s.path.empty() ? "" : std::filesystem::path(s.path).parent_path().string();
  open_file_browser(s.browser, BrowseMode::Open, "Open experiment", {".json"}, start, kBrowseOpen);
}

void carry_out_switch(AppState& s, const PendingSwitch& p, double now) {
  s.pending_switch.reset();
  if (p.open_browser) {
    open_open_browser(s);
  } else if (!p.open_path.empty()) {
    if (open_file(s, p.open_path)) notify(s, "Opened " + p.open_path, now);
  } else if (p.new_document) {
    if (open_document(s, default_experiment(), "")) notify(s, "New experiment", now);
  }
}

void request_switch(AppState& s, const PendingSwitch& p, double now) {
  // Opening the browser loses nothing yet; the question comes when a file is chosen.
  if (!s.dirty || p.open_browser) return carry_out_switch(s, p, now);
  s.pending_switch = p;
  s.confirm_pending = true;
}

void draw_dialogs(AppState& s, double now) {
  problem_modal(s);
  confirm_modal(s, now);
  keys_modal(s);
  about_modal(s);
}

void draw_banner(AppState& s, const Rect& area) {
  const Snapshot* snap = s.snap.get();
  const bool trainer_problem = snap && !snap->diverged && !snap->message.empty() &&
                               snap->message != s.dismissed_message;
  if (s.banner.empty() && !trainer_problem) return;
  const std::string text = !s.banner.empty() ? s.banner : snap->message;
  const float pad = ImGui::GetStyle().WindowPadding.x;
  const float title = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(area.x + pad, area.y + title + pad), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::max(100.0f, area.w - 2 * pad), 0), ImGuiCond_Always);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.55f, 0.12f, 0.10f, 0.95f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::Begin("##banner", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(("That change could not be applied: " + text).c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextUnformatted("Your data and the running network are unchanged.");
  ImGui::SameLine();
  if (ImGui::SmallButton("Dismiss")) {
    if (!s.banner.empty()) s.banner.clear();
    else s.dismissed_message = text;
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

void draw_toast(AppState& s, double now) {
  if (s.toast.empty() || now > s.toast_until) return;
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y - ImGui::GetFontSize() * 2), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::Begin("##toast", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::TextUnformatted(s.toast.c_str());
  ImGui::End();
}

}  // namespace nnplay::gui
