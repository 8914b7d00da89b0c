// Draws the network's decision grid (Snapshot::grid) as a textured quad with the boundary
// shader, inside ImGui's draw list (an ImDrawList callback followed by ResetRenderState).
// Uploads the grid to float textures only when a new grid arrives. Main thread only.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

#include "app/gui/gfx/shader.h"
#include "app/gui/gfx/texture.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

enum class BoundaryMode { Binary = 0, MultiClass = 1, Regression = 2 };

struct BoundaryStyle {
  BoundaryMode mode = BoundaryMode::Binary;
  int binary_channel = 0;  // Binary: which output is P(class 1) (1 for two softmax outputs)
  bool discretize = false;
  float value_lo = -1, value_hi = 1;  // Regression: the data's value range
  float strength = 0.7f;              // 0..1: how saturated the background gets
  float threshold = 0.5f;             // Binary: class 1 where P(class 1) >= threshold
  bool operator==(const BoundaryStyle&) const = default;
};

// How to colour `grid` for a run of `task`; false when it cannot be drawn (e.g. > 8 outputs).
bool boundary_mode_for(const DecisionGrid& grid, Task task, BoundaryStyle& style);

class BoundaryRenderer {
 public:
  BoundaryRenderer();  // compiles shaders/boundary.{vert,frag} (or the built-in copy)
  ~BoundaryRenderer();
  BoundaryRenderer(const BoundaryRenderer&) = delete;
  BoundaryRenderer& operator=(const BoundaryRenderer&) = delete;

  // Keeps `grid` and uploads it when it differs from the last one (pointer or parameters).
  void set_grid(const std::shared_ptr<const DecisionGrid>& grid);
  const DecisionGrid* grid() const { return grid_.get(); }

  // Queues drawing the grid into the screen rectangle [p_min, p_max] (where the grid's world
  // rectangle lies on screen now), clipped to the draw list's current clip rect.
  void draw(ImDrawList* list, ImVec2 p_min, ImVec2 p_max, const BoundaryStyle& style);

  // A shader problem worth showing (file name and compiler log); empty when all is well.
  const std::string& error() const { return error_; }
  bool ready() const { return program_.ok(); }

  // Draws what draw() queued; called by ImGui's backend from the draw list (queue_render).
  void render(const ImDrawCmd* cmd);

 private:
  void set_uniforms();
  void build_program();

  ShaderProgram program_;
  std::string error_;
  Texture values0_, values1_;  // outputs 0..3 and 4..7
  unsigned vao_ = 0, vbo_ = 0;
  std::shared_ptr<const DecisionGrid> grid_;
  uint64_t uploaded_version_ = 0;
  // What the next callback draws (set by draw(); read during ImGui's render).
  BoundaryStyle style_;
  float quad_[16] = {};  // 4 vertices: x, y (NDC), u, v
};

}  // namespace nnplay::gui
