// Which view each tabbed slot of the window shows. The lower right slot holds the analysis
// views, the upper right slot the image views when the data are images (the 2D canvas
// otherwise), the lower left slot the data controls or the open lesson. Lessons switch
// views by name (see docs/lesson-format.md).
#pragma once
#include <optional>
#include <string>

namespace nnplay::gui {

enum class AnalysisView { Curves, Gradients, Compare, Backprop, Metrics, Fit, Count };
enum class ImageView { Filters, FeatureMaps, Samples, Draw, Count };
enum class LeftView { Data, Lesson, Count };

struct ViewSelection {
  AnalysisView analysis = AnalysisView::Curves;
  ImageView image = ImageView::Filters;
  LeftView left = LeftView::Data;
  // Set by code (a lesson, a shortcut): the tab bars select these on the next frame.
  bool force = false;
};

const char* view_name(AnalysisView v);  // "curves", "gradients", ...
const char* view_name(ImageView v);     // "filters", "feature_maps", "samples", "draw"
const char* view_title(AnalysisView v);  // tab label: "Curves", "Gradients", ...
const char* view_title(ImageView v);
// Selects the view called `name` (either kind); false when no view has that name.
bool select_view_by_name(ViewSelection& v, const std::string& name);
// "curves, gradients, ..., draw": every name, for error messages and --help.
std::string view_names_list();

}  // namespace nnplay::gui
