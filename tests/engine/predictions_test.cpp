// Validation predictions: top-3 ordering, the confusion matrix, gallery order and filters, and
// the trainer publishing them for an image task (and only there).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "engine/core/error.h"
#include "engine/data/generators.h"
#include "engine/data/features.h"
#include "engine/images/image_datasets.h"
#include "engine/train/predictions.h"
#include "engine/train/trainer.h"
#include "tests/engine/small_cnn_fixture.h"

namespace nnplay {
namespace {

Matrix rows_of(std::initializer_list<std::initializer_list<float>> r) {
  Matrix m(r.size(), r.begin()->size());
  int i = 0;
  for (const auto& row : r) {
    int j = 0;
    for (float v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

TEST(Predictions, TopThreeAreTheMostProbableInOrder) {
  const Matrix probs = rows_of({{0.1f, 0.5f, 0.05f, 0.35f}, {0.7f, 0.1f, 0.15f, 0.05f}});
  const Matrix labels = rows_of({{3}, {0}});
  const Predictions p = make_predictions(probs, labels, {10, 11}, 4);
  ASSERT_EQ(p.size(), 2);
  EXPECT_EQ(p.top[0][0], 1);
  EXPECT_EQ(p.top[0][1], 3);
  EXPECT_EQ(p.top[0][2], 0);
  EXPECT_FLOAT_EQ(p.top_prob[0][1], 0.35f);
  EXPECT_EQ(p.top[1][0], 0);
  EXPECT_EQ(p.top[1][1], 2);
  EXPECT_EQ(p.rows[1], 11);
  EXPECT_FALSE(p.correct(0));
  EXPECT_TRUE(p.correct(1));
  EXPECT_DOUBLE_EQ(p.accuracy(), 0.5);
}

TEST(Predictions, ConfusionCountsTrueRowsAgainstPredictedColumns) {
  const Matrix probs = rows_of({{0.9f, 0.1f, 0.0f}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f},
                                {0.1f, 0.1f, 0.8f}, {0.0f, 0.9f, 0.1f}});
  const Matrix labels = rows_of({{0}, {1}, {1}, {2}, {2}});
  const Predictions p = make_predictions(probs, labels, {0, 1, 2, 3, 4}, 3);
  EXPECT_EQ(p.count(0, 0), 1);
  EXPECT_EQ(p.count(1, 1), 1);
  EXPECT_EQ(p.count(1, 0), 1);  // a true 1 taken for a 0
  EXPECT_EQ(p.count(2, 2), 1);
  EXPECT_EQ(p.count(2, 1), 1);
  int total = 0;
  for (int c : p.confusion) total += c;
  EXPECT_EQ(total, 5);
}

TEST(Predictions, BinarySigmoidColumnBecomesTwoClasses) {
  const Matrix probs = rows_of({{0.8f}, {0.3f}});
  const Predictions p = make_predictions(probs, rows_of({{1}, {1}}), {0, 1}, 2);
  EXPECT_EQ(p.predicted(0), 1);
  EXPECT_EQ(p.predicted(1), 0);
  EXPECT_FLOAT_EQ(p.top_prob[1][0], 0.7f);
  EXPECT_EQ(p.top[0][2], -1);  // only two classes exist
}

TEST(Predictions, RefusesMismatchedShapesAndBadLabels) {
  EXPECT_THROW(make_predictions(rows_of({{0.5f, 0.5f}}), rows_of({{0}}), {0}, 3), Error);
  EXPECT_THROW(make_predictions(rows_of({{0.5f, 0.5f}}), rows_of({{2}}), {0}, 2), Error);
  EXPECT_THROW(make_predictions(rows_of({{0.5f, 0.5f}}), rows_of({{0}}), {0, 1}, 2), Error);
}

TEST(Predictions, GalleryPutsConfidentMistakesFirstAndFiltersByCell) {
  // Entries: 0 right, 1 wrong (0.6), 2 right, 3 wrong (0.9).
  const Matrix probs = rows_of({{0.9f, 0.1f}, {0.4f, 0.6f}, {0.2f, 0.8f}, {0.9f, 0.1f}});
  const Predictions p = make_predictions(probs, rows_of({{0}, {0}, {1}, {1}}), {0, 1, 2, 3}, 2);
  EXPECT_EQ(gallery_order(p, false), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(gallery_order(p, true), (std::vector<int>{3, 1, 0, 2}));
  EXPECT_EQ(gallery_order(p, false, 1, 0), (std::vector<int>{3}));  // true 1, predicted 0
  EXPECT_EQ(gallery_order(p, false, 0), (std::vector<int>{0, 1}));
  EXPECT_TRUE(gallery_order(p, true, 0, 1) == std::vector<int>{1});
}


TEST(TrainerPredictions, ImageTaskPublishesValidationPredictionsForCurrentParams) {
  auto data = test::synthetic_images(300, 60, 0.2);
  TrainerOptions opt;
  opt.threads = 1;
  opt.predictions_max_samples = 50;
  Trainer t(data, test::small_cnn(4, 3, 0, data->num_classes), Loss{LossKind::SoftmaxCe}, TrainSettings{}, 3, opt);
  t.send(cmd::Step{5});
  // Once paused after the steps, any command's publish evaluates the final parameters.
  for (int i = 0; i < 500; ++i) {
    t.send(cmd::SetSettings{TrainSettings{}});
    t.sync();
    if (t.snapshot()->step == 5 && !t.snapshot()->running) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const SnapshotPtr s = t.snapshot();
  ASSERT_TRUE(s->predictions);
  const Predictions& p = *s->predictions;
  EXPECT_EQ(p.size(), 50);
  EXPECT_EQ(p.classes, data->num_classes);
  EXPECT_EQ(p.params_version, s->params_version);
  EXPECT_EQ(p.step, 5);
  int total = 0;
  for (int c : p.confusion) total += c;
  EXPECT_EQ(total, 50);
  for (int i = 0; i < p.size(); ++i) EXPECT_EQ(p.truth[i], int(data->validation.y(p.rows[i], 0)));
}

TEST(TrainerPredictions, PointDataHasNone) {
  PointSet pts = generate({"circle", 200, 0.1, 2, 1});
  assign_splits(pts, {}, 1);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2"}));
  NetworkSpec s;
  LayerSpec o;
  o.units = 1;
  o.activation.kind = ActivationKind::Sigmoid;
  s.layers = {o};
  TrainerOptions opt;
  opt.threads = 1;
  Trainer t(data, s, Loss{LossKind::Bce}, TrainSettings{}, 1, opt);
  t.send(cmd::Step{2});
  t.sync();
  EXPECT_FALSE(t.snapshot()->predictions);
}

}  // namespace
}  // namespace nnplay
