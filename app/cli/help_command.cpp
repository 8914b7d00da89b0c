#include <cstdio>

#include "app/cli/commands.h"

namespace nnplay::cli {

int print_help() {
  std::printf(R"(nnplay - watch neural networks learn

usage:
  nnplay                          open the playground on the built-in default experiment
                                  (or the session you left last time)
  nnplay gui [EXPERIMENT.json]    open the playground on a file (gui --help for options,
                                  including --screenshot for headless pictures)
  nnplay train EXPERIMENT.json    train without a window and print metrics
  nnplay dump-grads EXPERIMENT.json --out FILE.json
                                  write one minibatch's loss, gradients and updated weights
  nnplay COMMAND --help           options of a command
Examples are in assets/experiments/; the format is in docs/experiment-format.md.
)");
  return 0;
}

}  // namespace nnplay::cli
