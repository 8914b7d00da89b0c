#version 330 core
// Data points as point sprites: one vertex per point, in normalised device coordinates.
// a_shape: 0 training (filled disc), 1 validation (ring), 2 test (hollow square).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_shape;
uniform float u_radius;  // marker radius in pixels
out vec4 v_color;
flat out int v_shape;
void main() {
  v_color = a_color;
  v_shape = int(a_shape + 0.5);
  gl_Position = vec4(a_pos, 0.0, 1.0);
  gl_PointSize = 2.0 * u_radius + 6.0;  // room for the outline strokes and their soft edge
}
