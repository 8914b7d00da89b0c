// For a given seed the trained parameters are bit-identical whatever the thread count: chunks
// are planned from the batch size and network only and reduced in a fixed order.
#include <gtest/gtest.h>

#include "engine/data/features.h"
#include "engine/data/generators.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

ParamVector train_with_threads(int threads) {
  PointSet pts = generate({"spiral", 800, 0.1, 2, 9});
  assign_splits(pts, {}, 9);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2", "x1*x2"}));
  NetworkSpec spec;
  LayerSpec h;
  h.units = 64;
  h.activation.kind = ActivationKind::Tanh;
  LayerSpec o;
  o.units = 1;
  o.activation.kind = ActivationKind::Sigmoid;
  spec.layers = {h, h, o};
  TrainSettings ts;
  ts.batch_size = 128;
  ts.optimizer.kind = OptimizerKind::Adam;
  ts.optimizer.lr = 0.01;
  ThreadPool pool(threads);
  TrainingSession s(data, spec, Loss{LossKind::Bce}, ts, 42, &pool);
  EXPECT_GT(s.plan_chunks(128), 1) << "the test must exercise several chunks";
  for (int i = 0; i < 200; ++i) s.step();
  return s.network().params();
}

TEST(Determinism, OneAndTwoThreadsGiveBitIdenticalParameters) {
  const auto one = train_with_threads(1);
  const auto two = train_with_threads(2);
  ASSERT_EQ(one.size(), two.size());
  for (size_t i = 0; i < one.size(); ++i) ASSERT_EQ(one[i], two[i]) << "parameter " << i;
}

TEST(Determinism, DifferentSeedsGiveDifferentParameters) {
  PointSet pts = generate({"circle", 100, 0.1, 2, 1});
  assign_splits(pts, {}, 1);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2"}));
  NetworkSpec spec;
  LayerSpec o;
  o.units = 1;
  spec.layers = {o};
  TrainingSession a(data, spec, Loss{LossKind::Bce}, {}, 1, nullptr);
  TrainingSession b(data, spec, Loss{LossKind::Bce}, {}, 2, nullptr);
  EXPECT_NE(a.network().params(), b.network().params());
}

}  // namespace
}  // namespace nnplay
