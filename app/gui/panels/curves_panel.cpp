// Learning curves: training and validation loss (and accuracy or R^2) over steps or epochs,
// with the current values as big numbers. Colours and dashes follow one rule everywhere:
// training = class-0 colour, solid; validation = class-1 colour, dashed.
#include "app/gui/panels/curves_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/gui/logic/curve_trends.h"
#include "app/gui/logic/ticks.h"
#include "app/gui/plot/plot.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr const char* kHelpTrainLoss =
    "Training loss (train loss): the average error on the examples the network learns from. Every step "
    "nudges the weights to make it smaller.";
constexpr const char* kHelpValLoss =
    "Validation loss (val loss): the error on held-out examples the network never trains on. It shows how "
    "well what was learned carries over to new data.";
constexpr const char* kHelpAccuracy =
    "Accuracy: the share of examples whose predicted class is the right one.";
constexpr const char* kHelpR2 =
    "R\xc2\xb2 (coefficient of determination): 1 means perfect predictions, 0 means no better "
    "than always guessing the average, below 0 means worse than that.";
constexpr const char* kHelpCurves =
    "Solid lines are measured on the training examples, dashed lines on the validation "
    "examples, which the network never trains on. Both curves usually fall together. When validation loss stops falling and starts to rise "
    "while training loss keeps falling, the network is memorising its training examples instead "
    "of learning the pattern: that is overfitting. More data, a smaller network or "
    "regularisation help.";
constexpr const char* kHelpOverfit =
    "The network now fits the training examples better and better but new examples worse: it is "
    "memorising noise. Stopping at the marked step (early stopping), more data, a smaller network "
    "or regularisation (L2, dropout) help.";
constexpr const char* kHelpLog =
    "Log scale spaces 1, 0.1, 0.01 evenly, so late, small improvements stay visible instead of "
    "flattening into the floor.";
constexpr const char* kHelpEpochs =
    "A step is one minibatch update; an epoch is one full pass over the training examples.";
constexpr const char* kHelpShowAcc =
    "Show a second plot with accuracy (classification) or R\xc2\xb2 (regression), which are "
    "easier to interpret than loss.";

ImU32 train_color() { return palette().class_u32(0); }
ImU32 val_color() { return palette().class_u32(1); }

// The newest finite value of a metric (validation is evaluated less often than training).
double last_finite(const std::vector<MetricPoint>& h, const MetricPoint& latest, double MetricPoint::*m) {
  if (std::isfinite(latest.*m)) return latest.*m;
  for (auto it = h.rbegin(); it != h.rend(); ++it)
    if (std::isfinite((*it).*m)) return (*it).*m;
  return NAN;
}

// The largest loaded font if it is clearly bigger than the current one (crisp glyphs), else
// the current font drawn scaled up.
void big_text(const std::string& text, ImU32 color, float scale) {
  ImFont* font = ImGui::GetFont();
  float size = ImGui::GetFontSize() * scale;
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (f->FontSize >= size * 0.9f && f->FontSize <= size * 1.4f) font = f, size = f->FontSize;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
  ImGui::GetWindowDrawList()->AddText(font, size, pos, color, text.c_str());
  ImGui::Dummy(extent);
}

// Continues the current row when an item `width` wide still fits, else starts a new one, so the
// panel reads well from a narrow column to a full-width projector layout.
void flow(float width, float spacing) {
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine(0, spacing);
}

