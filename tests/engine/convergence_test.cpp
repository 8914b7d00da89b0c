// End-to-end learning from fixed seeds: each example experiment reaches a stated accuracy or
// loss within a stated number of epochs. A regression in any layer, loss, optimiser or the
// minibatch schedule shows up here.
#include <gtest/gtest.h>

#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

EvalResult train(const std::string& file, int epochs) {
  Experiment e = load_experiment(file);
  ThreadPool pool(2);
  TrainingSession s(build_dataset(e), e.network, e.loss, e.train, e.seed, &pool);
  const long steps = long(epochs) * s.steps_per_epoch();
  for (long i = 0; i < steps; ++i) s.step();
  return s.evaluate(s.data().test);
}

TEST(Convergence, XorReaches95PercentIn60Epochs) {
  EXPECT_GE(train("assets/experiments/xor.json", 60).accuracy, 0.95);
}

TEST(Convergence, CircleReaches95PercentIn100Epochs) {
  EXPECT_GE(train("assets/experiments/circle.json", 100).accuracy, 0.95);
}

TEST(Convergence, ThreeClassSpiralReaches90PercentIn300Epochs) {
  EXPECT_GE(train("assets/experiments/spiral.json", 300).accuracy, 0.90);
}

TEST(Convergence, SineRegressionReachesRSquared80PercentIn300Epochs) {
  const EvalResult r = train("assets/experiments/regression-sine.json", 300);
  EXPECT_GE(r.accuracy, 0.80);  // R^2 for regression
  EXPECT_LT(r.loss, 0.12);
}

TEST(Convergence, UntrainedCircleIsNearChance) {
  // Guards the tests above: without training the same evaluation is far from 95%.
  EXPECT_LT(train("assets/experiments/circle.json", 0).accuracy, 0.8);
}

}  // namespace
}  // namespace nnplay

namespace nnplay {
namespace {

TEST(Convergence, SmallCnnOnGeneratedShapesReaches85PercentIn3Epochs) {
  // Needs no downloaded dataset: the generated 28x28 shapes exercise conv, pooling, flatten.
  EXPECT_GE(train("assets/experiments/shapes-cnn.json", 3).accuracy, 0.85);
}

}  // namespace
}  // namespace nnplay
