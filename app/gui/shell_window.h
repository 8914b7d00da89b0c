// The GLFW window, its OpenGL 3.3 core context and Dear ImGui's GLFW + OpenGL3 backends, set up
// and torn down in the order of imgui's example_glfw_opengl3.
#pragma once
#include <string>
#include <vector>

#include "app/gui/gfx/panel_cache.h"

struct GLFWwindow;

namespace nnplay::gui {

struct WindowOptions {
  int width = 0, height = 0;  // 0: from the monitor
  std::string title = "nnplay";
};

// Throws nnplay::Error with a hint when there is no display or no OpenGL 3.3.
GLFWwindow* open_window(const WindowOptions& o);
// ImGui context + backends; no .ini file (the shell keeps its own layout).
void init_imgui(GLFWwindow* window);
void shutdown_imgui_and_window(GLFWwindow* window);

// The monitor's DPI factor for this window (1 on ordinary screens).
float window_content_scale(GLFWwindow* window);
// Framebuffer pixels per window unit (2 on some HiDPI setups).
float framebuffer_scale(GLFWwindow* window);

// Renders ImGui's draw data into the back buffer, on the panel colour, through the panel cache
// (see gfx/panel_cache.h; `whole` draws every panel anew, for screenshots).
void render_frame(GLFWwindow* window, PanelCache& cache, const std::vector<CachedPanel>& panels,
                  double now, bool whole);

// ImGui 1.86 reads keys as "down at NewFrame", so a press and release inside one frame (a quick
// tap, a presenter's clicker, xdotool) is lost. The latch remembers presses since the last
// clear_key_presses(); shortcuts check it as well as ImGui's state.
void install_key_latch(GLFWwindow* window);
// -1 if glfw_key was not pressed since the last clear, else the GLFW modifier bits it came with.
int key_press_mods(int glfw_key);
void clear_key_presses();

// Ctrl+C / SIGTERM ask the loop to close the window (so the session is saved) instead of
// killing the process.
void install_quit_signals();
bool quit_signal_received();

}  // namespace nnplay::gui
