// Back-buffer capture, PNG writing and the sidecar.
#include "app/gui/screenshot.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <stb_image_write.h>  // implementation lives in libstb (pkg-config imgui pulls -lstb)

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "engine/core/error.h"

namespace nnplay::gui {

namespace fs = std::filesystem;
using nlohmann::json;

Image read_back_buffer(int fb_width, int fb_height) {
  Image img;
  img.width = fb_width;
  img.height = fb_height;
  std::vector<uint8_t> raw(size_t(fb_width) * size_t(fb_height) * 3);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, fb_width, fb_height, GL_RGB, GL_UNSIGNED_BYTE, raw.data());
  // OpenGL's row 0 is the bottom; PNG's is the top.
  img.rgb.resize(raw.size());
  const size_t row = size_t(fb_width) * 3;
  for (int y = 0; y < fb_height; ++y)
    std::copy_n(raw.data() + size_t(fb_height - 1 - y) * row, row, img.rgb.data() + size_t(y) * row);
  return img;
}

void write_png(const std::string& path, const Image& image) {
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (!stbi_write_png(path.c_str(), image.width, image.height, 3, image.rgb.data(),
                      image.width * 3))
    throw Error(path + ": cannot write the screenshot (is the folder writable?)");
}

namespace {

json rect_json(const Rect& r, float s) {
  return json::array({std::lround(r.x * s), std::lround(r.y * s), std::lround(r.w * s),
                      std::lround(r.h * s)});
}

json finite_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json snapshot_json(const Snapshot& s) {
  return {{"step", s.step},
          {"epoch", s.epoch},
          {"running", s.running},
          {"diverged", s.diverged},
          {"message", s.message},
          {"train_loss", finite_or_null(s.latest.train_loss)},
          {"val_loss", finite_or_null(s.latest.val_loss)},
          {"train_acc", finite_or_null(s.latest.train_acc)},
          {"val_acc", finite_or_null(s.latest.val_acc)},
          {"history_points", s.history.size()},
          {"grid_ready", s.grid != nullptr}};
}

}  // namespace

void write_sidecar(const std::string& png_path, const Image& image, const Layout& layout,
                   float scale, const Snapshot* snap) {
  json j;
  j["width"] = image.width;
  j["height"] = image.height;
  j["panels"] = {{"controls", rect_json(layout.controls, scale)},
                 {"data", rect_json(layout.data_controls, scale)},
                 {"network", rect_json(layout.network, scale)},
                 {"canvas", rect_json(layout.canvas, scale)},
                 {"curves", rect_json(layout.curves, scale)}};
  if (snap) j["training"] = snapshot_json(*snap);
  std::ofstream out(png_path + ".json", std::ios::trunc);
  out << j.dump(1) << "\n";
  if (!out) throw Error(png_path + ".json: cannot write the screenshot description");
}

std::string timestamped_screenshot_path() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char name[64];
  std::strftime(name, sizeof name, "nnplay-%Y%m%d-%H%M%S.png", &tm);
  const char* home = std::getenv("HOME");
  std::error_code ec;
  if (home && fs::is_directory(fs::path(home) / "Pictures", ec))
    return (fs::path(home) / "Pictures" / name).string();
  return (fs::current_path(ec) / name).string();
}

}  // namespace nnplay::gui
