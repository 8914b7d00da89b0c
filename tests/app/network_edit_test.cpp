// Network builder logic without a window: editing rules, parameter counts, diagram geometry and
// hit testing.
#include <gtest/gtest.h>

#include "app/gui/logic/network_edit.h"
#include "app/gui/logic/network_layout.h"
#include "app/gui/logic/network_text.h"

namespace nnplay::gui {
namespace {

LayerSpec dense(int units, ActivationKind act = ActivationKind::Tanh) {
  LayerSpec l;
  l.type = "dense";
  l.units = units;
  l.activation.kind = act;
  return l;
}

// 2 -> 8 -> 8 -> 1, the default circle network.
NetworkSpec circle_net() {
  NetworkSpec s;
  s.input = Shape{2, 1, 1};
  s.layers = {dense(8), dense(8), dense(1, ActivationKind::Sigmoid)};
  return s;
}

std::vector<int> units(const NetworkSpec& s) {
  std::vector<int> u;
  for (const auto& l : s.layers) u.push_back(l.units);
  return u;
}

TEST(NetworkEdit, InsertAtEveryPositionKeepsOutputLast) {
  for (int pos = 0; pos <= 2; ++pos) {
    NetworkSpec s = circle_net();
    ASSERT_TRUE(insert_layer(s, pos, dense(3)));
    EXPECT_EQ(s.layers[pos].units, 3);
    EXPECT_EQ(s.layers.size(), 4u);
    EXPECT_EQ(s.layers.back().units, 1);
  }
  NetworkSpec s = circle_net();
  EXPECT_FALSE(insert_layer(s, 3, dense(3)));  // after the output layer
  EXPECT_FALSE(insert_layer(s, -1, dense(3)));
  EXPECT_EQ(s.layers.size(), 3u);
}

TEST(NetworkEdit, MoveReordersHiddenLayers) {
  NetworkSpec s = circle_net();
  s.layers[0].units = 5;  // 5, 8, out
  ASSERT_TRUE(move_layer(s, 0, 2));  // to just before the output
  EXPECT_EQ(units(s), (std::vector<int>{8, 5, 1}));
  ASSERT_TRUE(move_layer(s, 1, 0));
  EXPECT_EQ(units(s), (std::vector<int>{5, 8, 1}));
  EXPECT_FALSE(move_layer(s, 0, 0));  // no-op: same place
  EXPECT_FALSE(move_layer(s, 0, 1));
  EXPECT_FALSE(move_layer(s, 2, 0));  // the output layer never moves
  EXPECT_FALSE(move_layer(s, 0, 3));  // not after the output
}

TEST(NetworkEdit, RemoveKeepsOutputLayer) {
  NetworkSpec s = circle_net();
  EXPECT_FALSE(remove_layer(s, 2));
  ASSERT_TRUE(remove_layer(s, 0));
  ASSERT_TRUE(remove_layer(s, 0));
  EXPECT_FALSE(remove_layer(s, 0));  // only the output is left
  ASSERT_EQ(s.layers.size(), 1u);
  EXPECT_EQ(s.layers[0].units, 1);
}

TEST(NetworkEdit, OutputUnitsFixedByTask) {
  EXPECT_EQ(required_output_units(Task::Regression, 2, 5), 1);
  EXPECT_EQ(required_output_units(Task::Classification, 2, 1), 1);
  EXPECT_EQ(required_output_units(Task::Classification, 2, 2), 2);
  EXPECT_EQ(required_output_units(Task::Classification, 2, 7), 1);
  EXPECT_EQ(required_output_units(Task::Classification, 4, 1), 4);
  NetworkSpec s = circle_net();
  EXPECT_FALSE(enforce_output_layer(s, Task::Classification, 2));
  EXPECT_TRUE(enforce_output_layer(s, Task::Classification, 5));
  EXPECT_EQ(s.layers.back().units, 5);
  EXPECT_EQ(s.layers.back().activation.kind, ActivationKind::Softmax);
  EXPECT_TRUE(enforce_output_layer(s, Task::Regression, 5));
  EXPECT_EQ(s.layers.back().units, 1);
  EXPECT_EQ(s.layers.back().activation.kind, ActivationKind::Linear);
  s.layers.back().activation.kind = ActivationKind::Tanh;  // any activation suits regression
  EXPECT_FALSE(enforce_output_layer(s, Task::Regression, 5));
  EXPECT_FALSE(change_units(s, 2, 1));  // output units are not the user's to change
}

TEST(NetworkEdit, UnitsStayWithinBounds) {
  NetworkSpec s = circle_net();
  s.layers[0].units = 1;
  EXPECT_FALSE(change_units(s, 0, -1));
  EXPECT_TRUE(change_units(s, 0, +1));
  EXPECT_EQ(s.layers[0].units, 2);
  s.layers[0].units = kMaxUnits;
  EXPECT_FALSE(change_units(s, 0, +1));
  EXPECT_TRUE(change_units(s, 0, -1000));
  EXPECT_EQ(s.layers[0].units, kMinUnits);
}

TEST(NetworkEdit, ParamCountsAreWeightsPlusBiases) {
  const auto infos = describe_layers(circle_net());
  ASSERT_EQ(infos.size(), 3u);
  EXPECT_EQ(infos[0].params(), 24u);  // 2*8 + 8
  EXPECT_EQ(infos[1].params(), 72u);  // 8*8 + 8
  EXPECT_EQ(infos[2].params(), 9u);   // 8*1 + 1
  EXPECT_EQ(infos[1].weights, 64u);
  EXPECT_EQ(infos[1].biases, 8u);
  EXPECT_EQ(total_params(infos), 105u);
  EXPECT_EQ(format_count(105), "105");
  EXPECT_EQ(format_count(12345), "12.3k");
}

TEST(NetworkEdit, ImpossibleLayerReportsError) {
  NetworkSpec s = circle_net();
  LayerSpec conv;
  conv.type = "conv2d";
  insert_layer(s, 0, conv);
  const auto infos = describe_layers(s);
  EXPECT_FALSE(infos[0].error.empty());
  EXPECT_FALSE(layer_type_allowed("conv2d", s));
  EXPECT_TRUE(layer_type_allowed("dense", s));
  s.input = Shape{1, 28, 28};
  EXPECT_TRUE(layer_type_allowed("conv2d", s));
}

TEST(NetworkEdit, NewDenseLayerCopiesNeighbour) {
  NetworkSpec s = circle_net();
  s.layers[1].activation.kind = ActivationKind::Relu;
  s.layers[1].units = 6;
  const LayerSpec l = make_default_layer("dense", s, 2);
  EXPECT_EQ(l.units, 6);
  EXPECT_EQ(l.activation.kind, ActivationKind::Relu);
}

TEST(NetworkEdit, FeaturesStayCanonicalAndNonEmpty) {
  std::vector<std::string> f = {"x1", "x2"};
  ASSERT_TRUE(toggle_feature(f, "sin(x1)"));
  ASSERT_TRUE(toggle_feature(f, "x1^2"));
  EXPECT_EQ(f, (std::vector<std::string>{"x1", "x2", "x1^2", "sin(x1)"}));
  ASSERT_TRUE(toggle_feature(f, "x2"));
  EXPECT_EQ(f, (std::vector<std::string>{"x1", "x1^2", "sin(x1)"}));
  EXPECT_FALSE(toggle_feature(f, "nope"));
  f = {"x2"};
  EXPECT_FALSE(toggle_feature(f, "x2"));
  NetworkSpec s = circle_net();
  sync_input_shape(s, {"x1", "x2", "x1*x2"});
  EXPECT_EQ(s.input.c, 3);
}

TEST(NetworkLayout, TenLayersOf32FitWithoutOverlap) {
  std::vector<int> counts = {7};
  for (int i = 0; i < 10; ++i) counts.push_back(32);
  counts.push_back(1);
  const ImVec2 lo(0, 0), hi(800, 400);
  const DiagramLayout l = layout_diagram(lo, hi, counts);
  ASSERT_EQ(l.columns.size(), counts.size());
  for (int c = 0; c < static_cast<int>(counts.size()); ++c) {
    EXPECT_GE(l.node(c), 12.0f) << "column " << c;
    const float half = l.node(c) / 2;
    std::vector<ImVec2> shown;
    for (int u = 0; u < counts[c]; ++u)
      if (auto p = l.node_center(c, u)) shown.push_back(*p);
    EXPECT_GE(shown.size(), std::min<size_t>(counts[c], 4)) << "column " << c;
    if (auto e = l.ellipsis_center(c)) shown.push_back(*e);
    for (size_t i = 0; i < shown.size(); ++i) {
      EXPECT_GE(shown[i].x - half, lo.x);
      EXPECT_LE(shown[i].x + half, hi.x);
      EXPECT_GE(shown[i].y - half, lo.y);
      EXPECT_LE(shown[i].y + half, hi.y);
      for (size_t j = 0; j < i; ++j)
        EXPECT_GE(std::abs(shown[i].y - shown[j].y), l.node(c)) << "column " << c;
    }
    if (c > 0) {
      EXPECT_GE(l.columns[c].x - l.columns[c - 1].x, (l.node(c) + l.node(c - 1)) * 0.75f);
    }
  }
  // The first and last neuron of a compressed column stay visible.
  EXPECT_TRUE(l.node_center(1, 0).has_value());
  EXPECT_TRUE(l.node_center(1, 31).has_value());
}

TEST(NetworkLayout, SmallNetworkIsNotCompressed) {
  const DiagramLayout l = layout_diagram(ImVec2(0, 0), ImVec2(800, 400), {7, 8, 8, 1});
  for (const ColumnGeom& c : l.columns) EXPECT_FALSE(c.compressed());
  for (int c = 0; c < 4; ++c) EXPECT_LE(l.node(c), LayoutOptions{}.max_node);
  EXPECT_GT(l.node(3), l.node(1));  // the lone output neuron may be larger than a full column
  EXPECT_TRUE(hit_node(l, *l.node_center(2, 3)).has_value());
  EXPECT_EQ(hit_node(l, *l.node_center(2, 3))->unit, 3);
  EXPECT_FALSE(hit_node(l, ImVec2(1, 1)).has_value());
}

TEST(NetworkLayout, HitTestsTheNearestLink) {
  const DiagramLayout l = layout_diagram(ImVec2(0, 0), ImVec2(600, 300), {2, 3});
  const ImVec2 a = *l.node_center(0, 1), b = *l.node_center(1, 2);
  const ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2);
  const auto hit = hit_link(l, 1, {0, 1}, mid, 4);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->from, 1);
  EXPECT_EQ(hit->to, 2);
  // A source that is not connected (a disabled feature) is never hit.
  EXPECT_FALSE(hit_link(l, 1, {0}, mid, 1).has_value());
  EXPECT_FLOAT_EQ(distance_to_segment(ImVec2(5, 3), ImVec2(0, 0), ImVec2(10, 0)), 3);
}

