// The headless subcommands of the nnplay binary. Each returns the process exit status.
#pragma once

namespace nnplay::cli {

int train_command(int argc, char** argv);
int dump_grads_command(int argc, char** argv);
int print_help();

}  // namespace nnplay::cli
