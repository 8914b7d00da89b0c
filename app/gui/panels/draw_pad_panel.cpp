#include "app/gui/panels/draw_pad_panel.h"

#include <imgui.h>

#include "app/gui/app_state.h"

namespace nnplay::gui {

void draw_draw_pad_panel(AppState&) { ImGui::TextDisabled("This view is being built."); }

}  // namespace nnplay::gui
