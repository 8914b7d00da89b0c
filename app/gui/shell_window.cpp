// Window, GL context and ImGui backends.
#include "app/gui/shell_window.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>

#include "engine/core/error.h"

namespace nnplay::gui {

namespace {

volatile std::sig_atomic_t g_quit_signal = 0;  // set by the signal handler only

// Modifiers of each key pressed since the last clear, -1 = not pressed (GLFW key codes);
// main thread only.
std::array<int, GLFW_KEY_LAST + 1> g_key_presses = [] {
  std::array<int, GLFW_KEY_LAST + 1> a{};
  a.fill(-1);
  return a;
}();

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (action == GLFW_PRESS && key >= 0 && key <= GLFW_KEY_LAST) g_key_presses[size_t(key)] = mods;
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void on_signal(int) { g_quit_signal = 1; }

void on_glfw_error(int code, const char* description) {
  std::fprintf(stderr, "nnplay: GLFW error %d: %s\n", code, description);
}

// Without an explicit size: most of the screen, capped at a comfortable 1600x1000 on big
// monitors (the window manager may still maximise it).
void pick_size(int& w, int& h) {
  if (w > 0 && h > 0) return;
  w = 1600;
  h = 1000;
  if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
    if (const GLFWvidmode* mode = glfwGetVideoMode(m)) {
      w = std::min(w, int(mode->width * 0.92));
      h = std::min(h, int(mode->height * 0.88));
    }
  }
}

}  // namespace

GLFWwindow* open_window(const WindowOptions& o) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit())
    throw Error("cannot open a window: no display found (is DISPLAY set? for a headless machine, "
                "run under xvfb-run)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  int w = o.width, h = o.height;
  pick_size(w, h);
  GLFWwindow* window = glfwCreateWindow(w, h, o.title.c_str(), nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    throw Error("cannot create an OpenGL 3.3 core window (is the graphics driver too old?)");
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);  // vsync
  return window;
}

void init_imgui(GLFWwindow* window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout lives in the session file
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

void shutdown_imgui_and_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

float window_content_scale(GLFWwindow* window) {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window, &x, &y);
  return std::clamp(x, 0.5f, 4.0f);
}

float framebuffer_scale(GLFWwindow* window) {
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window, &ww, &wh);
  glfwGetFramebufferSize(window, &fw, &fh);
  return ww > 0 ? float(fw) / float(ww) : 1.0f;
}

void render_frame(GLFWwindow* window, PanelCache& cache, const std::vector<CachedPanel>& panels,
                  double now, bool whole) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  // The panels' background (they draw none themselves, see layout.h).
  const ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  cache.render(ImGui::GetDrawData(), panels, c, now, whole);
}

void install_key_latch(GLFWwindow* window) { glfwSetKeyCallback(window, on_key); }

int key_press_mods(int glfw_key) {
  return glfw_key >= 0 && glfw_key <= GLFW_KEY_LAST ? g_key_presses[size_t(glfw_key)] : -1;
}

void clear_key_presses() { g_key_presses.fill(-1); }

void install_quit_signals() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

bool quit_signal_received() { return g_quit_signal != 0; }

}  // namespace nnplay::gui
