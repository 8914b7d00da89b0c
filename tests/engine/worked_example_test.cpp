// The course's worked 2-2-1 example (notes 02): forward values as printed, and the CORRECT
// backward pass. The notes use sigma'(x) = sigma(x) sigma(1 - x) and print dL/db' = 0.53,
// dL/dW' = (0.34, 0.35); with sigma'(x) = sigma(x)(1 - sigma(x)) the values are computed here
// by hand from the chain rule.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

double sig(double z) { return 1 / (1 + std::exp(-z)); }

struct Hand {
  double s1[2], x1[2], s2, y, loss, dy, d2, db2, dw2[2], d1[2], dw1[2][2];
};

Hand by_hand() {
  const double W[2][2] = {{0.1, 0.2}, {0.3, 0.4}}, b[2] = {0.5, 0.5}, Wp[2] = {0.5, 0.6}, bp = 0.5;
  const double x[2] = {0.2, 0.3}, t = 0;
  Hand h;
  for (int i = 0; i < 2; ++i) {
    h.s1[i] = W[i][0] * x[0] + W[i][1] * x[1] + b[i];
    h.x1[i] = sig(h.s1[i]);
  }
  h.s2 = Wp[0] * h.x1[0] + Wp[1] * h.x1[1] + bp;
  h.y = sig(h.s2);
  h.loss = (h.y - t) * (h.y - t);
  h.dy = 2 * (h.y - t);
  h.d2 = h.dy * h.y * (1 - h.y);  // the correct sigma'
  h.db2 = h.d2;
  for (int i = 0; i < 2; ++i) {
    h.dw2[i] = h.d2 * h.x1[i];
    h.d1[i] = h.d2 * Wp[i] * h.x1[i] * (1 - h.x1[i]);
    for (int j = 0; j < 2; ++j) h.dw1[i][j] = h.d1[i] * x[j];
  }
  return h;
}

TEST(WorkedExample, ForwardMatchesTheNotes) {
  const Hand h = by_hand();
  EXPECT_NEAR(h.s1[0], 0.58, 5e-3);
  EXPECT_NEAR(h.s1[1], 0.68, 5e-3);
  EXPECT_NEAR(h.x1[0], 0.64, 5e-3);
  EXPECT_NEAR(h.x1[1], 0.66, 5e-3);
  EXPECT_NEAR(h.s2, 1.22, 5e-3);
  EXPECT_NEAR(h.y, 0.77, 5e-3);
  EXPECT_NEAR(h.loss, 0.60, 5e-3);
  // And the notes' backward numbers are indeed not the chain rule's.
  EXPECT_GT(std::abs(h.db2 - 0.53), 0.2);
}

TEST(WorkedExample, EngineGivesCorrectGradientsAndUpdate) {
  Experiment e = load_experiment("assets/experiments/backprop-2-2-1.json");
  auto data = build_dataset(e);
  ASSERT_EQ(data->train.rows(), 1);
  TrainingSession s(data, e.network, e.loss, e.train, e.seed, nullptr);
  const Hand h = by_hand();
  ParamVector before = s.network().params();
  Matrix x(1, 2), out;
  x << 0.2, 0.3;
  s.predict(x, out);
  EXPECT_NEAR(out(0, 0), h.y, 1e-6);
  const double loss = s.step();
  EXPECT_NEAR(loss, h.loss, 1e-6);
  const auto& g = s.last_grads();
  // Layout: W (2x2 row-major), b (2), W' (1x2), b' (1).
  const double expect[9] = {h.dw1[0][0], h.dw1[0][1], h.dw1[1][0], h.dw1[1][1], h.d1[0], h.d1[1],
                            h.dw2[0],    h.dw2[1],    h.db2};
  for (int i = 0; i < 9; ++i) EXPECT_NEAR(g[i], expect[i], 1e-6) << "gradient " << i;
  EXPECT_NEAR(g[8], 0.2718, 1e-3);  // dL/db', not the notes' 0.53
  const auto& after = s.network().params();
  for (int i = 0; i < 9; ++i) EXPECT_NEAR(after[i], before[i] - 1.0 * expect[i], 1e-6) << "param " << i;
}

}  // namespace
}  // namespace nnplay
