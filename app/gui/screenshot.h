// Screenshots: the back buffer as PNG (stb_image_write), plus a JSON sidecar naming where each
// panel is and what the training state was, so tests can check pixels where they matter.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/logic/layout_math.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // top row first
};

// Reads the current GL back buffer (after rendering, before swapping), flipped so row 0 is the
// top of the window.
Image read_back_buffer(int fb_width, int fb_height);
// Throws nnplay::Error when the file cannot be written.
void write_png(const std::string& path, const Image& image);

// Writes <png>.json: image size, panel rectangles in image pixels (layout is in window
// coordinates; scale converts to framebuffer pixels), and the snapshot's step/epoch/metrics.
void write_sidecar(const std::string& png_path, const Image& image, const Layout& layout,
                   float scale, const Snapshot* snap);

// ~/Pictures/nnplay-YYYYMMDD-HHMMSS.png when ~/Pictures exists, else the current folder.
std::string timestamped_screenshot_path();

}  // namespace nnplay::gui
