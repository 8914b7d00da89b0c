// Backprop step-through: pick a training sample, then step it forward layer by layer, through
// the loss, and backward layer by layer, reading every z, a, delta and dL/dw on the diagram.
// The numbers are the engine's (engine/train/backprop_trace.h), for the trainer's current weights.
#include "app/gui/panels/backprop_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/panels/backprop_parts.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

constexpr int kMaxNeurons = 20;

constexpr const char* kHelpBackprop =
    "Backpropagation finds how much each weight contributed to the error. The forward pass "
    "computes every neuron's z and a; the backward pass sends the error back as \xce\xb4 = dL/dz, and "
    "each weight's gradient is \xce\xb4 times the input it multiplies.";
constexpr const char* kHelpSigmoid =
    "The course notes write the sigmoid's derivative as \xcf\x83(x)\xcf\x83(1 \xe2\x88\x92 x). That is a misprint: "
    "the derivative is \xcf\x83'(z) = \xcf\x83(z)(1 \xe2\x88\x92 \xcf\x83(z)), which nnplay uses, so its backward numbers "
    "differ from the notes' (for example dL/db' = 0.27, not 0.53).";
constexpr const char* kHelpSample =
    "Which training example to push through the network. Its features are the input neurons; "
    "the target is what the output should have been.";
constexpr const char* kHelpApply =
    "Writes the updated weights w \xe2\x88\x92 \xce\xb7\xc2\xb7" "dL/dw into the network, as one gradient-descent step "
    "on this single example would. Run the forward pass again to see the loss go down. "
    "This is plain gradient descent with the learning rate \xce\xb7" ", whatever optimiser the "
    "Training panel uses (momentum and Adam also keep a memory of earlier steps), and without "
    "the regularisation term.";
constexpr const char* kHelpLegend =
    "Inside a neuron: its output a. Above: z, the weighted sum plus bias. Below: the bias b, "
    "then \xce\xb4 = dL/dz in the backward pass. On the lines: the weight w, then \xe2\x88\x82 = dL/dw, "
    "then \xe2\x86\x92 the updated weight. When neurons sit close together, hover one to read its numbers.";

std::string sample_text(const Dataset& d, int row) {
  std::string s = "x = (";
  char buf[32];
  for (int c = 0; c < d.train.x.cols(); ++c) {
    std::snprintf(buf, sizeof buf, c ? ", %.3g" : "%.3g", double(d.train.x(row, c)));
    s += buf;
  }
  std::snprintf(buf, sizeof buf, d.task == Task::Regression ? "), target %.3g" : "), class %.0f",
                double(d.train.y(row, 0)));
  return s + buf;
}

bool has_sigmoid(const NetworkSpec& spec) {
  return std::any_of(spec.layers.begin(), spec.layers.end(),
                     [](const LayerSpec& l) { return l.activation.kind == ActivationKind::Sigmoid; });
}

// The network as gradient descent on this one sample would leave it.
std::vector<Scalar> updated_params(const BackpropTrace& t, double lr) {
  std::vector<Scalar> p;
  for (const auto& l : t.layers) {
    for (size_t k = 0; k < l.weight.size(); ++k) p.push_back(Scalar(l.weight[k] - lr * l.grad_weight[k]));
    for (size_t k = 0; k < l.bias.size(); ++k) p.push_back(Scalar(l.bias[k] - lr * l.delta[k]));
  }
  return p;
}

void draw_buttons(AppState& s, BackpropPanelState& ui, const BackpropTrace& t, double lr) {
  const int last = int(t.steps.size()) - 1;
  int loss_step = 0;
  while (loss_step < last && t.steps[size_t(loss_step)].kind != TraceStepKind::Loss) ++loss_step;
  ImGui::BeginDisabled(ui.step <= 0);
  if (ImGui::Button("< Prev")) --ui.step;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(ui.step >= last);
  if (ImGui::Button("Next >")) ++ui.step;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Forward all")) ui.step = loss_step;
  ImGui::SameLine();
  if (ImGui::Button("Backward all")) ui.step = last - 1;
  ImGui::SameLine();
  if (ImGui::Button("Apply update")) {
    send(s, cmd::Pause{});
    send(s, cmd::SetParams{updated_params(t, lr)});
    ui.step = 0;
  }
  tooltip_for_last_item(kHelpApply);
  help_marker(kHelpBackprop);
}

