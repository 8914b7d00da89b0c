// Font atlas building and the app's ImGui style.
#include "app/gui/fonts.h"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace nnplay::gui {

namespace {

constexpr const char* kFontPaths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

// The large font of the current atlas; the atlas owns it. Rebuilt with the atlas.
ImFont* g_large_font = nullptr;

const char* find_font() {
  for (const char* p : kFontPaths) {
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p;
  }
  return nullptr;
}

// Glyph ranges: Latin + Latin-1 + Greek (for alpha, beta, eta, lambda in help texts) + arrows
// and math symbols used in labels. Static storage: the atlas keeps the pointer.
constexpr ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E,
                               0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

void base_style(ImGuiStyle& s, bool light) {
  if (light) ImGui::StyleColorsLight(&s);
  else ImGui::StyleColorsDark(&s);
  s.WindowPadding = ImVec2(10, 8);
  s.FramePadding = ImVec2(7, 4);
  s.ItemSpacing = ImVec2(9, 6);
  s.ItemInnerSpacing = ImVec2(6, 5);
  s.ScrollbarSize = 15;
  s.GrabMinSize = 12;
  s.WindowRounding = 3;
  s.ChildRounding = 3;
  s.FrameRounding = 3;
  s.PopupRounding = 3;
  s.GrabRounding = 3;
  s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  // Every panel is always "active" in a fixed layout, so its title bar keeps one colour.
  s.Colors[ImGuiCol_TitleBg] = s.Colors[ImGuiCol_TitleBgActive];
  if (!light) s.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.105f, 0.115f, 1.0f);
}

}  // namespace

float step_ui_scale(float scale, int direction) {
  if (direction == 0) return 1.0f;
  // 10% steps, rounded so repeated presses land on tidy values (1.1, 1.2, ... not 1.21).
  const float next = scale * (direction > 0 ? 1.1f : 1.0f / 1.1f);
  return std::clamp(std::round(next * 20.0f) / 20.0f, kMinUiScale, kMaxUiScale);
}

bool build_fonts(float scale, bool upload) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const char* path = find_font();
  const float px = std::round(kBaseFontPx * scale);
  ImFont* body = nullptr;
  if (path) {
    body = io.Fonts->AddFontFromFileTTF(path, px, nullptr, kRanges);
    g_large_font = io.Fonts->AddFontFromFileTTF(path, std::round(px * 1.6f), nullptr, kRanges);
  }
  if (!body) {
    ImFontConfig cfg;
    cfg.SizePixels = std::max(13.0f, px);
    body = io.Fonts->AddFontDefault(&cfg);
    g_large_font = body;
  }
  io.FontDefault = body;
  io.Fonts->Build();
  if (upload) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  return path != nullptr;
}

void apply_style(float scale, bool light) {
  ImGuiStyle style;
  base_style(style, light);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

ImFont* large_font() { return g_large_font ? g_large_font : ImGui::GetFont(); }

}  // namespace nnplay::gui
