#include "app/gui/panels/metrics_panel.h"

#include <imgui.h>

#include "app/gui/app_state.h"

namespace nnplay::gui {

void draw_metrics_panel(AppState&) { ImGui::TextDisabled("This view is being built."); }

}  // namespace nnplay::gui
