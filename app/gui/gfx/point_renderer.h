// Draws many small markers (the data points) in one call with shaders/points.{vert,frag}:
// tessellated ImGui circles cost software rasterisers (llvmpipe) ~100 triangles each, a
// point sprite costs one vertex. Collect with add(), queue with draw(); main thread only.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/gfx/shader.h"

namespace nnplay::gui {

enum class MarkerShape : uint8_t { Disc = 0, Ring = 1, Square = 2 };

class PointRenderer {
 public:
  PointRenderer();  // compiles the shaders (file first, then the built-in copy)
  ~PointRenderer();
  PointRenderer(const PointRenderer&) = delete;
  PointRenderer& operator=(const PointRenderer&) = delete;

  void clear() { vertices_.clear(); }
  void add(ImVec2 screen, ImU32 color, MarkerShape shape);
  // Queues the collected markers (radius in pixels, outline colour) into the draw list; they
  // are drawn in order with the list's other items, clipped to its current clip rect.
  void draw(ImDrawList* list, float radius, ImU32 outline);

  bool ready() const { return program_.ok(); }
  const std::string& error() const { return error_; }

  // Draws what draw() queued; called by ImGui's backend from the draw list (queue_render).
  void render(const ImDrawCmd* cmd);

 private:
  struct Vertex {
    float x, y;       // normalised device coordinates
    uint32_t color;   // ImU32 (RGBA bytes)
    float shape;
  };

  ShaderProgram program_;
  std::string error_;
  unsigned vao_ = 0, vbo_ = 0;
  std::vector<Vertex> vertices_;   // being collected
  std::vector<Vertex> queued_;     // what the callback draws
  float radius_ = 4;
  ImU32 outline_ = 0;
};

}  // namespace nnplay::gui
