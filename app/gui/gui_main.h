// Entry point of the window: `nnplay gui [EXPERIMENT.json] [options]` and plain `nnplay`.
// Opens a GLFW/OpenGL 3.3 window with Dear ImGui, runs the Trainer behind it, and also serves
// the headless-ish modes used by tests (--screenshot, --replay, --stats).
#pragma once

namespace nnplay::gui {

// `nnplay gui [EXPERIMENT.json] [--screenshot OUT.png] [--train-steps N] [--size WxH] [--stats]
// [--no-restore] [--replay FILE]`, and `nnplay` with no arguments (argc == 0: the autosaved
// session if there is one, else nnplay::default_experiment()). argv excludes the program name
// and the word "gui". Returns the process exit status. Prints its own --help.
int gui_command(int argc, char** argv);

}  // namespace nnplay::gui
