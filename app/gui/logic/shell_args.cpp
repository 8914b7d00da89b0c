// Parsing of `nnplay gui` options.
#include "app/gui/logic/shell_args.h"

#include <charconv>

#include "app/gui/views.h"
#include "engine/core/error.h"

namespace nnplay::gui {

namespace {

long parse_count(const std::string& flag, const std::string& text) {
  long v = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0)
    throw Error(flag + ": expected a whole number >= 0, got '" + text + "'");
  return v;
}

void parse_size(const std::string& text, GuiOptions& o) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos) throw Error("--size: expected WIDTHxHEIGHT, got '" + text + "'");
  const long w = parse_count("--size", text.substr(0, x));
  const long h = parse_count("--size", text.substr(x + 1));
  if (w < 320 || h < 240 || w > 16384 || h > 16384)
    throw Error("--size: expected between 320x240 and 16384x16384, got '" + text + "'");
  o.width = int(w);
  o.height = int(h);
}

}  // namespace

GuiOptions parse_gui_args(const std::vector<std::string>& args) {
  GuiOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw Error(a + ": missing value");
      return args[++i];
    };
    if (a == "-h" || a == "--help") o.help = true;
    else if (a == "--screenshot") o.screenshot_path = value();
    else if (a == "--train-steps") o.train_steps = parse_count(a, value());
    else if (a == "--size") parse_size(value(), o);
    else if (a == "--stats") o.stats = true;
    else if (a == "--no-restore") o.no_restore = true;
    else if (a == "--replay") o.replay_path = value();
    else if (a == "--view") {
      ViewSelection probe;
      const std::string& name = value();
      if (!select_view_by_name(probe, name))
        throw Error("--view: no view called '" + name + "' (" + view_names_list() + ")");
      o.views.push_back(name);
    }
    else if (a == "--lesson") o.lesson_path = value();
    else if (a == "--lesson-step") {
      const long k = parse_count(a, value());
      if (k < 1 || k > 1000) throw Error("--lesson-step: expected a step number from 1, got " + std::to_string(k));
      o.lesson_step = int(k);
    }
    else if (!a.empty() && a[0] == '-') throw Error("unknown option '" + a + "' (see nnplay gui --help)");
    else if (o.experiment_path.empty()) o.experiment_path = a;
    else throw Error("only one experiment file can be opened, got '" + o.experiment_path +
                     "' and '" + a + "'");
  }
  if (o.lesson_step != 1 && o.lesson_path.empty())
    throw Error("--lesson-step needs --lesson FILE");
  if (o.train_steps > 0 && o.screenshot_path.empty())
    throw Error("--train-steps only makes sense with --screenshot");
  return o;
}

std::string gui_usage() {
  return "usage: nnplay gui [EXPERIMENT.json] [options]\n"
         "       nnplay            (the window with your last session, or the default experiment)\n"
         "\n"
         "Opens the interactive playground: draw data, build a network, watch it learn.\n"
         "\n"
         "options:\n"
         "  --screenshot OUT.png  render the window, save it as PNG (and OUT.png.json with the\n"
         "                        panel rectangles and training state), then exit\n"
         "  --train-steps N       with --screenshot: train N minibatch steps first\n"
         "  --size WxH            window size in pixels (default: fits the screen)\n"
         "  --stats               print frame-time statistics (mean, p99) on exit\n"
         "  --no-restore          start fresh instead of restoring the autosaved session\n"
         "  --replay FILE         play a script of input events (for end-to-end tests)\n"
         "  --view NAME           show this view at start (repeatable): " + view_names_list() + "\n"
         "  --lesson FILE         open this lesson (assets/lessons/*.json) and load its first step\n"
         "  --lesson-step N       with --lesson: load step N (from 1) instead\n"
         "  -h, --help            this text\n"
         "\n"
         "keys: Space play/pause, S one step, R reset (new weights), Shift+R replay the same\n"
         "initial weights, Ctrl+S save, Ctrl+O open, Ctrl+= / Ctrl+- interface size, F12 screenshot\n";
}

}  // namespace nnplay::gui
