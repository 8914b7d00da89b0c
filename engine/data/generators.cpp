#include "engine/data/generators.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/core/error.h"

namespace nnplay {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kHalf = 6.0;  // points live in [-kHalf, kHalf]^2

struct Xy {
  double x1, x2;
};

// A classification generator produces the point for the i-th sample of class `label`.
using ClassGen = Xy (*)(int label, int classes, Rng& rng);
// A regression generator produces one point with its value, before noise.
using RegGen = Point (*)(Rng& rng);

Xy circle(int label, int, Rng& rng) {
  // sqrt(u) spreads points evenly over the area instead of bunching them at the centre.
  const double r =
      label == 1 ? 2.5 * std::sqrt(rng.uniform()) : std::sqrt(rng.uniform(3.5 * 3.5, 5.0 * 5.0));
  const double a = rng.uniform(0, 2 * kPi);
  return {r * std::cos(a), r * std::sin(a)};
}

Xy xor_quadrants(int label, int, Rng& rng) {
  // A small gap around the axes (as in Playground) keeps the noise-free problem cleanly solvable.
  auto coord = [&rng](double sign) { return sign * rng.uniform(0.3, 5.3); };
  const double s1 = rng.uniform() < 0.5 ? 1.0 : -1.0;
  const double s2 = label == 1 ? s1 : -s1;  // same signs <=> x1*x2 > 0 <=> class 1
  return {coord(s1), coord(s2)};
}

Xy gaussians(int label, int, Rng& rng) {
  const double c = label == 1 ? 2.0 : -2.0;
  return {rng.normal(c, 1.0), rng.normal(c, 1.0)};
}

Xy spiral(int label, int classes, Rng& rng) {
  const double t = rng.uniform();  // position along the arm, 0 = centre
  const double r = 5.0 * t;
  const double a = 1.75 * 2 * kPi * t + 2 * kPi * label / classes;
  return {r * std::cos(a), r * std::sin(a)};
}

Xy moons(int label, int, Rng& rng) {
  const double a = rng.uniform(0, kPi);
  // make_moons: upper moon (cos a, sin a), lower moon (1 - cos a, 0.5 - sin a); centred, scaled.
  const double u = label == 0 ? std::cos(a) : 1.0 - std::cos(a);
  const double v = label == 0 ? std::sin(a) : 0.5 - std::sin(a);
  return {2.5 * (u - 0.5), 2.5 * (v - 0.25)};
}

int checker_label(double x1, double x2) {
  const int cx = static_cast<int>(std::floor(x1 / 3.0));
  const int cy = static_cast<int>(std::floor(x2 / 3.0));
  return ((cx + cy) % 2 + 2) % 2;
}

Xy checkerboard(int label, int, Rng& rng) {
  // Redraw until the point falls in a cell of the wanted colour, so classes stay balanced.
  for (;;) {
    const Xy p{rng.uniform(-kHalf, kHalf), rng.uniform(-kHalf, kHalf)};
    if (checker_label(p.x1, p.x2) == label) return p;
  }
}

Xy blobs(int label, int classes, Rng& rng) {
  const double a = 2 * kPi * label / classes + kPi / 2;
  return {rng.normal(4.0 * std::cos(a), 0.8), rng.normal(4.0 * std::sin(a), 0.8)};
}

Point plane(Rng& rng) {
  Point p{rng.uniform(-kHalf, kHalf), rng.uniform(-kHalf, kHalf)};
  p.y = (p.x1 + p.x2) / (2 * kHalf);
  return p;
}

Point gaussians_sum(Rng& rng) {
  struct Bump {
    double x1, x2, sign;
  };
  // Alternating signs make a pattern no single straight line or bump can fit.
  static constexpr Bump kBumps[] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                    {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  Point p{rng.uniform(-kHalf, kHalf), rng.uniform(-kHalf, kHalf)};
  for (const Bump& b : kBumps) {
    const double d2 = (p.x1 - b.x1) * (p.x1 - b.x1) + (p.x2 - b.x2) * (p.x2 - b.x2);
    p.y += b.sign * std::exp(-d2 / (2 * 1.5 * 1.5));
  }
  return p;
}

// 1D curves: x2 = 0 so the student sees y against x1 alone.
// sin(x1) (not a higher frequency) so the "sin(x1)" feature turns it into a linear problem,
// a lesson in itself; [-6, 6] still shows four bumps.
Point sine(Rng& rng) {
  const double x = rng.uniform(-kHalf, kHalf);
  return {x, 0, std::sin(x)};
}
Point step(Rng& rng) {
  const double x = rng.uniform(-kHalf, kHalf);
  return {x, 0, x < 0 ? -1.0 : 1.0};
}
Point abs_v(Rng& rng) {
  const double x = rng.uniform(-kHalf, kHalf);
  return {x, 0, std::abs(x) / 3.0 - 1.0};
}
Point poly(Rng& rng) {
  // Roots at 0 and +-5.2, extremes +-1 at x1 = -+3: two bends, range [-1, 1].
  const double x = rng.uniform(-kHalf, kHalf);
  return {x, 0, (x * x * x - 27 * x) / 54.0};
}

struct ClassEntry {
  const char* name;
  ClassGen fn;
  bool uses_classes;  // spiral and blobs honour spec.classes; the rest are two-class
};
struct RegEntry {
  const char* name;
  RegGen fn;
};

constexpr ClassEntry kClassGens[] = {
    {"circle", circle, false}, {"xor", xor_quadrants, false}, {"gaussians", gaussians, false},
    {"spiral", spiral, true},  {"moons", moons, false},       {"checkerboard", checkerboard, false},
    {"blobs", blobs, true}};
constexpr RegEntry kRegGens[] = {{"plane", plane}, {"gaussians_sum", gaussians_sum},
                                 {"sine", sine},   {"step", step},
                                 {"abs", abs_v},   {"poly", poly}};

std::string names_list() {
  std::string s;
  for (const auto& n : generator_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

void validate(const GeneratorSpec& s) {
  if (s.n < 1 || s.n > 1'000'000)
    throw Error("the number of points must be between 1 and 1,000,000, got " + std::to_string(s.n));
  if (!(s.noise >= 0.0 && s.noise <= 5.0))
    throw Error("noise must be between 0 and 5, got " + std::to_string(s.noise));
  if (s.classes < 2 || s.classes > 8)
    throw Error("the number of classes must be between 2 and 8, got " + std::to_string(s.classes));
}

// Jitter, redrawn (a few times) when it would leave the square, so heavy noise does not pile
// points up on the border; clamping is the last resort.
Xy jitter(Xy p, double sd, Rng& rng) {
  if (sd == 0) return p;
  Xy q = p;
  for (int tries = 0; tries < 16; ++tries) {
    q = {p.x1 + rng.normal(0, sd), p.x2 + rng.normal(0, sd)};
    if (std::abs(q.x1) <= kHalf && std::abs(q.x2) <= kHalf) return q;
  }
  return {std::clamp(q.x1, -kHalf, kHalf), std::clamp(q.x2, -kHalf, kHalf)};
}

PointSet generate_classes(const ClassEntry& g, const GeneratorSpec& spec, Rng& rng) {
  PointSet set;
  set.task = Task::Classification;
  set.num_classes = g.uses_classes ? spec.classes : 2;
  set.points.reserve(spec.n);
  for (int i = 0; i < spec.n; ++i) {
    const int label = i % set.num_classes;  // round robin keeps class counts within one
    Xy p = g.fn(label, set.num_classes, rng);
    p = jitter(p, 2.0 * spec.noise, rng);
    // Clean generators (blobs' tails) can also stray outside; keep the square promise.
    p = {std::clamp(p.x1, -kHalf, kHalf), std::clamp(p.x2, -kHalf, kHalf)};
    set.points.push_back({p.x1, p.x2, static_cast<double>(label), SplitId::Train});
  }
  return set;
}

PointSet generate_values(const RegEntry& g, const GeneratorSpec& spec, Rng& rng) {
  PointSet set;
  set.task = Task::Regression;
  set.num_classes = 0;
  set.points.reserve(spec.n);
  for (int i = 0; i < spec.n; ++i) {
    Point p = g.fn(rng);
    if (spec.noise > 0) p.y += rng.normal(0, spec.noise);
    set.points.push_back(p);
  }
  return set;
}

}  // namespace

const std::vector<std::string>& generator_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> v;
    for (const auto& g : kClassGens) v.emplace_back(g.name);
    for (const auto& g : kRegGens) v.emplace_back(g.name);
    return v;
  }();
  return kNames;
}

bool generator_is_regression(const std::string& name) {
  return std::any_of(std::begin(kRegGens), std::end(kRegGens),
                     [&](const RegEntry& g) { return name == g.name; });
}

PointSet generate(const GeneratorSpec& spec) {
  validate(spec);
  Rng rng(spec.seed);
  for (const auto& g : kClassGens)
    if (spec.name == g.name) return generate_classes(g, spec, rng);
  for (const auto& g : kRegGens)
    if (spec.name == g.name) return generate_values(g, spec, rng);
  throw Error("unknown data set '" + spec.name + "'; choose one of: " + names_list());
}

}  // namespace nnplay
