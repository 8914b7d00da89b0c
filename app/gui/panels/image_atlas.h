// Many small images in one texture, for the image views: the gallery, feature maps and the draw
// pad's preview. Each image pixel becomes zoom x zoom texels, so the texture's linear filtering
// only softens the seams between pixels and a 28x28 digit stays crisp when drawn large.
#pragma once
#include <imgui.h>

#include <vector>

#include "app/gui/gfx/texture.h"

namespace nnplay::gui {

class ImageAtlas {
 public:
  // Starts filling a fresh atlas of `count` tiles of w x h pixels (all black).
  void begin(int count, int w, int h, int zoom);
  // Pixel (x, y) of tile i, row 0 at the top.
  void set(int tile, int x, int y, ImU32 color);
  // Uploads what begin/set filled (main thread, GL context current).
  void upload();
  // Draws tile i stretched over [min, max]; nothing before the first upload.
  void draw(ImDrawList* dl, int tile, ImVec2 min, ImVec2 max) const;
  int count() const { return count_; }
  int tile_width() const { return w_; }
  int tile_height() const { return h_; }

 private:
  Texture tex_;
  std::vector<float> rgba_;  // CPU copy being filled, GL row order (bottom row first)
  int count_ = 0, w_ = 0, h_ = 0, zoom_ = 1, cols_ = 1, rows_ = 1;
  int uploaded_count_ = 0;
};

}  // namespace nnplay::gui
