#include "app/gui/panels/image_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace nnplay::gui {

namespace {
constexpr int kGap = 1;  // texels between tiles, so filtering never bleeds a neighbour in
}

void ImageAtlas::begin(int count, int w, int h, int zoom) {
  count_ = std::max(0, count);
  w_ = std::max(1, w);
  h_ = std::max(1, h);
  zoom_ = std::max(1, zoom);
  const int tw = w_ * zoom_ + kGap, th = h_ * zoom_ + kGap;
  // Roughly square, within the 4096-texel limit every GL 3.3 driver supports.
  cols_ = std::clamp(static_cast<int>(std::ceil(std::sqrt(double(std::max(1, count_))))), 1, 4096 / tw);
  rows_ = std::max(1, (count_ + cols_ - 1) / cols_);
  rgba_.assign(size_t(cols_ * tw) * (rows_ * th) * 4, 0.0f);
  for (size_t i = 3; i < rgba_.size(); i += 4) rgba_[i] = 1.0f;
}

void ImageAtlas::set(int tile, int x, int y, ImU32 color) {
  if (tile < 0 || tile >= count_ || x < 0 || y < 0 || x >= w_ || y >= h_) return;
  const int tw = w_ * zoom_ + kGap, th = h_ * zoom_ + kGap;
  const int width = cols_ * tw, height = rows_ * th;
  const int x0 = (tile % cols_) * tw + x * zoom_;
  const int y0 = (tile / cols_) * th + y * zoom_;
  const float c[4] = {float((color >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f,
                      float((color >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                      float((color >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f,
                      float((color >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f};
  for (int j = 0; j < zoom_; ++j) {
    const int gl_row = height - 1 - (y0 + j);  // GL's row 0 is the bottom
    float* p = &rgba_[(size_t(gl_row) * width + x0) * 4];
    for (int i = 0; i < zoom_; ++i, p += 4) std::copy(c, c + 4, p);
  }
}

void ImageAtlas::upload() {
  if (count_ == 0) return;
  const int tw = w_ * zoom_ + kGap, th = h_ * zoom_ + kGap;
  tex_.upload_rgba32f(cols_ * tw, rows_ * th, rgba_.data());
  uploaded_count_ = count_;
}

void ImageAtlas::draw(ImDrawList* dl, int tile, ImVec2 min, ImVec2 max) const {
  if (tile < 0 || tile >= uploaded_count_ || tex_.id() == 0) return;
  const int tw = w_ * zoom_ + kGap, th = h_ * zoom_ + kGap;
  const float width = float(tex_.width()), height = float(tex_.height());
  const float u0 = float((tile % cols_) * tw) / width;
  const float u1 = u0 + float(w_ * zoom_) / width;
  // Texture v runs bottom-up; the tile's top row sits at the higher v.
  const float top = float((tile / cols_) * th);
  const float v0 = 1.0f - top / height;
  const float v1 = 1.0f - (top + float(h_ * zoom_)) / height;
  dl->AddImage((ImTextureID)(intptr_t)tex_.id(), min, max, ImVec2(u0, v0), ImVec2(u1, v1));
}

}  // namespace nnplay::gui
