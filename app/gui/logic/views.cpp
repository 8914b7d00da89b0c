#include "app/gui/views.h"

#include <iterator>

namespace nnplay::gui {

namespace {
constexpr const char* kAnalysisNames[] = {"curves", "gradients", "compare", "backprop", "metrics", "fit"};
constexpr const char* kAnalysisTitles[] = {"Curves", "Gradients", "Compare", "Backprop", "Metrics",
                                           "Function fit"};
constexpr const char* kImageNames[] = {"filters", "feature_maps", "samples", "draw"};
constexpr const char* kImageTitles[] = {"Filters", "Feature maps", "Samples", "Draw"};
static_assert(std::size(kAnalysisNames) == size_t(AnalysisView::Count));
static_assert(std::size(kImageNames) == size_t(ImageView::Count));
}  // namespace

const char* view_name(AnalysisView v) { return kAnalysisNames[int(v)]; }
const char* view_name(ImageView v) { return kImageNames[int(v)]; }
const char* view_title(AnalysisView v) { return kAnalysisTitles[int(v)]; }
const char* view_title(ImageView v) { return kImageTitles[int(v)]; }

bool select_view_by_name(ViewSelection& v, const std::string& name) {
  for (int i = 0; i < int(AnalysisView::Count); ++i) {
    if (name == kAnalysisNames[i]) {
      v.analysis = AnalysisView(i);
      v.force = true;
      return true;
    }
  }
  for (int i = 0; i < int(ImageView::Count); ++i) {
    if (name == kImageNames[i]) {
      v.image = ImageView(i);
      v.force = true;
      return true;
    }
  }
  return false;
}

std::string view_names_list() {
  std::string out;
  for (const char* n : kAnalysisNames) out += std::string(out.empty() ? "" : ", ") + n;
  for (const char* n : kImageNames) out += std::string(", ") + n;
  return out;
}

}  // namespace nnplay::gui
