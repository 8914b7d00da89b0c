// What every renderer that draws with its own shader from inside an ImDrawList callback
// needs: the screen-to-clip-space mapping and the command's clip rectangle as a scissor
// (ImGui's backend sets neither for callbacks).
#pragma once
#include <imgui.h>

namespace nnplay::gui {

// Screen position (ImGui coordinates) to normalised device coordinates.
ImVec2 screen_to_ndc(ImVec2 p);

// Enables the scissor test with the command's clip rectangle.
void scissor_to_clip_rect(const ImDrawCmd* cmd);

// Queues renderer->render(cmd) at this point of the draw list (in order with ImGui's own items),
// then has the backend restore its GL state for what follows.
template <class Renderer>
void queue_render(ImDrawList* list, Renderer* renderer) {
  list->AddCallback([](const ImDrawList*, const ImDrawCmd* cmd) {
    static_cast<Renderer*>(cmd->UserCallbackData)->render(cmd);
  }, renderer);
  list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace nnplay::gui
