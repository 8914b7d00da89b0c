#version 330 core
// Anti-aliased markers from the distance to the point's centre (one pixel of soft edge), so
// hundreds of points cost one draw call instead of hundreds of tessellated circles.
in vec4 v_color;
flat in int v_shape;
out vec4 frag_color;
uniform float u_radius;
uniform vec4 u_outline;

// Coverage of a filled shape of radius r, and of a stroke of width w centred on radius r,
// given the pixel's distance d (Euclidean for circles, Chebyshev for squares).
float fill(float d, float r) { return clamp(r + 0.5 - d, 0.0, 1.0); }
float stroke(float d, float r, float w) { return clamp(0.5 * w + 0.5 - abs(d - r), 0.0, 1.0); }

// Non-premultiplied "top over bottom", as ImGui blends.
vec4 over(vec4 top, vec4 bottom) {
  float a = top.a + bottom.a * (1.0 - top.a);
  if (a <= 0.0) return vec4(0.0);
  return vec4((top.rgb * top.a + bottom.rgb * bottom.a * (1.0 - top.a)) / a, a);
}

void main() {
  vec2 p = (gl_PointCoord - vec2(0.5)) * (2.0 * u_radius + 6.0);
  float r = u_radius;
  vec4 c;
  if (v_shape == 0) {
    float d = length(p);
    c = over(vec4(u_outline.rgb, u_outline.a * stroke(d, r, 1.0)),
             vec4(v_color.rgb, v_color.a * fill(d, r)));
  } else {
    float d = v_shape == 1 ? length(p) : max(abs(p.x), abs(p.y));
    c = over(vec4(v_color.rgb, v_color.a * stroke(d, r, 2.0)),
             vec4(u_outline.rgb, u_outline.a * stroke(d, r, 3.5)));
  }
  if (c.a <= 0.0) discard;
  frag_color = c;
}
