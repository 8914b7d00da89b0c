// Command line of `nnplay gui`: parsed without touching a window so it is unit-tested.
#pragma once
#include <string>
#include <vector>

namespace nnplay::gui {

struct GuiOptions {
  std::string experiment_path;  // empty: session or built-in default
  std::string screenshot_path;  // non-empty: render, save PNG (+ .json sidecar), exit
  long train_steps = 0;         // with --screenshot: minibatch steps before the picture
  int width = 0, height = 0;    // 0: pick from the monitor
  bool stats = false;           // print frame-time statistics on exit
  bool no_restore = false;      // ignore the autosaved session
  std::string replay_path;      // input script for end-to-end tests
  std::vector<std::string> views;  // views to show at start ("gradients", "filters", ...)
  std::string lesson_path;      // open this lesson at start (docs/lesson-format.md)
  int lesson_step = 1;          // 1-based step of that lesson to load
  bool help = false;
};

// Throws nnplay::Error with a one-line explanation for anything it does not understand.
GuiOptions parse_gui_args(const std::vector<std::string>& args);
std::string gui_usage();

}  // namespace nnplay::gui
