#include "app/gui/gfx/draw_callback.h"

#include "app/gui/gfx/gl.h"

namespace nnplay::gui {

ImVec2 screen_to_ndc(ImVec2 p) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 origin = ImGui::GetMainViewport()->Pos;
  return ImVec2((p.x - origin.x) / io.DisplaySize.x * 2.0f - 1.0f,
                1.0f - (p.y - origin.y) / io.DisplaySize.y * 2.0f);
}

void scissor_to_clip_rect(const ImDrawCmd* cmd) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 origin = ImGui::GetMainViewport()->Pos;
  const ImVec2 scale = io.DisplayFramebufferScale;
  const float fb_height = io.DisplaySize.y * scale.y;
  const ImVec4 c = cmd->ClipRect;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>((c.x - origin.x) * scale.x),
            static_cast<GLint>(fb_height - (c.w - origin.y) * scale.y),
            static_cast<GLsizei>((c.z - c.x) * scale.x), static_cast<GLsizei>((c.w - c.y) * scale.y));
}

}  // namespace nnplay::gui
