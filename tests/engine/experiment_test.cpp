// Experiment files: every example loads, save/load round-trips, and every malformed input gets
// an error naming the file, the field and what was expected - never a crash or a default.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/core/error.h"
#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"

namespace nnplay {
namespace {

std::string error_of(const std::string& json) {
  try {
    parse_experiment(json, "bad.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const char* kGood = R"({"task": "classification",
 "data": {"source": "generator", "generator": {"name": "xor", "n": 50}},
 "features": ["x1", "x2"],
 "layers": [{"type": "dense", "units": 4, "activation": "relu"}, {"type": "dense", "units": 1, "activation": "sigmoid"}],
 "loss": "bce", "optimizer": {"name": "adam", "lr": 0.01}, "batch_size": 8})";

std::string with(const std::string& from, const std::string& to) {
  std::string s = kGood;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

TEST(Experiment, EveryExampleLoadsAndBuildsItsData) {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator("assets/experiments")) {
    if (f.path().extension() != ".json") continue;
    SCOPED_TRACE(f.path().string());
    Experiment e = load_experiment(f.path().string());
    if (e.data.source != "images") EXPECT_GT(build_dataset(e)->train.rows(), 0);
    ++n;
  }
  EXPECT_GE(n, 5);
}

TEST(Experiment, ImageStandardisationIsReadSavedAndApplied) {
  const Experiment e = load_experiment("assets/experiments/fashion-mlp.json");
  EXPECT_TRUE(e.data.images.standardize);
  Experiment small = e;
  small.data.images.name = "synthetic";
  small.data.images.limit_train = 200;
  small.data.images.limit_test = 10;
  const auto d = build_dataset(small);
  EXPECT_NE(d->train.pixel_offset, 0.0f);
  small.data.images.standardize = false;
  EXPECT_EQ(build_dataset(small)->train.pixel_offset, 0.0f);
  const auto path = std::filesystem::temp_directory_path() / "nnplay_standardize.json";
  save_experiment(e, path.string());
  EXPECT_TRUE(load_experiment(path.string()).data.images.standardize);
  std::filesystem::remove(path);
}

TEST(Experiment, GoodTextParses) {
  Experiment e = parse_experiment(kGood, "good.json");
  EXPECT_EQ(e.network.layers.size(), 2u);
  EXPECT_EQ(e.network.input.size(), 2);
  EXPECT_EQ(e.train.optimizer.kind, OptimizerKind::Adam);
  EXPECT_EQ(e.data.points.points.size(), 50u);
}

TEST(Experiment, SaveAndLoadRoundTripIncludingPointsAndWeights) {
  Experiment e = default_experiment();
  e.weights = std::vector<double>(8 * 2 + 8 + 8 * 8 + 8 + 8 + 1, 0.25);
  e.data.points.points[3].x1 = 1.2345678901;
  const auto path = std::filesystem::temp_directory_path() / "nnplay_roundtrip.json";
  save_experiment(e, path.string());
  Experiment back = load_experiment(path.string());
  EXPECT_EQ(back.network, e.network);
  ASSERT_EQ(back.data.points.points.size(), e.data.points.points.size());
  EXPECT_DOUBLE_EQ(back.data.points.points[3].x1, 1.2345678901);
  EXPECT_EQ(back.data.points.points[5].split, e.data.points.points[5].split);
  ASSERT_TRUE(back.weights);
  EXPECT_EQ(*back.weights, *e.weights);
  EXPECT_EQ(back.train, e.train);
}

TEST(ExperimentErrors, TruncatedJson) {
  const std::string msg = error_of(std::string(kGood).substr(0, 80));
  EXPECT_NE(msg.find("bad.json: not valid JSON"), std::string::npos) << msg;
}

TEST(ExperimentErrors, WrongTypeNamesTheField) {
  const std::string msg = error_of(with("\"lr\": 0.01", "\"lr\": \"fast\""));
  EXPECT_NE(msg.find("bad.json: optimizer.lr: expected a number"), std::string::npos) << msg;
}

TEST(ExperimentErrors, UnknownActivationListsTheChoices) {
  const std::string msg = error_of(with("\"relu\"", "\"sigmod\""));
  EXPECT_NE(msg.find("layers[0].activation: expected one of"), std::string::npos) << msg;
  EXPECT_NE(msg.find("sigmod"), std::string::npos) << msg;
}

TEST(ExperimentErrors, MissingLayers) {
  std::string s = kGood;
  s = s.substr(0, s.find("\"layers\"")) + s.substr(s.find("\"loss\""));
  const std::string msg = error_of(s);
  EXPECT_NE(msg.find("layers: missing"), std::string::npos) << msg;
}

TEST(ExperimentErrors, MissingData) {
  const std::string msg = error_of(R"({"layers": [{"units": 1}]})");
  EXPECT_NE(msg.find("data: missing"), std::string::npos) << msg;
}

TEST(ExperimentErrors, AbsurdSizes) {
  EXPECT_NE(error_of(with("\"units\": 4", "\"units\": 100000000")).find("layers[0].units"), std::string::npos);
  EXPECT_NE(error_of(with("\"n\": 50", "\"n\": 1e12")).find("data.generator.n"), std::string::npos);
  EXPECT_NE(error_of(with("\"batch_size\": 8", "\"batch_size\": -3")).find("batch_size"), std::string::npos);
  EXPECT_NE(error_of(with("\"lr\": 0.01", "\"lr\": 1e9")).find("optimizer.lr"), std::string::npos);
}

TEST(ExperimentErrors, OutputLayerMustFitTheLoss) {
  const std::string msg = error_of(with("\"units\": 1, \"activation\": \"sigmoid\"", "\"units\": 3, \"activation\": \"sigmoid\""));
  EXPECT_NE(msg.find("binary cross-entropy needs 1 output unit"), std::string::npos) << msg;
  const std::string reg = error_of(with("\"classification\"", "\"regression\""));
  EXPECT_FALSE(reg.empty());
}

TEST(ExperimentErrors, BadPointsAndExplicitWeights) {
  const std::string pts = R"({"data": {"source": "points", "points": [[0, 1, 0], [1, "a", 1]]},
    "layers": [{"units": 1, "activation": "sigmoid"}]})";
  EXPECT_NE(error_of(pts).find("data.points[1]"), std::string::npos) << error_of(pts);
  const std::string w = with("{\"type\": \"dense\", \"units\": 4, \"activation\": \"relu\"}",
                             "{\"type\": \"dense\", \"units\": 4, \"activation\": \"relu\", \"weight\": [1, 2, 3]}");
  const std::string msg = error_of(w);
  EXPECT_NE(msg.find("explicit weight has 3 values, expected 8"), std::string::npos) << msg;
}

TEST(ExperimentErrors, MissingFileAndNotAnObject) {
  EXPECT_THROW(load_experiment("/nonexistent/x.json"), Error);
  EXPECT_NE(error_of("[1, 2]").find("expected a JSON object"), std::string::npos);
}

}  // namespace
}  // namespace nnplay
