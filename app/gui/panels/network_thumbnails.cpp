// Neuron thumbnail textures; see network_thumbnails.h.
#include "app/gui/gfx/content_generation.h"
#include "app/gui/panels/network_thumbnails.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/gui/theme/palette.h"
#include "engine/data/features.h"

namespace nnplay::gui {

ThumbScale thumb_scale_for(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::Tanh: return ThumbScale::Symmetric;
    case ActivationKind::Sigmoid:
    case ActivationKind::Softmax: return ThumbScale::UnitInterval;
    default: return ThumbScale::PerNeuronMax;
  }
}

namespace {

// Maps one neuron's values to [-1, 1] for the diverging palette.
float display_value(float v, ThumbScale scale, float max_abs) {
  switch (scale) {
    case ThumbScale::Symmetric: return v;
    case ThumbScale::UnitInterval: return 2 * v - 1;
    case ThumbScale::PerNeuronMax: return max_abs > 0 ? v / max_abs : 0;
  }
  return v;
}

void paint_tile(std::vector<uint32_t>& pixels, int width, int x0, int y0, int res,
                const std::vector<float>& img, ThumbScale scale) {
  float max_abs = 0;
  for (float v : img) max_abs = std::max(max_abs, std::isfinite(v) ? std::fabs(v) : 0.0f);
  const Palette& pal = palette();
  for (int j = 0; j < res; ++j)
    for (int i = 0; i < res; ++i) {
      const size_t k = size_t(j) * res + i;
      const float v = k < img.size() && std::isfinite(img[k]) ? img[k] : 0;
      pixels[size_t(y0 + j) * width + x0 + i] = pal.diverging_u32(display_value(v, scale, max_abs));
    }
}

}  // namespace

NetworkThumbnails::~NetworkThumbnails() { release(); }

void NetworkThumbnails::release() {
  for (Atlas& a : atlases_)
    if (a.tex) glDeleteTextures(1, &a.tex);
  atlases_.clear();
}

void NetworkThumbnails::truncate(int count) {
  for (int i = std::max(0, count); i < static_cast<int>(atlases_.size()); ++i)
    if (atlases_[i].tex) glDeleteTextures(1, &atlases_[i].tex);
  if (count < static_cast<int>(atlases_.size())) atlases_.resize(std::max(0, count));
}

void NetworkThumbnails::invalidate(int first) {
  for (int i = std::max(0, first); i < static_cast<int>(atlases_.size()); ++i) atlases_[i].tiles = 0;
}

void NetworkThumbnails::upload(int col, const std::vector<std::vector<float>>& images, int res,
                               ThumbScale scale) {
  if (col < 0 || res <= 0) return;
  if (col >= static_cast<int>(atlases_.size())) atlases_.resize(col + 1);
  Atlas& a = atlases_[col];
  a.tiles = static_cast<int>(images.size());
  if (a.tiles == 0) return;
  // A square-ish atlas stays under the GL size limit even for 512 neurons.
  a.cols = static_cast<int>(std::ceil(std::sqrt(double(a.tiles))));
  a.res = res;
  a.width = a.cols * res;
  a.height = ((a.tiles + a.cols - 1) / a.cols) * res;
  std::vector<uint32_t> pixels(size_t(a.width) * a.height, 0);
  for (int t = 0; t < a.tiles; ++t)
    paint_tile(pixels, a.width, (t % a.cols) * res, (t / a.cols) * res, res, images[t], scale);
  if (!a.tex) {
    glGenTextures(1, &a.tex);
    glBindTexture(GL_TEXTURE_2D, a.tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  glBindTexture(GL_TEXTURE_2D, a.tex);
  bump_content_generation();
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, a.width, a.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               pixels.data());
  glBindTexture(GL_TEXTURE_2D, 0);
}

bool NetworkThumbnails::tile(int col, int t, ImTextureID& tex, ImVec2& uv0, ImVec2& uv1) const {
  if (col < 0 || col >= static_cast<int>(atlases_.size())) return false;
  const Atlas& a = atlases_[col];
  if (!a.tex || t < 0 || t >= a.tiles) return false;
  tex = (ImTextureID)(intptr_t)a.tex;
  // Half a texel in from the tile's edge so linear filtering never blends in a neighbour.
  const float x0 = (t % a.cols) * a.res + 0.5f, y0 = (t / a.cols) * a.res + 0.5f;
  const float x1 = x0 + a.res - 1.0f, y1 = y0 + a.res - 1.0f;
  // Row 0 of an image is y_min, which belongs at the bottom of the square.
  uv0 = ImVec2(x0 / a.width, y1 / a.height);
  uv1 = ImVec2(x1 / a.width, y0 / a.height);
  return true;
}

std::vector<std::vector<float>> feature_images(const GridRequest& box, int res) {
  const int n = res * res;
  std::vector<double> x1(n), x2(n);
  for (int j = 0; j < res; ++j)
    for (int i = 0; i < res; ++i) {
      x1[j * res + i] = box.x_min + (box.x_max - box.x_min) * (i + 0.5) / res;
      x2[j * res + i] = box.y_min + (box.y_max - box.y_min) * (j + 0.5) / res;
    }
  Matrix out;
  apply_features(feature_names(), x1.data(), x2.data(), n, out);
  std::vector<std::vector<float>> images(out.cols(), std::vector<float>(n));
  for (Eigen::Index f = 0; f < out.cols(); ++f)
    for (int k = 0; k < n; ++k) images[f][k] = static_cast<float>(out(k, f));
  return images;
}

}  // namespace nnplay::gui
