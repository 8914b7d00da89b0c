// `nnplay gui`: choose the document (file, autosaved session or the default), open the window
// and run the loop of imgui's example_glfw_opengl3: poll, new frame, UI, render, swap. Also
// the test modes: --screenshot (train N steps, capture, exit), --replay (scripted input) and
// --stats (frame-time statistics).
#include "app/gui/gui_main.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/gui/app_state.h"
#include "app/gui/fonts.h"
#include "app/gui/frame_stats.h"
#include "app/gui/recent_files.h"
#include "app/gui/screenshot.h"
#include "app/gui/shell_frame.h"
#include "app/gui/shell_replay_player.h"
#include "app/gui/shell_window.h"
#include "app/gui/logic/shell_args.h"
#include "app/gui/theme/palette.h"
#include "engine/core/error.h"

namespace nnplay::gui {

namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;
constexpr double kScreenshotTimeout = 300.0;

// --screenshot: train, wait until boundary and curves show the final state, then capture.
// Steps go out in about kChunks pieces, one per frame, so the curves get a point per piece
// instead of one jump.
struct ScreenshotJob {
  static constexpr long kChunks = 60;
  std::string path;
  long steps = 0, sent = 0;
  int frame = 0, settled = 0;
  long compare_sent = 0;  // the compare view's runs train the same steps, in pieces too
};

struct Shell {
  GuiOptions options;
  AppState state;
  GLFWwindow* window = nullptr;
  Layout layout;
  FrameClock clock;
  std::optional<ReplayPlayer> replay;
  std::optional<ScreenshotJob> job;
  PanelCache panel_cache;
  std::chrono::steady_clock::time_point next_frame{};  // the frame limiter's schedule
  bool fonts_dirty = true, style_dirty = true;
  int exit_code = 0;
  std::string title;  // window title shown now
};

float ui_scale(const AppState& s) { return s.prefs.scale * s.content_scale; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read the replay script");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Picks the first document: the file given, else the session, else the built-in default.
// Problems become a modal over whatever did open (or a non-zero exit for --screenshot).
bool choose_document(Shell& sh) {
  AppState& s = sh.state;
  const GuiOptions& o = sh.options;
  std::optional<Session> session;
  if (!o.no_restore && o.screenshot_path.empty()) {
    std::string problem;
    session = load_session(session_path(), &problem);
    if (!problem.empty()) show_modal(s, "The last session could not be restored", problem);
    if (session) {
      s.prefs = session->ui;
      palette().scheme = session->ui.scheme == 1 ? Scheme::HighContrast : Scheme::OkabeIto;
    }
  }
  if (!o.experiment_path.empty()) {
    if (!o.screenshot_path.empty()) {  // scripted: fail loudly instead of showing a dialog
      if (!open_document(s, load_experiment(o.experiment_path), o.experiment_path))
        throw Error(s.modal_text);
      return true;
    }
    if (open_file(s, o.experiment_path)) return true;
  } else if (session && session->experiment &&
             open_document(s, *session->experiment, session->document_path)) {
    s.dirty = session->dirty;
    return true;
  }
  return open_document(s, default_experiment(), "");
}

void capture(Shell& sh, const std::string& path) {
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(sh.window, &fw, &fh);
  const Image img = read_back_buffer(fw, fh);
  write_png(path, img);
  write_sidecar(path, img, sh.layout, framebuffer_scale(sh.window), sh.state.snap.get());
}

// Sends the next piece of training when the previous one is done.
void send_steps(ScreenshotJob& j, AppState& s) {
  const Snapshot* snap = s.snap.get();
  if (j.sent >= j.steps || !snap || snap->running || snap->diverged || snap->step < j.sent) return;
  const long chunk = std::min(j.steps - j.sent, std::max(1L, j.steps / ScreenshotJob::kChunks));
  send(s, cmd::Step{int(chunk)});
  j.sent += chunk;
}

// Returns true on the frame to capture.
bool screenshot_tick(Shell& sh, double now) {
  ScreenshotJob& j = *sh.job;
  AppState& s = sh.state;
  if (++j.frame < 2) return false;  // the canvas sends its grid request in the first frame
  send_steps(j, s);
  CompareRuns& runs = s.compare.runs;
  runs.refresh();
  bool compare_idle = true, compare_done = true;
  for (const CompareRun& r : runs.runs()) {
    if (!r.trainer) continue;
    if (!r.snap || r.snap->running || r.snap->step < j.compare_sent) compare_idle = false;
    if (!r.snap || r.snap->running || r.snap->step < j.steps) compare_done = false;
  }
  if (compare_idle && !runs.empty() && j.compare_sent < j.steps) {
    const long chunk = std::min(j.steps - j.compare_sent, std::max(1L, j.steps / ScreenshotJob::kChunks));
    runs.step_all(int(chunk));
    j.compare_sent += chunk;
    compare_done = false;
  }
  const Snapshot* snap = s.snap.get();
  // A run that diverged stops early (the divergence guard pauses it): picture it as it is.
  const bool trained = snap && !snap->running &&
                       ((j.sent >= j.steps && snap->step >= j.steps) || snap->diverged);
  // Image networks get no decision grid: nothing to wait for.
  const bool grid_current = is_image_experiment(s.exp) ||
                            (snap && snap->grid && snap->grid->params_version == snap->params_version);
  if (!trained || !grid_current || !compare_done) {
    j.settled = 0;
    if (now > kScreenshotTimeout) throw Error("--screenshot: training or the boundary did not finish in time");
    return false;
  }
  return ++j.settled >= 3;  // a few frames so textures and curves show the final snapshot
}

void prepare_frame(Shell& sh) {
  AppState& s = sh.state;
  s.content_scale = window_content_scale(sh.window);
  if (sh.fonts_dirty) {
    build_fonts(ui_scale(s), true);
    sh.fonts_dirty = false;
    sh.style_dirty = true;
  }
  if (sh.style_dirty) {
    apply_style(ui_scale(s), s.prefs.light_theme);
    sh.style_dirty = false;
  }
}

// Replay input for this frame; false when the script failed or asked to quit before drawing.
std::optional<std::string> feed_replay(Shell& sh, double now, bool& quit) {
  if (!sh.replay) return std::nullopt;
  const ReplayRequests r = sh.replay->before_frame(ImGui::GetIO(), sh.layout, sh.state.snap.get(), now);
  if (!r.error.empty()) {
    std::fprintf(stderr, "nnplay: %s\n", r.error.c_str());
    sh.exit_code = 1;
    quit = true;
  }
  if (r.save && !save_file(sh.state, *r.save)) {
    std::fprintf(stderr, "nnplay: replay: could not save %s: %s\n", r.save->c_str(),
                 sh.state.modal_text.c_str());
    sh.exit_code = 1;
  }
  if (r.quit) quit = true;
  return r.screenshot;
}

// "nnplay - circle.json *": the task bar tells which document is open and whether it is saved.
void update_title(Shell& sh) {
  const AppState& s = sh.state;
  std::string t = "nnplay - " + (s.path.empty() ? s.exp.name : s.path) + (s.dirty ? " *" : "");
  if (t == sh.title) return;
  sh.title = t;
  glfwSetWindowTitle(sh.window, t.c_str());
}

void after_frame(Shell& sh, const FrameRequests& fr, double now) {
  AppState& s = sh.state;
  update_title(sh);
  if (fr.rebuild_fonts) sh.fonts_dirty = true;
  if (fr.restyle) {
    sh.style_dirty = true;
    s.prefs.scheme = palette().scheme == Scheme::HighContrast ? 1 : 0;
  }
  autosave_session(s, now, false);
  // Without working vsync (e.g. Xvfb) sleep out the frame, leaving the CPU to training. Frames
  // keep to a fixed 60 Hz schedule (a late wake-up shortens the next sleep instead of adding
  // up); the last fraction of a millisecond is waited out awake, since sleeps overshoot.
  using Clock = std::chrono::steady_clock;
  const auto now_t = Clock::now();
  const auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kFrameSeconds));
  sh.next_frame += period;
  // A late frame starts the next one at once (no catching up with a burst of frames).
  if (sh.next_frame < now_t || sh.next_frame > now_t + 2 * period) sh.next_frame = now_t;
  std::this_thread::sleep_until(sh.next_frame - std::chrono::microseconds(300));
  // No yield() here: it can hand the core to a background training thread for a whole tick.
  while (Clock::now() < sh.next_frame) {
  }
}

