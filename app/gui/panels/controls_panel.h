// The controls panel: run buttons (play/pause, step, epoch, reset), counters, the speed
// control, and every training hyper-parameter with a tooltip explaining the concept.
// Hyper-parameters are edited in place; the shell turns a changed TrainSettings into
// cmd::SetSettings, which applies at the next step without resetting anything.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/train/settings.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

struct ControlsPanelState {
  uint64_t seed_edit = 1;       // the seed field while it is being typed
  bool seed_editing = false;
  std::vector<std::string> hidden;  // controls the open lesson step hides (lesson_panel.h)
};

// Buttons pressed this frame; the shell turns them into commands.
struct ControlsActions {
  bool toggle_play = false;
  bool step = false;        // one minibatch
  bool epoch = false;       // one epoch
  bool reset_new = false;   // new initial weights (new seed)
  bool reset_same = false;  // the same initial weights again
  bool rollback = false;    // after divergence
  bool new_seed = false;    // the seed field was confirmed: reset with *seed
};

// Draws into the current window. seed is the experiment's seed (changed when new_seed).
ControlsActions draw_controls_panel(const nnplay::Snapshot* snap, nnplay::TrainSettings& settings,
                                    uint64_t& seed, ControlsPanelState& ui);

// The hyper-parameter section (controls_hyper.cpp). train_size bounds the batch size.
// hidden: names from lesson_control_names() not to draw.
void draw_hyper_parameters(nnplay::TrainSettings& settings, int train_size,
                           const std::vector<std::string>& hidden = {});

// Speed presets of the speed slider, steps per second; 0 = flat out (the last entry).
int speed_index(double steps_per_second);
double speed_value(int index);
int speed_count();

}  // namespace nnplay::gui
