// GL textures behind the neuron thumbnails: one RGBA atlas per diagram column, tiles of
// res x res pixels coloured with the diverging palette. Main thread only (GL).
#pragma once
#include <imgui.h>

#include <vector>

#include "engine/nn/activation.h"
#include "engine/nn/loss.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// How raw activation values become colours in [-1, 1]: bounded activations by their range
// (tanh as is, sigmoid and probabilities stretched from 0..1), unbounded ones by the largest
// |value| of that neuron, so every thumbnail uses the full colour range.
enum class ThumbScale { Symmetric, UnitInterval, PerNeuronMax };
ThumbScale thumb_scale_for(ActivationKind kind);

class NetworkThumbnails {
 public:
  NetworkThumbnails() = default;
  ~NetworkThumbnails();
  NetworkThumbnails(const NetworkThumbnails&) = delete;
  NetworkThumbnails& operator=(const NetworkThumbnails&) = delete;

  // Replaces column `col`'s atlas with these images (each res*res, row 0 = y_min).
  void upload(int col, const std::vector<std::vector<float>>& images, int res, ThumbScale scale);
  // Drops the atlases of columns from `count` on (the network got shorter).
  void truncate(int count);
  // Forgets the tiles of columns from `first` on (their layers changed) without freeing GL names.
  void invalidate(int first);
  // Texture and UVs of tile `tile` in column `col`, flipped so y grows upwards on screen.
  bool tile(int col, int tile, ImTextureID& tex, ImVec2& uv0, ImVec2& uv1) const;
  void release();  // deletes every texture (needs the GL context)

 private:
  struct Atlas {
    unsigned tex = 0;
    int tiles = 0, cols = 0, res = 0, width = 0, height = 0;
  };
  std::vector<Atlas> atlases_;
};

// The images of the 7 input features over the grid's box (all of them, on or off).
std::vector<std::vector<float>> feature_images(const GridRequest& box, int res);

}  // namespace nnplay::gui