// The fixed panels (window names as the shell creates them) and the menu bar, for the cache.
std::vector<CachedPanel> cached_panels(const Shell& sh) {
  const Layout& l = sh.layout;
  const float menu_h = l.controls.y > 0 ? l.controls.y : ImGui::GetFrameHeight();
  return {{"##MainMenuBar", Rect{0, 0, ImGui::GetIO().DisplaySize.x, menu_h}},
          {"Training", l.controls},
          {"###left", l.data_controls},
          {"Network", l.network},
          {"###canvas", l.canvas},
          {"###curves", l.curves}};
}

void one_frame(Shell& sh, bool& quit) {
  const double now = glfwGetTime();
  prepare_frame(sh);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // A scripted screenshot has no mouse: the pointer parked over a panel would show a tooltip.
  if (sh.job && !sh.replay) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  const auto replay_shot = feed_replay(sh, now, quit);
  ImGui::NewFrame();
  const FrameRequests fr = draw_frame(sh.state, sh.layout, now);
  const bool job_shot = sh.job && screenshot_tick(sh, now);
  render_frame(sh.window, sh.panel_cache, cached_panels(sh), now,
               job_shot || replay_shot.has_value() || fr.screenshot);
  if (replay_shot) capture(sh, *replay_shot);
  if (fr.screenshot) {
    const std::string path = timestamped_screenshot_path();
    capture(sh, path);
    notify(sh.state, "Screenshot saved to " + path, now, 4.0);
  }
  if (job_shot) {
    capture(sh, sh.job->path);
    quit = true;
  }
  glfwSwapBuffers(sh.window);
  clear_key_presses();
  sh.clock.work_done();
  if (fr.quit) quit = true;
  after_frame(sh, fr, now);
}

