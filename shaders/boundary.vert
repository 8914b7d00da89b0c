#version 330 core
// Decision-boundary quad: positions arrive in normalised device coordinates (the canvas maps
// the grid's world rectangle to the screen), uv spans the grid texture.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
out vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = vec4(a_pos, 0.0, 1.0);
}
