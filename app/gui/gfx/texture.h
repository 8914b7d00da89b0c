// RAII owner of one OpenGL 2D texture. GL objects may only be touched on the main thread (the
// one with the context), so this class is created, used and destroyed there.
#pragma once

namespace nnplay::gui {

class Texture {
 public:
  Texture() = default;
  ~Texture() { reset(); }
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  Texture(Texture&& o) noexcept : id_(o.id_), width_(o.width_), height_(o.height_) { o.id_ = 0; }
  Texture& operator=(Texture&& o) noexcept;

  // Uploads width x height texels of 4 floats each (row 0 at the bottom, as GL expects),
  // creating or resizing the texture as needed. Linear filtering, clamped edges.
  void upload_rgba32f(int width, int height, const float* rgba);
  // Binds to texture unit `unit` (0-based).
  void bind(int unit) const;
  void reset();

  unsigned id() const { return id_; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  unsigned id_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace nnplay::gui
