// Generators: determinism per seed, balance, the square, and each shape's defining property.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/core/error.h"
#include "engine/data/generators.h"

namespace nnplay {
namespace {

PointSet gen(const std::string& name, int n = 400, double noise = 0.1, int classes = 2,
             uint64_t seed = 1) {
  return generate({name, n, noise, classes, seed});
}

std::string error_of(const GeneratorSpec& spec) {
  try {
    generate(spec);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::vector<int> class_counts(const PointSet& s) {
  std::vector<int> c(s.num_classes, 0);
  for (const auto& p : s.points) ++c.at(static_cast<int>(p.y));
  return c;
}

TEST(Generators, NamesAndTasks) {
  const std::vector<std::string> expected = {
      "circle", "xor",           "gaussians", "spiral", "moons", "checkerboard", "blobs",
      "plane",  "gaussians_sum", "sine",      "step",   "abs",   "poly"};
  EXPECT_EQ(generator_names(), expected);
  EXPECT_FALSE(generator_is_regression("circle"));
  EXPECT_TRUE(generator_is_regression("sine"));
  EXPECT_FALSE(generator_is_regression("no such"));
}

TEST(Generators, EveryGeneratorStaysInSquareAndIsWellFormed) {
  for (const auto& name : generator_names()) {
    for (double noise : {0.0, 0.5, 5.0}) {
      const PointSet s = gen(name, 401, noise, 3, 11);
      ASSERT_EQ(s.points.size(), 401u) << name;
      const bool reg = generator_is_regression(name);
      EXPECT_EQ(s.task, reg ? Task::Regression : Task::Classification) << name;
      for (const auto& p : s.points) {
        ASSERT_TRUE(std::abs(p.x1) <= 6.0 && std::abs(p.x2) <= 6.0) << name << " " << noise;
        ASSERT_TRUE(std::isfinite(p.y)) << name;
        ASSERT_EQ(p.split, SplitId::Train) << name;
      }
      if (reg) continue;
      const auto counts = class_counts(s);
      const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
      EXPECT_LE(*hi - *lo, 1) << name;  // balanced
      EXPECT_GT(*lo, 0) << name;
    }
  }
}

TEST(Generators, SameSeedSamePointsDifferentSeedDifferent) {
  for (const auto& name : generator_names()) {
    const PointSet a = gen(name, 200, 0.2, 2, 5), b = gen(name, 200, 0.2, 2, 5),
                   c = gen(name, 200, 0.2, 2, 6);
    bool same = true, differ = false;
    for (size_t i = 0; i < a.points.size(); ++i) {
      same = same && a.points[i].x1 == b.points[i].x1 && a.points[i].x2 == b.points[i].x2 &&
             a.points[i].y == b.points[i].y;
      differ = differ || a.points[i].x1 != c.points[i].x1 || a.points[i].y != c.points[i].y;
    }
    EXPECT_TRUE(same) << name;
    EXPECT_TRUE(differ) << name;
  }
}

TEST(Generators, LabelsAreDealtRoundRobin) {
  // Point i has class i % classes, so any prefix of the set is balanced too.
  const PointSet s = gen("blobs", 12, 0.1, 4);
  for (size_t i = 0; i < s.points.size(); ++i) EXPECT_EQ(s.points[i].y, double(i % 4));
  EXPECT_LE(std::hypot(gen("circle", 3, 0.0).points[1].x1, gen("circle", 3, 0.0).points[1].x2),
            2.5);
}

TEST(Generators, InvalidSpecsThrowReadableErrors) {
  EXPECT_NE(error_of({"donut"}).find("unknown data set 'donut'"), std::string::npos);
  EXPECT_NE(error_of({"donut"}).find("spiral"), std::string::npos);  // lists the choices
  EXPECT_NE(error_of({"circle", 0}).find("number of points"), std::string::npos);
  EXPECT_NE(error_of({"circle", 1'000'001}).find("number of points"), std::string::npos);
  EXPECT_NE(error_of({"circle", 10, -0.1}).find("noise"), std::string::npos);
  EXPECT_NE(error_of({"circle", 10, 5.1}).find("noise"), std::string::npos);
  EXPECT_NE(error_of({"blobs", 10, 0.1, 1}).find("classes"), std::string::npos);
  EXPECT_NE(error_of({"blobs", 10, 0.1, 9}).find("classes"), std::string::npos);
  EXPECT_EQ(error_of({"circle", 1}), "");
}

TEST(Generators, CircleInnerDiscIsClassOne) {
  const PointSet clean = gen("circle", 600, 0.0);
  double r_sum[2] = {0, 0};
  for (const auto& p : clean.points) {
    const double r = std::hypot(p.x1, p.x2);
    r_sum[static_cast<int>(p.y)] += r;
    if (p.y == 1)
      EXPECT_LE(r, 2.5);
    else
      EXPECT_GE(r, 3.5 - 1e-12);
  }
  EXPECT_LT(r_sum[1], r_sum[0]);
  // With noise the classes overlap, but class 1 is still closer to the origin on average.
  const PointSet noisy = gen("circle", 600, 0.5);
  double n_sum[2] = {0, 0};
  for (const auto& p : noisy.points) n_sum[static_cast<int>(p.y)] += std::hypot(p.x1, p.x2);
  EXPECT_LT(n_sum[1] * 1.5, n_sum[0]);
}

TEST(Generators, XorLabelsFollowQuadrants) {
  for (const auto& p : gen("xor", 500, 0.0).points) {
    EXPECT_EQ(p.y, p.x1 * p.x2 > 0 ? 1.0 : 0.0) << p.x1 << "," << p.x2;
    EXPECT_GE(std::min(std::abs(p.x1), std::abs(p.x2)), 0.3);
  }
}

TEST(Generators, CheckerboardLabelsFollowCells) {
  for (const auto& p : gen("checkerboard", 500, 0.0).points) {
    const int cell = static_cast<int>(std::floor(p.x1 / 3) + std::floor(p.x2 / 3));
    EXPECT_EQ(static_cast<int>(p.y), ((cell % 2) + 2) % 2);
  }
}

TEST(Generators, GaussiansAreSeparatedByTheDiagonal) {
  int wrong = 0;
  for (const auto& p : gen("gaussians", 1000, 0.0).points) wrong += (p.x1 + p.x2 > 0) != (p.y == 1);
  EXPECT_LT(wrong, 20);  // blobs 4*sqrt(2) apart with sd 1: ~0.2% on the wrong side
}

TEST(Generators, SpiralAndBlobsHonourClasses) {
  const PointSet s = gen("spiral", 300, 0.0, 3);
  EXPECT_EQ(s.num_classes, 3);
  EXPECT_EQ(class_counts(s), (std::vector<int>{100, 100, 100}));
  for (const auto& p : s.points) EXPECT_LE(std::hypot(p.x1, p.x2), 5.0 + 1e-12);

  const PointSet b = gen("blobs", 5000, 0.0, 5);
  EXPECT_EQ(b.num_classes, 5);
  for (int c = 0; c < 5; ++c) {
    double mx = 0, my = 0;
    int n = 0;
    for (const auto& p : b.points)
      if (p.y == c) mx += p.x1, my += p.x2, ++n;
    mx /= n, my /= n;
    const double a = 2 * std::numbers::pi * c / 5 + std::numbers::pi / 2;
    EXPECT_NEAR(mx, 4 * std::cos(a), 0.1) << c;
    EXPECT_NEAR(my, 4 * std::sin(a), 0.1) << c;
  }
  EXPECT_EQ(gen("circle", 10, 0.1, 5).num_classes, 2);  // two-class shapes ignore classes
}

TEST(Generators, MoonsInterleave) {
  // Class 0 is the upper moon: its mean x2 is above class 1's.
  double y_sum[2] = {0, 0};
  for (const auto& p : gen("moons", 1000, 0.0).points) y_sum[static_cast<int>(p.y)] += p.x2;
  EXPECT_GT(y_sum[0], y_sum[1]);
}

TEST(Generators, OneDimensionalRegressionCurves) {
  for (const char* name : {"sine", "step", "abs", "poly"}) {
    const PointSet s = gen(name, 500, 0.0);
    EXPECT_EQ(s.task, Task::Regression);
    double lo = 1e9, hi = -1e9;
    for (const auto& p : s.points) {
      EXPECT_EQ(p.x2, 0.0) << name;
      lo = std::min(lo, p.y), hi = std::max(hi, p.y);
    }
    EXPECT_GE(lo, -1.0 - 1e-12) << name;
    EXPECT_LE(hi, 1.0 + 1e-12) << name;
    EXPECT_GT(hi - lo, 1.0) << name;  // the curve actually varies
  }
  for (const auto& p : gen("sine", 50, 0.0).points) EXPECT_DOUBLE_EQ(p.y, std::sin(p.x1));
  for (const auto& p : gen("poly", 50, 0.0).points)
    EXPECT_NEAR(p.y, (p.x1 * p.x1 * p.x1 - 27 * p.x1) / 54, 1e-12);
}

TEST(Generators, PlaneAndRegressionNoise) {
  for (const auto& p : gen("plane", 200, 0.0).points) EXPECT_NEAR(p.y, (p.x1 + p.x2) / 12, 1e-12);
  // Noise is Gaussian on y with sd = noise.
  const PointSet s = gen("plane", 20000, 0.3);
  double ss = 0;
  for (const auto& p : s.points) ss += std::pow(p.y - (p.x1 + p.x2) / 12, 2);
  EXPECT_NEAR(std::sqrt(ss / s.points.size()), 0.3, 0.01);
}

TEST(Generators, GaussiansSumHasBothSigns) {
  const PointSet s = gen("gaussians_sum", 2000, 0.0);
  double lo = 0, hi = 0;
  for (const auto& p : s.points) lo = std::min(lo, p.y), hi = std::max(hi, p.y);
  EXPECT_LT(lo, -0.8);
  EXPECT_GT(hi, 0.8);
  EXPECT_LT(hi, 1.2);
}

}  // namespace
}  // namespace nnplay
