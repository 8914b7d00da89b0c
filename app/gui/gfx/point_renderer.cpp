#include "app/gui/gfx/point_renderer.h"

#include <cstddef>
#include <cstring>

#include "app/gui/gfx/content_generation.h"
#include "app/gui/gfx/draw_callback.h"
#include "app/gui/gfx/gl.h"
#include "app/gui/logic/embedded_shaders.h"

namespace nnplay::gui {

PointRenderer::PointRenderer() {
  error_ = build_from_files_or_builtin(program_, "points", kPointsVertSource, kPointsFragSource);
  GLint last_vao = 0, last_buffer = 0;
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &last_vao);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &last_buffer);
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<void*>(offsetof(Vertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex),
                        reinterpret_cast<void*>(offsetof(Vertex, color)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<void*>(offsetof(Vertex, shape)));
  glBindVertexArray(static_cast<GLuint>(last_vao));
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(last_buffer));
}

PointRenderer::~PointRenderer() {
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

void PointRenderer::add(ImVec2 screen, ImU32 color, MarkerShape shape) {
  const ImVec2 p = screen_to_ndc(screen);
  vertices_.push_back({p.x, p.y, color, static_cast<float>(shape)});
}

void PointRenderer::draw(ImDrawList* list, float radius, ImU32 outline) {
  if (!program_.ok() || vertices_.empty()) return;
  const bool same = vertices_.size() == queued_.size() && radius == radius_ && outline == outline_ &&
                    std::memcmp(vertices_.data(), queued_.data(), queued_.size() * sizeof(Vertex)) == 0;
  if (!same) bump_content_generation();
  queued_.swap(vertices_);
  vertices_.clear();
  radius_ = radius;
  outline_ = outline;
  queue_render(list, this);
}

void PointRenderer::render(const ImDrawCmd* cmd) {
  scissor_to_clip_rect(cmd);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glUseProgram(program_.id());
  const ImVec4 o = ImGui::ColorConvertU32ToFloat4(outline_);
  glUniform1f(program_.uniform("u_radius"), radius_);
  glUniform4f(program_.uniform("u_outline"), o.x, o.y, o.z, o.w);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(queued_.size() * sizeof(Vertex)),
               queued_.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(queued_.size()));
  glDisable(GL_PROGRAM_POINT_SIZE);
}

}  // namespace nnplay::gui
