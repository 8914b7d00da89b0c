// The built-in file browser modal.
#include "app/gui/panels/file_browser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPopupId = "###file_browser";

bool has_extension(const std::string& name, const std::vector<std::string>& exts) {
  if (exts.empty()) return true;
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  for (const auto& e : exts)
    if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0)
      return true;
  return false;
}

void list_dir(FileBrowser& b) {
  b.entries.clear();
  b.listed = true;
  std::error_code ec;
  fs::directory_iterator it(b.dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    b.error = "Cannot read the folder " + b.dir + ": " + ec.message();
    return;
  }
  for (const auto& entry : it) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files only clutter a lecture demo
    std::error_code e2;
    const bool is_dir = entry.is_directory(e2);
    if (is_dir || has_extension(name, b.extensions)) b.entries.push_back({name, is_dir});
  }
  std::sort(b.entries.begin(), b.entries.end(), [](const auto& a, const auto& c) {
    return a.is_dir != c.is_dir ? a.is_dir : a.name < c.name;
  });
}

void go_to(FileBrowser& b, const fs::path& dir) {
  std::error_code ec;
  const fs::path canon = fs::weakly_canonical(dir, ec);
  b.dir = (ec ? dir : canon).string();
  b.error.clear();
  b.listed = false;
}

// Turns the name field into a path; navigates instead when it names a folder.
std::optional<std::string> confirm(FileBrowser& b) {
  if (b.name.empty()) {
    b.error = "Type a file name or pick a file.";
    return std::nullopt;
  }
  fs::path p = fs::path(b.name).is_absolute() ? fs::path(b.name) : fs::path(b.dir) / b.name;
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    go_to(b, p);
    b.name.clear();
    b.focus_name = true;
    return std::nullopt;
  }
  if (b.mode == BrowseMode::Save && !b.extensions.empty() && !p.has_extension())
    p += b.extensions.front();
  if (b.mode == BrowseMode::Open && !fs::exists(p, ec)) {
    b.error = "There is no file " + p.string();
    return std::nullopt;
  }
  ImGui::CloseCurrentPopup();
  return p.lexically_normal().string();
}

void draw_path_row(FileBrowser& b) {
  if (ImGui::Button("Up")) go_to(b, fs::path(b.dir).parent_path());
  tooltip_for_last_item("Go to the folder that contains this one.");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  std::string edited = b.dir;
  if (ImGui::InputText("##dir", &edited, ImGuiInputTextFlags_EnterReturnsTrue)) go_to(b, edited);
}

// Returns a path when a file was double-clicked.
std::optional<std::string> draw_entries(FileBrowser& b, float height) {
  std::optional<std::string> chosen;
  ImGui::BeginChild("##entries", ImVec2(0, height), true);
  std::optional<fs::path> enter;
  for (const auto& e : b.entries) {
    const std::string label = e.is_dir ? "[folder]  " + e.name : e.name;
    const bool selected = !e.is_dir && b.name == e.name;
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.is_dir) enter = fs::path(b.dir) / e.name;
      else b.name = e.name;
      if (!e.is_dir && ImGui::IsMouseDoubleClicked(0)) chosen = confirm(b);
    }
  }
  if (b.entries.empty()) ImGui::TextDisabled("(no folders or matching files here)");
  ImGui::EndChild();
  if (enter) go_to(b, *enter);
  return chosen;
}

std::optional<std::string> draw_footer(FileBrowser& b) {
  std::optional<std::string> chosen;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("File");
  ImGui::SameLine();
  const float buttons = ImGui::CalcTextSize("Cancel").x * 2 + ImGui::GetStyle().FramePadding.x * 6 +
                        ImGui::GetStyle().ItemSpacing.x * 2;
  ImGui::SetNextItemWidth(std::max(100.0f, ImGui::GetContentRegionAvail().x - buttons));
  if (b.focus_name) {
    ImGui::SetKeyboardFocusHere();
    b.focus_name = false;
  }
  if (ImGui::InputText("##name", &b.name, ImGuiInputTextFlags_EnterReturnsTrue)) chosen = confirm(b);
  ImGui::SameLine();
  if (ImGui::Button(b.mode == BrowseMode::Open ? "Open" : "Save")) chosen = confirm(b);
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    ImGui::CloseCurrentPopup();
  if (!b.error.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1), "%s", b.error.c_str());
  return chosen;
}

}  // namespace

void open_file_browser(FileBrowser& b, BrowseMode mode, const std::string& title,
                       const std::vector<std::string>& extensions, const std::string& start,
                       int purpose) {
  b.mode = mode;
  b.title = title;
  b.extensions = extensions;
  b.purpose = purpose;
  b.name.clear();
  std::error_code ec;
  fs::path p = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  if (!start.empty() && !fs::is_directory(p, ec)) {
    b.name = p.filename().string();
    p = p.parent_path();
  }
  if (p.empty() || !fs::is_directory(p, ec)) p = fs::current_path(ec);
  go_to(b, p);
  b.request_open = true;
  b.focus_name = true;
}

std::optional<std::string> draw_file_browser(FileBrowser& b) {
  const std::string id = b.title + kPopupId;
  if (b.request_open) {
    ImGui::OpenPopup(id.c_str());
    b.request_open = false;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(display.x * 0.55f, display.y * 0.6f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings))
    return std::nullopt;
  if (!b.listed) list_dir(b);
  draw_path_row(b);
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeight();
  std::optional<std::string> chosen = draw_entries(b, -footer);
  if (!chosen) chosen = draw_footer(b);
  ImGui::EndPopup();
  return chosen;
}

}  // namespace nnplay::gui