void run_loop(Shell& sh) {
  bool quit = false;
  while (!quit && !glfwWindowShouldClose(sh.window)) {
    sh.clock.frame_start();
    glfwPollEvents();
    if (quit_signal_received()) break;
    if (glfwGetWindowAttrib(sh.window, GLFW_ICONIFIED)) {
      glfwWaitEventsTimeout(0.1);  // minimised: nothing to draw; training carries on
      continue;
    }
    one_frame(sh, quit);
  }
}

int run_window(Shell& sh) {
  WindowOptions wo;
  wo.width = sh.options.width;
  wo.height = sh.options.height;
  sh.window = open_window(wo);
  init_imgui(sh.window);
  sh.panel_cache.init();
  install_key_latch(sh.window);
  install_quit_signals();
  int status = 0;
  try {
    sh.state.content_scale = window_content_scale(sh.window);
    if (!choose_document(sh)) throw Error("could not start even the default experiment");
    for (const std::string& v : sh.options.views) select_view_by_name(sh.state.views, v);
    if (!sh.options.lesson_path.empty() && !open_lesson(sh.state, sh.options.lesson_path, sh.options.lesson_step - 1, !sh.job)) throw Error(sh.state.lesson.error);
    run_loop(sh);
    status = sh.exit_code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nnplay: %s\n", e.what());
    status = 1;
  }
  if (!sh.job && sh.state.trainer) autosave_session(sh.state, glfwGetTime(), true);
  if (sh.options.stats) {
    std::printf("nnplay gui --stats: %s\n", sh.clock.report().c_str());
    const long draws = sh.panel_cache.panel_draws(), reuses = sh.panel_cache.panel_reuses();
    if (sh.panel_cache.active())
      std::printf("nnplay gui --stats: panel cache on: %ld panel draws, %ld kept from the frame before\n",
                  draws, reuses);
    else
      std::printf("nnplay gui --stats: panel cache off (hardware renderer, or NNPLAY_PANEL_CACHE=0)\n");
  }
  release_canvas_gl(sh.state.canvas);
  release_network_panel(sh.state.network);
  sh.state.trainer.reset();
  shutdown_imgui_and_window(sh.window);
  return status;
}

}  // namespace

int gui_command(int argc, char** argv) {
  Shell sh;
  try {
    sh.options = parse_gui_args(std::vector<std::string>(argv, argv + argc));
  } catch (const Error& e) {
    std::fprintf(stderr, "nnplay gui: %s\n", e.what());
    return 2;
  }
  if (sh.options.help) {
    std::fputs(gui_usage().c_str(), stdout);
    return 0;
  }
  try {
    if (!sh.options.replay_path.empty())
      sh.replay.emplace(parse_replay(read_text(sh.options.replay_path), sh.options.replay_path));
    if (!sh.options.screenshot_path.empty())
      sh.job = ScreenshotJob{sh.options.screenshot_path, sh.options.train_steps};
    sh.state.autosave = !sh.job;  // scripted screenshots never touch the user's session
    sh.state.recent = load_recent(recent_path());
    return run_window(sh);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nnplay gui: %s\n", e.what());
    return 1;
  }
}

}  // namespace nnplay::gui
