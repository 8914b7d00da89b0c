#version 330 core
// Colours the network's output over the input plane.
//   mode 0, binary classification: p = P(class 1) on the diverging scale centred on the
//           decision threshold (0.5 unless the Metrics view moves it), with the p = threshold
//           contour drawn as an anti-aliased line (fwidth keeps it ~1.5 px wide at any zoom).
//   mode 1, several classes: the winning class's colour, stronger where the network is more
//           confident; a line where the top two classes tie.
//   mode 2, regression: the value on the diverging scale, normalised by the data's range.
// u_discretize drops the confidence shading (hard colours / value bands).
in vec2 v_uv;
out vec4 frag_color;

uniform sampler2D u_values0;  // outputs 0..3 in RGBA
uniform sampler2D u_values1;  // outputs 4..7 in RGBA
uniform int u_mode;
uniform int u_outputs;
uniform int u_binary_channel;  // which output holds P(class 1) in mode 0
uniform bool u_discretize;
uniform vec3 u_class_colors[8];
uniform vec3 u_neg;  // diverging scale: negative end, middle, positive end
uniform vec3 u_mid;
uniform vec3 u_pos;
uniform vec3 u_line;  // contour colour
uniform float u_strength;  // how far colours go from the middle (points must stay visible)
uniform vec2 u_value_range;  // regression: lo, hi
uniform float u_threshold;  // binary: class 1 where p >= u_threshold

// The outputs at this pixel and their screen-space derivatives, fetched once in uniform
// control flow (derivatives are undefined inside branches that differ between pixels).
vec4 g_a, g_b, g_ax, g_bx, g_ay, g_by;

float pick(vec4 lo, vec4 hi, int k) { return k < 4 ? lo[k] : hi[k - 4]; }
float output_value(int k) { return pick(g_a, g_b, k); }

vec3 diverging(float t) {
  t = clamp(t, -1.0, 1.0);
  return t < 0.0 ? mix(u_mid, u_neg, -t * u_strength) : mix(u_mid, u_pos, t * u_strength);
}

// 1 on the zero set of d, fading to 0 about 1.5 pixels away; w is how much d changes per
// pixel.
float contour(float d, float w) {
  w = max(w, 1e-6);
  return 1.0 - smoothstep(0.5 * w, 1.5 * w, abs(d));
}

vec3 binary_color() {
  int k = u_binary_channel;
  float p = clamp(output_value(k), 0.0, 1.0);
  float th = clamp(u_threshold, 0.001, 0.999);
  float t = p < th ? (p - th) / th : (p - th) / (1.0 - th);  // -1 .. 0 at th .. 1
  if (u_discretize) t = t < 0.0 ? -0.75 : 0.75;
  float w = abs(pick(g_ax, g_bx, k)) + abs(pick(g_ay, g_by, k));
  return mix(diverging(t), u_line, 0.85 * contour(p - th, w));
}

vec3 multiclass_color() {
  int best = 0, second = 0;
  float p1 = -1.0, p2 = -1.0;
  for (int k = 0; k < 8; ++k) {
    if (k >= u_outputs) break;
    float p = output_value(k);
    if (p > p1) {
      p2 = p1;
      second = best;
      p1 = p;
      best = k;
    } else if (p > p2) {
      p2 = p;
      second = k;
    }
  }
  float chance = 1.0 / float(max(u_outputs, 2));
  float confidence = clamp((p1 - chance) / (1.0 - chance), 0.0, 1.0);
  float s = u_discretize ? 0.75 : 0.2 + 0.8 * confidence;
  vec3 c = mix(u_mid, u_class_colors[best], s * u_strength);
  // p1 - p2 has a kink (not a sign change) at a tie, so its own fwidth vanishes there and
  // breaks the line into dashes: use the rate of the smooth difference of the two outputs.
  float dx = pick(g_ax, g_bx, best) - pick(g_ax, g_bx, second);
  float dy = pick(g_ay, g_by, best) - pick(g_ay, g_by, second);
  return mix(c, u_line, 0.85 * contour(p1 - p2, abs(dx) + abs(dy)));
}

vec3 regression_color() {
  float lo = u_value_range.x, hi = u_value_range.y;
  float mid = 0.5 * (lo + hi), half_span = max(0.5 * (hi - lo), 1e-6);
  float t = (output_value(0) - mid) / half_span;
  if (u_discretize) t = (floor(clamp(t, -1.0, 0.999) * 4.0) + 0.5) / 4.0;  // 8 bands
  return diverging(t);
}

void main() {
  g_a = texture(u_values0, v_uv);
  g_ax = dFdx(g_a);
  g_ay = dFdy(g_a);
  // Outputs 4..7 only exist with more than four classes; a uniform branch keeps derivatives
  // defined and spares software renderers half the texture work in the common case.
  g_b = g_bx = g_by = vec4(0.0);
  if (u_outputs > 4) {
    g_b = texture(u_values1, v_uv);
    g_bx = dFdx(g_b);
    g_by = dFdy(g_b);
  }
  vec3 c;
  if (u_mode == 0) c = binary_color();
  else if (u_mode == 1) c = multiclass_color();
  else c = regression_color();
  frag_color = vec4(c, 1.0);
}
