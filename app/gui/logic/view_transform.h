// Pan and zoom of the data canvas: which part of the x1/x2 plane is visible and where a world
// point lands on screen. Pure maths (no ImGui, no GL) so it is unit-tested. Screen y grows
// downwards, world x2 grows upwards; the scale is the same on both axes, so circles stay round.
#pragma once
#include <vector>

namespace nnplay::gui {

struct Vec2d {
  double x = 0, y = 0;
};

// A rectangle on screen in pixels: top-left corner and size.
struct ScreenRect {
  double x = 0, y = 0, w = 1, h = 1;
};

// A rectangle of the input plane in world (x1, x2) units.
struct WorldRect {
  double x_min = -6, x_max = 6, y_min = -6, y_max = 6;
};

struct ViewTransform {
  double center_x = 0, center_y = 0;  // world point at the middle of the canvas
  double half_span = 6;  // world distance from the centre to the nearer canvas edge
};

// The default view: the square [-6, 6]^2 fits in the canvas.
ViewTransform default_view();

double pixels_per_unit(const ViewTransform& v, const ScreenRect& r);
Vec2d world_to_screen(const ViewTransform& v, const ScreenRect& r, Vec2d world);
Vec2d screen_to_world(const ViewTransform& v, const ScreenRect& r, Vec2d screen);
WorldRect visible_world(const ViewTransform& v, const ScreenRect& r);

// Scales the view by `factor` (> 1 zooms in) keeping the world point under `screen` fixed.
// half_span is clamped to [1e-3, 1e4] so the view never collapses or explodes.
void zoom_about(ViewTransform& v, const ScreenRect& r, Vec2d screen, double factor);
// Moves the view so the content follows a mouse drag of (dx, dy) pixels.
void pan_by_pixels(ViewTransform& v, const ScreenRect& r, double dx, double dy);

// "Nice" tick positions (1, 2, 5 x 10^k steps) inside [lo, hi], about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target);

}  // namespace nnplay::gui