TEST(NetworkLayout, InsertionSlotFollowsTheMouse) {
  const DiagramLayout l = layout_diagram(ImVec2(0, 0), ImVec2(400, 200), {2, 4, 4, 1});
  // Columns at 50, 150, 250, 350: gaps at 100, 200, 300.
  EXPECT_EQ(insertion_slot(l, 90, 2), 0);
  EXPECT_EQ(insertion_slot(l, 210, 2), 1);
  EXPECT_EQ(insertion_slot(l, 390, 2), 2);
  EXPECT_FLOAT_EQ(insertion_x(l, 1), 200);
}

TEST(NetworkText, FormulaWritesOutTermsThenEllipsis) {
  const float w[3] = {0.5f, -1.25f, 2.0f};
  NeuronFormula f = neuron_formula({"x1", "x2", "x1^2"}, w, -0.1f, "tanh", 2);
  EXPECT_EQ(f.z, "z = 0.50 x1 - 1.25 x2 + ... (1 more) - 0.10");
  EXPECT_EQ(f.a, "a = tanh(z)");
  EXPECT_EQ(f.weights, "weights in: 0.50, -1.25, ...   bias: -0.10");
  f = neuron_formula({"x1"}, w + 1, 0.0f, "relu");
  EXPECT_EQ(f.z, "z = -1.25 x1 + 0.00");
  EXPECT_EQ(unit_names(2, 2), (std::vector<std::string>{"h2_1", "h2_2"}));
}

}  // namespace
}  // namespace nnplay::gui