float check_width(const char* label) {  // a checkbox or radio button with its label
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

float help_width() { return ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("(?)").x; }

LineStyle train_style() { return {.color = train_color()}; }
LineStyle val_style() { return {.color = val_color(), .dashed = true}; }

// A caption over a big number. The caption starts with the series' line swatch, so the row of
// numbers is also the plots' legend (a legend inside a small plot would hide the curves).
void metric_block(bool first, const char* caption, const std::string& value, const LineStyle& style,
                  const char* help) {
  const float scale = 1.6f;  // the shell's large font
  const ImVec2 swatch{ImGui::GetFontSize() * 1.3f, ImGui::GetTextLineHeight()};
  const float inner = std::round(ImGui::GetFontSize() * 0.3f);
  const float width = std::max(swatch.x + inner + ImGui::CalcTextSize(caption).x,
                               ImGui::CalcTextSize(value.c_str()).x * scale);
  if (!first) flow(width, ImGui::GetFontSize() * 1.4f);
  ImGui::BeginGroup();
  line_swatch(style, swatch);
  ImGui::SameLine(0, inner);
  ImGui::TextDisabled("%s", caption);
  big_text(value, style.color, scale);
  ImGui::EndGroup();
  tooltip_for_last_item(help);
}

void draw_numbers(const Snapshot* snap) {
  const bool regression = snap && snap->task == Task::Regression;
  const std::vector<MetricPoint> none;
  const auto& h = snap ? snap->history : none;
  const MetricPoint latest = snap ? snap->latest : MetricPoint{};
  auto value = [&](double MetricPoint::*m, bool is_acc) {
    const double v = last_finite(h, latest, m);
    return is_acc && !regression ? format_percent(v) : format_value(v, 3);
  };
  metric_block(true, "train loss", value(&MetricPoint::train_loss, false), train_style(), kHelpTrainLoss);
  metric_block(false, "val loss", value(&MetricPoint::val_loss, false), val_style(), kHelpValLoss);
  const char* acc_help = regression ? kHelpR2 : kHelpAccuracy;
  metric_block(false, regression ? "train R\xc2\xb2" : "train acc", value(&MetricPoint::train_acc, true),
               train_style(), acc_help);
  metric_block(false, regression ? "val R\xc2\xb2" : "val acc", value(&MetricPoint::val_acc, true),
               val_style(), acc_help);
  flow(help_width(), ImGui::GetStyle().ItemSpacing.x);
  ImGui::TextDisabled("(?)");
  tooltip_for_last_item(kHelpCurves);
}

void draw_controls(const Snapshot* snap, CurvesPanelState& ui) {
  const float gap = ImGui::GetFontSize() * 1.2f;
  ImGui::Checkbox("log scale", &ui.log_scale);
  help_marker(kHelpLog);
  flow(check_width("steps") + ImGui::GetStyle().ItemSpacing.x + check_width("epochs") + help_width(), gap);
  int x_mode = ui.x_in_epochs ? 1 : 0;
  ImGui::RadioButton("steps", &x_mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("epochs", &x_mode, 1);
  ui.x_in_epochs = x_mode == 1;
  help_marker(kHelpEpochs);
  const bool regression = snap && snap->task == Task::Regression;
  const char* acc_label = regression ? "R\xc2\xb2 plot" : "accuracy plot";
  flow(check_width(acc_label) + help_width(), gap);
  ImGui::Checkbox(acc_label, &ui.show_accuracy);
  help_marker(kHelpShowAcc);
}

// The series of one frame as columns (a few thousand doubles: copying is cheaper than a frame).
struct Curves {
  std::vector<double> x, train_loss, val_loss, train_acc, val_acc;
  size_t n() const { return x.size(); }
};

void collect(const Snapshot& snap, bool epochs, bool percent, Curves& c) {
  auto add = [&](const MetricPoint& p) {
    c.x.push_back(epochs ? p.epoch : static_cast<double>(p.step));
    c.train_loss.push_back(p.train_loss);
    c.val_loss.push_back(p.val_loss);
    c.train_acc.push_back(percent ? p.train_acc * 100.0 : p.train_acc);
    c.val_acc.push_back(percent ? p.val_acc * 100.0 : p.val_acc);
  };
  for (const MetricPoint& p : snap.history) add(p);
  const bool newer = snap.history.empty() || snap.latest.step > snap.history.back().step;
  if (newer && std::isfinite(snap.latest.train_loss)) add(snap.latest);
}

const char* placeholder(const Snapshot* snap) {
  return snap ? "No training yet. Press Play to watch the loss fall." : "Waiting for the trainer...";
}

void draw_overfit_warning(const OverfitReport& r, bool epochs) {
  if (!r.overfitting) return;
  const std::string at = epochs ? "epoch " + format_value(r.best_epoch, 3) : "step " + format_count(r.best_step);
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().class_u32(3)),
                     "Overfitting: val loss up %ld%% since %s while train loss falls.",
                     std::lround(r.rise * 100), at.c_str());
  ImGui::PopTextWrapPos();
  tooltip_for_last_item(kHelpOverfit);
}

