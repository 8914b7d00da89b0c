// Fonts and interface scale. DejaVu Sans (Debian fonts-dejavu-core) at a size readable from the
// back of a lecture hall, ImGui's built-in font when it is missing. Presenter mode (Ctrl+= /
// Ctrl+-) rebuilds the font atlas at the new size, so text stays sharp instead of blurry.
#pragma once
#include <imgui.h>

namespace nnplay::gui {

inline constexpr float kBaseFontPx = 17.0f;  // at scale 1
inline constexpr float kMinUiScale = 0.6f;
inline constexpr float kMaxUiScale = 3.0f;

// The next scale for one Ctrl+= (direction +1) or Ctrl+- (-1) press, or 1 for direction 0.
float step_ui_scale(float scale, int direction);

// Builds the atlas for `scale` (regular and a large font for headline numbers). Call outside
// NewFrame/Render. With upload = true the OpenGL3 backend's texture is re-created too (the
// backend must be initialised). Returns false when DejaVu was not found (built-in font used).
bool build_fonts(float scale, bool upload);

// ImGui style sized for `scale`: the base look, then ScaleAllSizes.
void apply_style(float scale, bool light);

// A font 1.6x the body size, for big numbers (falls back to the default font).
ImFont* large_font();

}  // namespace nnplay::gui
