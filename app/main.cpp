// nnplay: with no arguments, the playground window on the built-in default experiment;
// otherwise a subcommand. Headless subcommands never create a window or a GL context.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/commands.h"
#include "engine/core/error.h"
#ifdef NNPLAY_WITH_GUI
#include "app/gui/gui_main.h"
#endif

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  try {
    if (cmd == "train") return nnplay::cli::train_command(argc - 2, argv + 2);
    if (cmd == "dump-grads") return nnplay::cli::dump_grads_command(argc - 2, argv + 2);
    if (cmd == "--help" || cmd == "-h" || cmd == "help") return nnplay::cli::print_help();
#ifdef NNPLAY_WITH_GUI
    if (cmd.empty()) return nnplay::gui::gui_command(0, argv + 1);
    if (cmd == "gui") return nnplay::gui::gui_command(argc - 2, argv + 2);
#else
    if (cmd.empty() || cmd == "gui") {
      std::fprintf(stderr, "nnplay: this build has no window (configured with NNPLAY_GUI=OFF)\n");
      return 2;
    }
#endif
    std::fprintf(stderr, "nnplay: unknown command '%s'\n\n", cmd.c_str());
    nnplay::cli::print_help();
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nnplay: %s\n", e.what());
    return 1;
  }
}
