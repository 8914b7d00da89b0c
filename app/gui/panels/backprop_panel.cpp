#include "app/gui/panels/backprop_panel.h"

#include <imgui.h>

#include "app/gui/app_state.h"

namespace nnplay::gui {

void draw_backprop_panel(AppState&) { ImGui::TextDisabled("This view is being built."); }

}  // namespace nnplay::gui
