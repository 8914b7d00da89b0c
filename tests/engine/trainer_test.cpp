// The Trainer under concurrency: snapshots are taken continuously while commands arrive.
// CI also runs this file under ThreadSanitizer (nnplay_tsan_tests).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>

#include "engine/data/features.h"
#include "engine/data/generators.h"
#include "engine/train/trainer.h"

namespace nnplay {
namespace {

std::shared_ptr<const Dataset> circle(int n, uint64_t seed, std::vector<std::string> f = {"x1", "x2"}) {
  PointSet pts = generate({"circle", n, 0.1, 2, seed});
  assign_splits(pts, {}, seed);
  return std::make_shared<Dataset>(make_dataset(pts, f));
}

NetworkSpec mlp(std::vector<int> hidden) {
  NetworkSpec s;
  for (int u : hidden) {
    LayerSpec h;
    h.units = u;
    h.activation.kind = ActivationKind::Tanh;
    s.layers.push_back(h);
  }
  LayerSpec o;
  o.units = 1;
  o.activation.kind = ActivationKind::Sigmoid;
  s.layers.push_back(o);
  return s;
}

TEST(Trainer, ReaderSeesConsistentSnapshotsWhileCommandsArrive) {
  TrainerOptions opt;
  opt.threads = 2;
  opt.publish_interval = 0.002;
  Trainer t(circle(300, 1), mlp({8, 8}), Loss{LossKind::Bce}, TrainSettings{}, 1, opt);
  std::atomic<bool> done{false};
  std::atomic<long> reads{0}, bad{0};
  std::thread reader([&] {
    uint64_t last_version = 0;
    while (!done) {
      SnapshotPtr s = t.snapshot();
      if (!s || s->version < last_version) ++bad;
      last_version = s->version;
      size_t expected = s->param_offsets.empty() ? 0 : s->param_offsets.back();
      if (s->params.size() < expected) ++bad;
      for (const auto& p : s->history)
        if (p.step > s->step) ++bad;
      ++reads;
    }
  });
  GridRequest g;
  g.resolution = 32;
  g.neuron_resolution = 8;
  g.features = {"x1", "x2"};
  t.send(cmd::SetGrid{g});
  t.send(cmd::Play{});
  for (int i = 0; i < 20; ++i) {
    TrainSettings s;
    s.optimizer.lr = 0.01 * (i + 1);
    s.batch_size = 1 + i;
    t.send(cmd::SetSettings{s});
    if (i == 5) t.send(cmd::ReplaceNetwork{mlp({8, 4, 8}), Loss{LossKind::Bce}});
    if (i == 10) t.send(cmd::ReplaceData{circle(200, 7)});
    if (i == 15) t.send(cmd::Reset{99});
    if (i == 16) t.send(cmd::Play{});
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  t.sync();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  t.send(cmd::Pause{});
  t.sync();
  done = true;
  reader.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(reads.load(), 100);
  const SnapshotPtr s = t.snapshot();
  EXPECT_EQ(s->settings.batch_size, 20);  // the last setting took effect without a reset
  EXPECT_EQ(s->spec.layers.size(), 4u);
  EXPECT_EQ(s->train_size + s->validation_size + s->test_size, 200);
  EXPECT_GT(s->step, 0);
  ASSERT_TRUE(s->grid);
  EXPECT_EQ(s->grid->values.size(), 32u * 32u);
  EXPECT_EQ(s->grid->neurons.size(), 4u);
  EXPECT_EQ(s->grid->neurons[1].size(), 4u);
  EXPECT_FALSE(s->running);
}

TEST(Trainer, StepCommandRunsExactlyThatManyMinibatches) {
  Trainer t(circle(100, 2), mlp({4}), Loss{LossKind::Bce}, TrainSettings{}, 1);
  t.send(cmd::Step{7});
  t.sync();
  for (int i = 0; i < 200 && t.snapshot()->step < 7; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  t.send(cmd::Pause{});
  t.sync();
  EXPECT_EQ(t.snapshot()->step, 7);
}

// Throughput counts the time spent training, however the steps were asked for: steps sent as
// Step commands (slides, scripted screenshots) must not read "0 samples/s", and a pause keeps
// the last figure instead of dropping it.
TEST(Trainer, SamplesPerSecondCountsSteppedTrainingAndSurvivesAPause) {
  TrainSettings settings;
  settings.batch_size = 10;
  Trainer t(circle(100, 2), mlp({4}), Loss{LossKind::Bce}, settings, 1);
  EXPECT_EQ(t.snapshot()->samples_per_second, 0.0);
  for (int k = 0; k < 5; ++k) {
    t.send(cmd::Step{200});
    t.sync();
    for (int i = 0; i < 1000 && t.snapshot()->step < 200 * (k + 1); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  t.sync();
  const auto s = t.snapshot();
  EXPECT_EQ(s->step, 1000);
  EXPECT_FALSE(s->running);
  EXPECT_GT(s->samples_per_second, 0.0);
  t.send(cmd::Pause{});
  t.sync();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  t.sync();
  EXPECT_EQ(t.snapshot()->samples_per_second, s->samples_per_second);
}

TEST(Trainer, DivergencePausesKeepsFiniteWeightsAndExplains) {
  // Regression with ReLU units and a huge learning rate: the updates grow without bound.
  PointSet pts = generate({"sine", 200, 0.05, 2, 3});
  assign_splits(pts, {}, 3);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2"}));
  NetworkSpec spec = mlp({16, 16});
  spec.layers[0].activation.kind = spec.layers[1].activation.kind = ActivationKind::Relu;
  spec.layers.back().activation.kind = ActivationKind::Linear;
  TrainSettings s;
  s.optimizer.lr = 50;
  Trainer t(data, spec, Loss{LossKind::Mse}, s, 1);
  t.send(cmd::Play{});
  SnapshotPtr snap;
  for (int i = 0; i < 400; ++i) {
    snap = t.snapshot();
    if (snap->diverged) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(snap->diverged);
  EXPECT_FALSE(snap->running);
  EXPECT_NE(snap->message.find("learning rate"), std::string::npos) << snap->message;
  for (Scalar p : snap->params) ASSERT_TRUE(std::isfinite(p));
  // Play is refused until the user rolls back.
  t.send(cmd::Play{});
  t.sync();
  EXPECT_FALSE(t.snapshot()->running);
  t.send(cmd::Rollback{});
  t.sync();
  EXPECT_FALSE(t.snapshot()->diverged);
}

TEST(Trainer, ReplacingTheNetworkKeepsUnchangedLayers) {
  Trainer t(circle(100, 4), mlp({6, 5}), Loss{LossKind::Bce}, TrainSettings{}, 1);
  t.send(cmd::Step{20});
  t.sync();
  for (int i = 0; i < 200 && t.snapshot()->step < 20; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const SnapshotPtr before = t.snapshot();
  // Change the second hidden layer's width: layer 1 (2->6) is unchanged and must be kept.
  t.send(cmd::ReplaceNetwork{mlp({6, 7}), Loss{LossKind::Bce}});
  t.sync();
  const SnapshotPtr after = t.snapshot();
  const size_t first = 2 * 6 + 6;
  for (size_t i = 0; i < first; ++i) EXPECT_EQ(before->params[i], after->params[i]);
  EXPECT_EQ(after->params.size(), first + 6 * 7 + 7 + 7 + 1);
}

TEST(Trainer, BadNetworkIsRefusedAndTheOldOneKeepsTraining) {
  Trainer t(circle(100, 5), mlp({4}), Loss{LossKind::Bce}, TrainSettings{}, 1);
  NetworkSpec wrong = mlp({4});
  wrong.layers.back().units = 3;  // bce needs one output
  t.send(cmd::ReplaceNetwork{wrong, Loss{LossKind::Bce}});
  t.sync();
  const SnapshotPtr s = t.snapshot();
  EXPECT_EQ(s->spec.layers.back().units, 1);
  EXPECT_NE(s->message.find("binary cross-entropy"), std::string::npos) << s->message;
}

}  // namespace
}  // namespace nnplay
