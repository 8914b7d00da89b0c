// Run controls, counters, divergence notice, speed and seed (hyper-parameters: controls_hyper.cpp).
#include "app/gui/panels/controls_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/fonts.h"
#include "app/gui/theme/palette.h"
#include "app/gui/widgets/help.h"

namespace nnplay::gui {

namespace {

// Slow motion for explaining one step at a time, up to flat out (0).
constexpr double kSpeeds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0};
constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);

std::string grouped(long v) {
  std::string s = std::to_string(v < 0 ? -v : v);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return v < 0 ? "-" + s : s;
}

std::string rate_text(double per_second) {
  char buf[32];
  if (per_second >= 1e6) std::snprintf(buf, sizeof buf, "%.2fM", per_second / 1e6);
  else if (per_second >= 1e3) std::snprintf(buf, sizeof buf, "%.1fk", per_second / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f", per_second);
  return buf;
}

bool coloured_button(const char* label, ImVec4 colour, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImVec4(colour.x * 1.15f, colour.y * 1.15f, colour.z * 1.15f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        ImVec4(colour.x * 0.85f, colour.y * 0.85f, colour.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

void draw_run_buttons(const Snapshot* snap, ControlsActions& a) {
  const bool running = snap && snap->running;
  const float width = ImGui::GetContentRegionAvail().x;
  const float tall = ImGui::GetFrameHeight() * 1.6f;
  const ImVec4 play = palette().class_color(2), pause = palette().class_color(3);
  if (coloured_button(running ? "Pause   (Space)" : "Play   (Space)", running ? pause : play,
                      ImVec2(width, tall)))
    a.toggle_play = true;
  tooltip_for_last_item(
      "Start or stop training. Each step shows the network one minibatch of training points and "
      "nudges every weight a little downhill on the loss.");
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button("Step  (S)", ImVec2(half, 0))) a.step = true;
  tooltip_for_last_item("One training step: one minibatch, one weight update. Good for explaining "
                        "what a single gradient step does.");
  ImGui::SameLine();
  if (ImGui::Button("Epoch", ImVec2(half, 0))) a.epoch = true;
  tooltip_for_last_item("Train until every training point has been seen once (one epoch).");
  if (ImGui::Button("Reset  (R)", ImVec2(half, 0))) a.reset_new = true;
  tooltip_for_last_item("Start over with new random initial weights (a new seed): a different "
                        "starting point can end in a different solution.");
  ImGui::SameLine();
  if (ImGui::Button("Same start", ImVec2(half, 0))) a.reset_same = true;
  tooltip_for_last_item("Start over from the SAME initial weights as before (Shift+R), so you can "
                        "compare two settings (say, two learning rates) fairly.");
}

void draw_counters(const Snapshot* snap) {
  const long epoch = snap ? snap->epoch : 0, step = snap ? snap->step : 0;
  ImGui::PushFont(large_font());
  ImGui::Text("Epoch %s", grouped(epoch).c_str());
  ImGui::PopFont();
  tooltip_for_last_item("Completed passes over the whole training set.");
  ImGui::Text("Step %s", grouped(step).c_str());
  tooltip_for_last_item("Minibatch updates so far. Steps per epoch = training points / batch size.");
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::Text("%s samples/s", rate_text(snap ? snap->samples_per_second : 0).c_str());
  tooltip_for_last_item("Training examples processed per second (forward and backward pass).");
  if (snap) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%d training, %d validation, %d test points; %d training thread%s",
                       snap->train_size, snap->validation_size, snap->test_size, snap->threads,
                       snap->threads == 1 ? "" : "s");
    ImGui::PopStyleColor();
  }
}

void draw_problem(const Snapshot* snap, ControlsActions& a) {
  if (!snap || snap->message.empty()) return;
  ImGui::Separator();
  const ImVec4 red(1.0f, 0.42f, 0.35f, 1.0f);
  if (snap->diverged) {
    ImGui::PushFont(large_font());
    ImGui::TextColored(red, "Training diverged");
    ImGui::PopFont();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, red);
  ImGui::TextWrapped("%s", snap->message.c_str());
  ImGui::PopStyleColor();
  if (snap->diverged) {
    if (coloured_button("Roll back", palette().class_color(3), ImVec2(0, 0))) a.rollback = true;
    tooltip_for_last_item("Restore the last weights that were still finite numbers. Then lower "
                          "the learning rate before pressing Play again.");
  }
}

void draw_speed(TrainSettings& s) {
  int index = speed_index(s.steps_per_second);
  char label[48];
  if (speed_value(index) == 0) std::snprintf(label, sizeof label, "flat out");
  else std::snprintf(label, sizeof label, "%g steps/s", speed_value(index));
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Speed (?)").x - ImGui::GetStyle().ItemSpacing.x * 2);
  if (ImGui::SliderInt("Speed", &index, 0, kSpeedCount - 1, label, ImGuiSliderFlags_NoInput))
    s.steps_per_second = speed_value(index);
  help_marker("How fast training runs. A few steps per second is slow motion for explaining "
              "each update; 'flat out' trains as fast as this computer can.");
}

void draw_seed(uint64_t& seed, ControlsPanelState& ui, ControlsActions& a) {
  if (!ui.seed_editing) ui.seed_edit = seed;
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Seed (?)").x - ImGui::GetStyle().ItemSpacing.x * 2);
  const bool enter = ImGui::InputScalar("Seed", ImGuiDataType_U64, &ui.seed_edit, nullptr,
                                        nullptr, "%llu", ImGuiInputTextFlags_EnterReturnsTrue);
  ui.seed_editing = ImGui::IsItemActive();
  if (enter || ImGui::IsItemDeactivatedAfterEdit()) {
    seed = ui.seed_edit;
    a.new_seed = true;
  }
  help_marker("The random seed fixes the initial weights and the order of the minibatches: "
              "the same seed gives exactly the same run. Press Enter to restart with it.");
}

}  // namespace

int speed_count() { return kSpeedCount; }

double speed_value(int index) { return kSpeeds[std::clamp(index, 0, kSpeedCount - 1)]; }

int speed_index(double steps_per_second) {
  if (steps_per_second <= 0) return kSpeedCount - 1;
  int best = 0;
  for (int i = 0; i + 1 < kSpeedCount; ++i)
    if (std::abs(std::log(kSpeeds[i] / steps_per_second)) <
        std::abs(std::log(kSpeeds[best] / steps_per_second)))
      best = i;
  return best;
}

ControlsActions draw_controls_panel(const Snapshot* snap, TrainSettings& settings, uint64_t& seed,
                                    ControlsPanelState& ui) {
  ControlsActions a;
  draw_run_buttons(snap, a);
  draw_counters(snap);
  draw_problem(snap, a);
  ImGui::Separator();
  const auto shown = [&](const char* c) { return std::find(ui.hidden.begin(), ui.hidden.end(), c) == ui.hidden.end(); };
  if (shown("speed")) draw_speed(settings);
  draw_hyper_parameters(settings, snap ? snap->train_size : 0, ui.hidden);
  if (shown("seed")) draw_seed(seed, ui, a);
  return a;
}

}  // namespace nnplay::gui
