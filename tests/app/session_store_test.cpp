// The autosaved session must bring back a drawn dataset, the network and the weights, and a
// damaged file must never stop the app or be silently overwritten.
#include "app/gui/logic/session_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/experiment/experiment.h"

namespace {

namespace fs = std::filesystem;
using namespace nnplay;
using namespace nnplay::gui;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("nnplay-session-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

Experiment drawn_experiment() {
  Experiment e = default_experiment();
  e.data.source = "points";
  e.data.points.points.clear();
  e.data.points.num_classes = 2;
  for (int i = 0; i < 7; ++i) {
    Point p;
    p.x1 = 0.5 * i - 1.25;
    p.x2 = 1.5 - 0.25 * i;
    p.y = i % 2;
    p.split = i == 6 ? SplitId::Validation : SplitId::Train;
    e.data.points.points.push_back(p);
  }
  e.network.layers[0].units = 5;
  e.train.optimizer.lr = 0.0123;
  // 2 -> 5 -> 8 -> 1 dense: 15 + 48 + 9 parameters.
  std::vector<double> w(72);
  for (size_t i = 0; i < w.size(); ++i) w[i] = 0.01 * double(i) - 0.3;
  e.weights = w;
  return e;
}

TEST(SessionStore, RoundTripKeepsDrawnPointsNetworkWeightsAndPrefs) {
  TempDir dir;
  const std::string path = (dir.path / "sub" / "session.json").string();
  UiPrefs ui;
  ui.scale = 1.5f;
  ui.light_theme = true;
  ui.layout.left = 0.3;
  save_session(path, drawn_experiment(), ui, "/some/where.json", true);
  std::string problem;
  const auto s = load_session(path, &problem);
  ASSERT_TRUE(s.has_value()) << problem;
  ASSERT_TRUE(s->experiment.has_value()) << problem;
  const Experiment& e = *s->experiment;
  ASSERT_EQ(e.data.points.points.size(), 7u);
  EXPECT_DOUBLE_EQ(e.data.points.points[3].x1, 0.25);
  EXPECT_DOUBLE_EQ(e.data.points.points[3].x2, 0.75);
  EXPECT_EQ(e.data.points.points[5].y, 1);
  EXPECT_EQ(e.data.points.points[6].split, SplitId::Validation);
  EXPECT_EQ(e.network.layers[0].units, 5);
  EXPECT_DOUBLE_EQ(e.train.optimizer.lr, 0.0123);
  ASSERT_TRUE(e.weights.has_value());
  EXPECT_EQ(*e.weights, *drawn_experiment().weights);
  EXPECT_FLOAT_EQ(s->ui.scale, 1.5f);
  EXPECT_TRUE(s->ui.light_theme);
  EXPECT_TRUE(s->ui.has_layout);
  EXPECT_EQ(s->document_path, "/some/where.json");
  EXPECT_TRUE(s->dirty);
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST(SessionStore, MissingFileIsNoSessionAndNoProblem) {
  TempDir dir;
  std::string problem;
  EXPECT_FALSE(load_session((dir.path / "none.json").string(), &problem).has_value());
  EXPECT_TRUE(problem.empty());
}

TEST(SessionStore, CorruptFileIsSetAsideAndExplained) {
  TempDir dir;
  const std::string path = (dir.path / "session.json").string();
  std::ofstream(path) << "{\"nnplay_session\": 1, \"experiment\": {";  // truncated by a crash
  std::string problem;
  EXPECT_FALSE(load_session(path, &problem).has_value());
  EXPECT_NE(problem.find("could not be read"), std::string::npos) << problem;
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(fs::exists(path + ".bad"));  // kept for the user, not overwritten
}

TEST(SessionStore, InvalidExperimentKeepsThePreferences) {
  TempDir dir;
  const std::string path = (dir.path / "session.json").string();
  std::ofstream(path) << R"({"nnplay_session": 1, "ui": {"scale": 2.0},
                             "experiment": {"network": {"layers": "not a list"}}})";
  std::string problem;
  const auto s = load_session(path, &problem);
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(s->experiment.has_value());
  EXPECT_FLOAT_EQ(s->ui.scale, 2.0f);
  EXPECT_NE(problem.find("invalid"), std::string::npos) << problem;
  EXPECT_TRUE(fs::exists(path + ".bad"));
}

TEST(SessionStore, SavingOverAnOldSessionReplacesIt) {
  TempDir dir;
  const std::string path = (dir.path / "session.json").string();
  Experiment a = drawn_experiment();
  save_session(path, a, UiPrefs{}, "", false);
  a.data.points.points.resize(2);
  save_session(path, a, UiPrefs{}, "", false);
  const auto s = load_session(path, nullptr);
  ASSERT_TRUE(s && s->experiment);
  EXPECT_EQ(s->experiment->data.points.points.size(), 2u);
}

}  // namespace
