// A counter bumped whenever something drawn outside ImGui's vertex data changes: a texture's
// pixels, a shader-drawn layer's input (points, boundary). The panel cache cannot see those
// changes in the draw lists, so any panel that uses textures or shader callbacks is redrawn
// when the counter moves. Main thread only.
#pragma once
#include <cstdint>

namespace nnplay::gui {

uint64_t content_generation();
void bump_content_generation();

}  // namespace nnplay::gui
