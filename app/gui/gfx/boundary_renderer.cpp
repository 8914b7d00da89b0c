// Decision-boundary rendering (see boundary_renderer.h).
#include "app/gui/gfx/boundary_renderer.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/gui/gfx/content_generation.h"
#include "app/gui/gfx/draw_callback.h"
#include "app/gui/gfx/gl.h"
#include "app/gui/logic/embedded_shaders.h"
#include "app/gui/theme/palette.h"

namespace nnplay::gui {

namespace {

int grid_resolution(const DecisionGrid& g) {
  if (g.outputs <= 0) return 0;
  const size_t cells = g.values.size() / static_cast<size_t>(g.outputs);
  const int res = static_cast<int>(std::lround(std::sqrt(static_cast<double>(cells))));
  return size_t(res) * size_t(res) == cells ? res : 0;
}

// Packs outputs [first, first + 4) of every cell into RGBA texels (missing outputs are 0).
void pack_rgba(const DecisionGrid& g, int res, int first, std::vector<float>& out) {
  const size_t cells = size_t(res) * size_t(res);
  out.assign(cells * 4, 0.0f);
  for (size_t c = 0; c < cells; ++c) {
    for (int k = 0; k < 4 && first + k < g.outputs; ++k) {
      out[c * 4 + k] = g.values[c * g.outputs + first + k];
    }
  }
}

void set_vec3(GLint loc, const ImVec4& c) {
  if (loc >= 0) glUniform3f(loc, c.x, c.y, c.z);
}

}  // namespace

bool boundary_mode_for(const DecisionGrid& grid, Task task, BoundaryStyle& style) {
  if (grid.outputs < 1 || grid.outputs > 8 || grid_resolution(grid) == 0) return false;
  if (task == Task::Regression) {
    style.mode = BoundaryMode::Regression;
  } else if (grid.outputs <= 2) {
    // One sigmoid output is P(class 1); with two softmax outputs the second one is.
    style.mode = BoundaryMode::Binary;
    style.binary_channel = grid.outputs == 2 ? 1 : 0;
  } else {
    style.mode = BoundaryMode::MultiClass;
  }
  return true;
}

BoundaryRenderer::BoundaryRenderer() {
  build_program();
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  GLint last_vao = 0, last_buffer = 0;
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &last_vao);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &last_buffer);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, sizeof(quad_), nullptr, GL_DYNAMIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                        reinterpret_cast<void*>(2 * sizeof(float)));
  glBindVertexArray(static_cast<GLuint>(last_vao));
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(last_buffer));
}

BoundaryRenderer::~BoundaryRenderer() {
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

void BoundaryRenderer::build_program() {
  error_ = build_from_files_or_builtin(program_, "boundary", kBoundaryVertSource, kBoundaryFragSource);
}

void BoundaryRenderer::set_grid(const std::shared_ptr<const DecisionGrid>& grid) {
  if (!grid) return;  // keep showing the last boundary until a new one arrives
  if (grid == grid_ && grid->params_version == uploaded_version_) return;
  const int res = grid_resolution(*grid);
  if (res == 0 || grid->outputs > 8) return;
  std::vector<float> texels;
  pack_rgba(*grid, res, 0, texels);
  values0_.upload_rgba32f(res, res, texels.data());
  if (grid->outputs > 4) {
    pack_rgba(*grid, res, 4, texels);
    values1_.upload_rgba32f(res, res, texels.data());
  } else if (values1_.id() == 0) {
    // Never read with <= 4 outputs, but unit 1 must still hold a valid texture.
    const float zero[4] = {0, 0, 0, 0};
    values1_.upload_rgba32f(1, 1, zero);
  }
  grid_ = grid;
  uploaded_version_ = grid->params_version;
}

void BoundaryRenderer::draw(ImDrawList* list, ImVec2 p_min, ImVec2 p_max,
                            const BoundaryStyle& style) {
  if (!grid_ || !program_.ok()) return;
  // Triangle strip: top-left, bottom-left, top-right, bottom-right; texture row 0 is y_min.
  const ImVec2 lo = screen_to_ndc(p_min), hi = screen_to_ndc(p_max);
  const float x0 = lo.x, x1 = hi.x, y0 = lo.y, y1 = hi.y;
  const float q[16] = {x0, y0, 0, 1, x0, y1, 0, 0, x1, y0, 1, 1, x1, y1, 1, 0};
  if (!std::equal(std::begin(q), std::end(q), quad_) || !(style == style_))
    bump_content_generation();
  std::copy(std::begin(q), std::end(q), quad_);
  style_ = style;
  queue_render(list, this);
}

void BoundaryRenderer::render(const ImDrawCmd* cmd) {
  scissor_to_clip_rect(cmd);
  glUseProgram(program_.id());
  set_uniforms();
  values0_.bind(0);
  values1_.bind(1);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof(quad_), quad_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glActiveTexture(GL_TEXTURE0);  // the backend binds its font/image textures on unit 0
}

void BoundaryRenderer::set_uniforms() {
  const Palette& pal = palette();
  glUniform1i(program_.uniform("u_values0"), 0);
  glUniform1i(program_.uniform("u_values1"), 1);
  glUniform1i(program_.uniform("u_mode"), static_cast<int>(style_.mode));
  glUniform1i(program_.uniform("u_outputs"), grid_->outputs);
  glUniform1i(program_.uniform("u_binary_channel"), style_.binary_channel);
  glUniform1i(program_.uniform("u_discretize"), style_.discretize ? 1 : 0);
  glUniform1f(program_.uniform("u_strength"), style_.strength);
  glUniform1f(program_.uniform("u_threshold"), style_.threshold);
  glUniform2f(program_.uniform("u_value_range"), style_.value_lo, style_.value_hi);
  float colors[8 * 3];
  for (int k = 0; k < 8; ++k) {
    const ImVec4 col = pal.class_color(k);
    colors[k * 3] = col.x;
    colors[k * 3 + 1] = col.y;
    colors[k * 3 + 2] = col.z;
  }
  glUniform3fv(program_.uniform("u_class_colors"), 8, colors);
  set_vec3(program_.uniform("u_neg"), pal.diverging(-1));
  set_vec3(program_.uniform("u_mid"), pal.diverging(0));
  set_vec3(program_.uniform("u_pos"), pal.diverging(1));
  set_vec3(program_.uniform("u_line"), ImVec4(0.12f, 0.12f, 0.14f, 1));
}

}  // namespace nnplay::gui
