// One image through the network (feature maps, probabilities) and the draw pad's MNIST
// normalisation of a drawing.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/error.h"
#include "engine/images/image_datasets.h"
#include "engine/train/inspect.h"
#include "engine/train/inspect_drawing.h"
#include "engine/train/session.h"
#include "tests/engine/small_cnn_fixture.h"

namespace nnplay {
namespace {

NetworkSpec lenet_like() {
  NetworkSpec s = test::small_cnn(3, 5, 2, 6);
  s.input = {1, 28, 28};
  return s;
}

TEST(Inspector, GivesEveryLayersMapsAndTheSessionsProbabilities) {
  auto data = test::synthetic_images(40, 10, ImageDataSpec{}.validation_fraction);
  ThreadPool pool(1);
  TrainingSession session(data, lenet_like(), Loss{LossKind::SoftmaxCe}, TrainSettings{}, 7, &pool);
  for (int i = 0; i < 3; ++i) session.step();
  const std::vector<Scalar> params(session.network().params().begin(), session.network().params().end());
  Inspector insp(session.spec(), params, session.loss());

  int row = 0;
  Matrix x, y, probs;
  data->train.gather(&row, 1, x, y);
  session.predict(x, probs);
  std::vector<float> pixels(x.data(), x.data() + x.size());
  const Inspection r = insp.run(pixels.data());
  ASSERT_EQ(r.layers.size(), 4u);
  EXPECT_EQ(r.layers[0].type, "conv2d");
  EXPECT_EQ(r.layers[0].shape, (Shape{3, 28, 28}));
  EXPECT_EQ(r.layers[0].values.size(), 3u * 28 * 28);
  EXPECT_EQ(r.layers[1].shape, (Shape{3, 14, 14}));
  for (float v : r.layers[0].values) EXPECT_GE(v, 0.0f);  // after ReLU
  ASSERT_EQ(r.probs.size(), 6u);
  double sum = 0;
  for (int k = 0; k < 6; ++k) {
    EXPECT_NEAR(r.probs[k], probs(0, k), 1e-5);
    sum += r.probs[k];
  }
  EXPECT_NEAR(sum, 1.0, 1e-5);
  // Pooling really takes the maximum of each 2x2 window of the convolution's output.
  const auto& conv = r.layers[0].values;
  const float m = std::max({conv[0], conv[1], conv[28], conv[29]});
  EXPECT_FLOAT_EQ(r.layers[1].values[0], m);
}

// A standardised dataset's rows go into the network centred and scaled; an image shown or drawn
// in [0, 1] must reach the network the same way, or the Draw pad would predict nonsense.
TEST(Inspector, SeesImagesAsTrainingDoesWhenTheDataAreStandardised) {
  ImageDataSpec spec;
  spec.name = "synthetic";
  spec.limit_train = 300;
  spec.limit_test = 20;
  spec.standardize = true;
  auto data = std::make_shared<Dataset>(load_image_dataset(spec));
  Matrix x, y;
  data->train.gather_all(x, y);
  EXPECT_NEAR(x.mean(), 0.0, 1e-4);
  EXPECT_NEAR(std::sqrt((x.array() - x.mean()).square().mean()), 1.0, 1e-3);
  EXPECT_EQ(data->test.pixel_scale, data->train.pixel_scale);  // the training figures everywhere
  EXPECT_EQ(data->test.pixel_offset, data->train.pixel_offset);

  ThreadPool pool(1);
  NetworkSpec net = lenet_like();
  net.input = data->input;
  TrainingSession session(data, net, Loss{LossKind::SoftmaxCe}, TrainSettings{}, 7, &pool);
  for (int i = 0; i < 3; ++i) session.step();
  const std::vector<Scalar> params(session.network().params().begin(), session.network().params().end());
  Inspector insp(session.spec(), params, session.loss());
  insp.set_input_transform(data->train.pixel_scale * 255, data->train.pixel_offset);
  const int row = 4;
  Matrix one, probs;
  data->train.gather(&row, 1, one, y);
  session.predict(one, probs);
  std::vector<float> pixels(data->train.pixel_width);  // as the Samples view shows it
  for (int i = 0; i < data->train.pixel_width; ++i)
    pixels[i] = data->train.pixels[size_t(row) * data->train.pixel_width + i] / 255.0f;
  const Inspection r = insp.run(pixels.data());
  ASSERT_EQ(r.probs.size(), size_t(probs.cols()));
  for (size_t k = 0; k < r.probs.size(); ++k) EXPECT_NEAR(r.probs[k], probs(0, k), 1e-5) << k;
}

TEST(Inspector, RefusesParametersOfAnotherNetwork) {
  EXPECT_THROW(Inspector(lenet_like(), std::vector<Scalar>(5, 0.0f), Loss{LossKind::SoftmaxCe}), Error);
}

TEST(DrawPad, BrushIsSoftAndOnlyAddsInk) {
  Ink ink(32);
  stamp_brush(ink, 16, 16, 3);
  EXPECT_FLOAT_EQ(ink.at(15, 15), 1.0f);  // centre
  const float edge = ink.at(19, 15);      // 3.5 px from the centre: on the soft edge
  EXPECT_GT(edge, 0.0f);
  EXPECT_LT(edge, 1.0f);
  EXPECT_EQ(ink.at(24, 15), 0.0f);
  stamp_brush(ink, 26, 16, 1);  // a second dab does not lighten the first
  EXPECT_FLOAT_EQ(ink.at(15, 15), 1.0f);
}

TEST(DrawPad, StrokeIsContinuousEvenForAFastMouse) {
  Ink ink(64);
  stroke_segment(ink, 5, 10, 60, 10, 2);
  for (int x = 6; x < 59; ++x) EXPECT_GT(ink.at(x, 9), 0.5f) << x;
}

TEST(DrawPad, NormalisationFitsTwentyPixelsAndCentresTheMass) {
  // A small tall stroke in the upper left corner of a large pad.
  Ink ink(112);
  stroke_segment(ink, 10, 8, 14, 40, 3);
  const Ink out = normalize_like_mnist(ink);
  ASSERT_EQ(out.side, 28);
  int x0 = 28, x1 = -1, y0 = 28, y1 = -1;
  for (int j = 0; j < 28; ++j)
    for (int i = 0; i < 28; ++i)
      if (out.at(i, j) > 0.05f) x0 = std::min(x0, i), x1 = std::max(x1, i), y0 = std::min(y0, j), y1 = std::max(y1, j);
  EXPECT_NEAR(y1 - y0 + 1, 20, 1);  // the longer side fills the 20-pixel box
  EXPECT_LT(x1 - x0 + 1, 12);       // the aspect ratio is kept
  float cx, cy;
  center_of_mass(out, cx, cy);
  EXPECT_NEAR(cx, 14, 0.75);
  EXPECT_NEAR(cy, 14, 0.75);
}

TEST(DrawPad, EmptyDrawingGivesABlackImage) {
  const Ink out = normalize_like_mnist(Ink(50));
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(out.v.size(), 28u * 28);
}

}  // namespace
}  // namespace nnplay
