#include "app/gui/panels/metrics_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/gui/app_state.h"
#include "app/gui/panels/metrics_charts.h"
#include "app/gui/panels/metrics_predict.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr const char* kSplitNames[] = {"training", "validation", "test"};

const DataSplit& split_of(const Dataset& d, int split) {
  return split == 0 ? d.train : split == 1 ? d.validation : d.test;
}

// Forward pass only when the weights, the data or the split changed.
void refresh_predictions(MetricsPanelState& m, const Snapshot& snap, InspectorCache& cache) {
  if (m.params_version == snap.params_version && m.data == snap.data && m.cached_split == m.split)
    return;
  m.params_version = snap.params_version;
  m.data = snap.data;
  m.cached_split = m.split;
  m.threshold = -1;
  m.probs.resize(0, 0);
  const DataSplit& part = split_of(*snap.data, m.split);
  if (part.x.rows() == 0 || !predict_with_snapshot(cache, snap, part.x, m.probs)) return;
  m.labels = part.y;
  m.classes = snap.num_classes;
  m.roc = m.classes == 2 ? roc_curve(m.probs, m.labels) : RocCurve{};
}

void number_row(const char* name, double v, const char* help) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  help_marker(help);
  ImGui::TableNextColumn();
  ImGui::Text("%.3f", v);
}

void draw_numbers(const MetricsPanelState& m) {
  if (!ImGui::BeginTable("##numbers", 2, ImGuiTableFlags_SizingFixedFit)) return;
  const ClassificationMetrics& c = m.metrics;
  const bool binary = m.classes == 2;
  number_row("Accuracy", c.accuracy, "The share of points classified correctly. Misleading when one class is rare.");
  number_row("Precision", c.precision,
             binary ? "TP / (TP + FP): when the network says 'class 1', how often it is right."
                    : "Per class: of the points predicted as that class, the share that really is. Shown: the mean over classes.");
  number_row("Recall", c.recall,
             binary ? "TP / (TP + FN): of all class-1 points, the share the network finds. Also called the true-positive rate."
                    : "Per class: of the points of that class, the share found. Shown: the mean over classes.");
  number_row("F1", c.f1, "The harmonic mean of precision and recall: high only when both are high.");
  if (binary)
    number_row("AUC", m.roc.auc, "Area under the ROC curve: the chance that a random class-1 point scores higher than a random class-0 point. 0.5 is guessing, 1 is perfect.");
  ImGui::EndTable();
}

void draw_per_class(const ClassificationMetrics& c) {
  if (!ImGui::BeginTable("##per_class", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("class");
  ImGui::TableSetupColumn("precision");
  ImGui::TableSetupColumn("recall");
  ImGui::TableHeadersRow();
  for (int k = 0; k < c.classes; ++k) {
    int predicted = 0, actual = 0;
    for (int j = 0; j < c.classes; ++j) {
      predicted += c.at(j, k);
      actual += c.at(k, j);
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", k);
    ImGui::TableNextColumn();
    ImGui::Text("%.3f", predicted ? double(c.at(k, k)) / predicted : 0.0);
    ImGui::TableNextColumn();
    ImGui::Text("%.3f", actual ? double(c.at(k, k)) / actual : 0.0);
  }
  ImGui::EndTable();
}

void draw_threshold(AppState& s) {
  ImGui::TextUnformatted("Threshold");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("(?)").x -
                                              ImGui::GetStyle().ItemSpacing.x * 2));
  ImGui::SliderFloat("##threshold", &s.canvas.threshold, 0.01f, 0.99f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  help_marker("The network outputs a probability; a point is called class 1 when it is at least this "
              "threshold. Lower it to find more class-1 points (recall up) at the price of more "
              "false alarms (precision down). The boundary on the canvas moves with it.");
}

bool explain_unavailable(const AppState& s) {
  const Snapshot* snap = s.snap.get();
  const char* why = nullptr;
  if (!snap || !snap->data) why = "No run yet.";
  else if (snap->task != Task::Classification)
    why = "The Metrics view measures classifiers. This experiment is a regression: see its loss "
          "in Curves, or open the Fit view for 1D data.";
  else if (is_image_experiment(s.exp))
    why = "The Metrics view works on 2D point data; image experiments report accuracy in Curves.";
  if (!why) return false;
  ImGui::TextWrapped("%s", why);
  return true;
}

void draw_split_choice(MetricsPanelState& m, const Snapshot& snap) {
  const int sizes[] = {snap.train_size, snap.validation_size, snap.test_size};
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("validation (0000)").x + ImGui::GetFrameHeight() * 2);
  char preview[48];
  std::snprintf(preview, sizeof preview, "%s (%d)", kSplitNames[m.split], sizes[m.split]);
  if (ImGui::BeginCombo("Points", preview)) {
    for (int i = 0; i < 3; ++i) {
      char item[48];
      std::snprintf(item, sizeof item, "%s (%d)", kSplitNames[i], sizes[i]);
      if (ImGui::Selectable(item, m.split == i)) m.split = i;
    }
    ImGui::EndCombo();
  }
  help_marker("Which points to measure. Validation points were never trained on, so they show how "
              "the network does on new data.");
}

}  // namespace

void draw_metrics_panel(AppState& s) {
  if (explain_unavailable(s)) return;
  const Snapshot& snap = *s.snap;
  MetricsPanelState& m = s.metrics;
  draw_split_choice(m, snap);
  refresh_predictions(m, snap, s.inspector);
  const bool binary = m.classes == 2;
  if (binary) {
    ImGui::SameLine(0, ImGui::GetFontSize());
    draw_threshold(s);
  }
  if (m.probs.rows() == 0) {
    ImGui::TextWrapped("The %s split has no points. Choose another split above.", kSplitNames[m.split]);
    return;
  }
  if (m.threshold != s.canvas.threshold) {  // counting a few hundred points: cheap
    m.threshold = s.canvas.threshold;
    m.metrics = classification_metrics(m.probs, m.labels, m.classes, binary ? m.threshold : 0.5);
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::clamp(std::min(avail.x * 0.3f, avail.y - ImGui::GetTextLineHeightWithSpacing() * 2), 110.0f, 420.0f);
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Confusion matrix");
  help_marker("Counts of points by true class (rows) and predicted class (columns). The diagonal "
              "holds the correct predictions; every other cell is one kind of mistake.");
  draw_confusion_matrix(m.metrics, side);
  ImGui::EndGroup();
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::BeginGroup();
  draw_numbers(m);
  if (!binary) draw_per_class(m.metrics);
  ImGui::EndGroup();
  if (!binary) return;
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  const ClassificationMetrics& c = m.metrics;
  const int negatives = c.at(0, 0) + c.at(0, 1);
  const double fpr = negatives ? double(c.at(0, 1)) / negatives : 0.0;
  ImGui::BeginGroup();
  ImGui::TextUnformatted("ROC curve");
  help_marker("True-positive rate (recall) against false-positive rate, one point per threshold. "
              "The dot is the current threshold; the dashed diagonal is guessing.");
  draw_roc_curve(m.roc, fpr, c.recall, ImVec2(0, 0));
  ImGui::EndGroup();
}

}  // namespace nnplay::gui
