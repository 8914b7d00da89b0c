#include "app/gui/panels/compare_panel.h"

#include <imgui.h>

#include "app/gui/app_state.h"

namespace nnplay::gui {

void draw_compare_panel(AppState&) { ImGui::TextDisabled("This view is being built."); }

void start_compare(AppState&, std::vector<CompareRunSpec>) {}

}  // namespace nnplay::gui