void loss_plot(const Snapshot* snap, const Curves& c, const CurvesPanelState& ui,
               const OverfitReport& overfit, ImVec2 size) {
  Plot p("##loss", size);
  // No legend: the row of numbers above names each line style.
  unsigned flags = AxisFlags::NoLegend | (ui.x_in_epochs ? AxisFlags::None : AxisFlags::IntegerX);
  if (ui.log_scale) flags |= AxisFlags::LogY;
  p.setup_axes(ui.x_in_epochs ? "epoch" : "step", ui.log_scale ? "loss (log scale)" : "loss", flags);
  p.set_placeholder(placeholder(snap));
  if (!ui.log_scale) p.include_y(0);  // losses are >= 0: anchoring at 0 shows how far it fell
  if (ui.show_train) p.line("training", c.x.data(), c.train_loss.data(), c.n(), train_style());
  if (ui.show_validation)
    p.line("validation", c.x.data(), c.val_loss.data(), c.n(), val_style());
  if (overfit.overfitting && ui.show_validation)
    p.vline(ui.x_in_epochs ? overfit.best_epoch : static_cast<double>(overfit.best_step),
            ImGui::GetColorU32(ImGuiCol_TextDisabled), "best validation");
  p.end();
}

void accuracy_plot(const Snapshot* snap, const Curves& c, const CurvesPanelState& ui, ImVec2 size) {
  const bool regression = snap && snap->task == Task::Regression;
  Plot p("##accuracy", size);
  p.setup_axes(ui.x_in_epochs ? "epoch" : "step", regression ? "R\xc2\xb2" : "accuracy (%)",
               AxisFlags::NoLegend | (ui.x_in_epochs ? AxisFlags::None : AxisFlags::IntegerX));
  p.set_placeholder(placeholder(snap));
  if (ui.show_train) p.line("training", c.x.data(), c.train_acc.data(), c.n(), train_style());
  if (ui.show_validation)
    p.line("validation", c.x.data(), c.val_acc.data(), c.n(), val_style());
  // Reference lines: what a network that learned nothing would score.
  const ImU32 ref = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  if (regression) {
    p.clamp_y(-1, 1);  // early R^2 can be hugely negative; the interesting part is near 1
    p.hline(0, ref, "average guess");
  } else {
    p.clamp_y(0, 100);
    p.hline(100.0 / (snap ? std::max(2, snap->num_classes) : 2), ref, "chance");
  }
  p.end();
}

}  // namespace

void draw_curves_panel(const nnplay::Snapshot* snap, CurvesPanelState& ui) {
  draw_numbers(snap);
  draw_controls(snap, ui);
  if (snap && snap->diverged && !snap->message.empty())
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().class_u32(3)), "%s", snap->message.c_str());

  const OverfitReport overfit = snap ? detect_overfitting(snap->history) : OverfitReport{};
  draw_overfit_warning(overfit, ui.x_in_epochs);
  Curves c;
  if (snap) collect(*snap, ui.x_in_epochs, snap->task != Task::Regression, c);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (!ui.show_accuracy) {
    loss_plot(snap, c, ui, overfit, avail);
    return;
  }
  // Side by side or stacked, whichever gives each plot a shape closer to 16:10.
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float side = (avail.x - gap) / 2 / std::max(1.0f, avail.y);
  const float stacked = avail.x / std::max(1.0f, (avail.y - gap) / 2);
  const bool side_by_side = std::abs(std::log(side / 1.6f)) <= std::abs(std::log(stacked / 1.6f));
  if (side_by_side) {
    const ImVec2 size{(avail.x - gap) / 2, avail.y};
    loss_plot(snap, c, ui, overfit, size);
    ImGui::SameLine(0, gap);
    accuracy_plot(snap, c, ui, size);
  } else {
    const ImVec2 size{avail.x, (avail.y - ImGui::GetStyle().ItemSpacing.y) / 2};
    loss_plot(snap, c, ui, overfit, size);
    accuracy_plot(snap, c, ui, size);
  }
}

}  // namespace nnplay::gui