void draw_sample_picker(BackpropPanelState& ui, const Dataset& d) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Sample");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  int shown = ui.sample + 1;
  if (ImGui::InputInt("##sample", &shown)) {
    ui.sample = std::clamp(shown - 1, 0, d.train.rows() - 1);
    ui.step = 0;
  }
  ImGui::SameLine();
  ImGui::Text("of %d:  %s", d.train.rows(), sample_text(d, ui.sample).c_str());
  help_marker(kHelpSample);
}

// Where each number sits on the diagram, and (for sigmoid networks) why the numbers differ
// from the course notes'.
void draw_legend_markers(bool sigmoid) {
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::TextDisabled("legend");
  tooltip_for_last_item(kHelpLegend);
  if (!sigmoid) return;
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::TextDisabled("\xcf\x83' (?)");
  tooltip_for_last_item(kHelpSigmoid);
}

// The step's name in colour, then its formula with this sample's numbers (wrapped).
void draw_step_text(const BackpropTrace& t, int step, const Loss& loss, double lr) {
  ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1), "%d/%d %s:", step + 1, int(t.steps.size()),
                     backprop::step_title(t, step).c_str());
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(backprop::step_text(t, step, loss, lr).c_str());
  ImGui::PopTextWrapPos();
}

// Why there is no step-through for this run, in one plain sentence.
bool explain_unavailable(const Snapshot* snap) {
  if (!snap || !snap->data || snap->params.empty()) {
    ImGui::TextDisabled("Waiting for the network...");
    return true;
  }
  std::string why = trace_unsupported_reason(snap->spec);
  const int neurons = trace_neuron_count(snap->spec);
  if (why.empty() && neurons > kMaxNeurons)
    why = "The step-through is for small networks (up to about " + std::to_string(kMaxNeurons) +
          " neurons, inputs included); this one has " + std::to_string(neurons) + ".";
  if (why.empty() && snap->data->train.rows() == 0) why = "There are no training examples to step through.";
  if (why.empty()) return false;
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(why.c_str());
  ImGui::TextDisabled("Open Lessons or File > Open assets/experiments/backprop-2-2-1.json for the course's "
                      "worked example, or make the network smaller.");
  ImGui::PopTextWrapPos();
  return true;
}

}  // namespace

void draw_backprop_panel(AppState& s) {
  BackpropPanelState& ui = s.backprop;
  const Snapshot* snap = s.snap.get();
  if (explain_unavailable(snap)) return;
  const Dataset& d = *snap->data;
  ui.sample = std::clamp(ui.sample, 0, d.train.rows() - 1);
  if (ui.params_version != snap->params_version || ui.data != &d || ui.traced_sample != ui.sample) {
    ui.params_version = snap->params_version;
    ui.data = &d;
    ui.traced_sample = ui.sample;
    ui.error.clear();
    std::vector<double> x(size_t(d.train.x.cols()));
    for (size_t c = 0; c < x.size(); ++c) x[c] = d.train.x(ui.sample, Eigen::Index(c));
    try {
      ui.trace = trace_backprop(snap->spec, snap->loss, snap->params, x, d.train.y(ui.sample, 0));
    } catch (const std::exception& e) {
      ui.error = e.what();  // e.g. an edit in flight: the next snapshot fits again
    }
  }
  if (!ui.error.empty()) {
    ImGui::TextWrapped("%s", ui.error.c_str());
    return;
  }
  const BackpropTrace& t = ui.trace;
  ui.step = std::clamp(ui.step, 0, int(t.steps.size()) - 1);
  const double lr = snap->settings.optimizer.lr;
  draw_buttons(s, ui, t, lr);
  draw_sample_picker(ui, d);
  draw_legend_markers(has_sigmoid(snap->spec));
  if (snap->running) ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "Training is running: pause it to read the numbers.");
  draw_step_text(t, ui.step, snap->loss, lr);
  // A short panel scrolls rather than squeezing the neurons into each other.
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.y = std::max(avail.y, ImGui::GetFontSize() * 15);
  ImGui::Dummy(avail);
  backprop::draw_diagram(t, backprop::visible_at(t, ui.step), snap->loss, lr, p0, {p0.x + avail.x, p0.y + avail.y});
}

}  // namespace nnplay::gui
