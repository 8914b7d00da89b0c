// `nnplay train --layer-stats-csv` on the vanishing-gradient lesson: at initialisation a
// 10-layer sigmoid network's first layer gets a gradient far smaller than its last layer,
// while the same depth with ReLU and He initialisation stays within an order of magnitude.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Row {
  long epoch = 0, step = 0;
  int layer = 0;
  std::string type;
  double grad_norm = 0, grad_mean_abs = 0, update_ratio = 0, saturated = 0, dead = 0;
};

std::string tmp(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("nnplay_layer_stats_" + name)).string();
}

int run(const std::string& args, std::string& out) {
  const std::string cmd = std::string(NNPLAY_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  return WEXITSTATUS(pclose(p));
}

std::vector<Row> read_csv(const std::string& path, std::string& header) {
  std::ifstream f(path);
  std::getline(f, header);
  std::vector<Row> rows;
  std::string line;
  while (std::getline(f, line)) {
    std::stringstream ss(line);
    std::string c[9];
    for (auto& cell : c) std::getline(ss, cell, ',');
    rows.push_back({std::stol(c[0]), std::stol(c[1]), std::stoi(c[2]), c[3], std::stod(c[4]),
                    std::stod(c[5]), std::stod(c[6]), std::stod(c[7]), std::stod(c[8])});
  }
  return rows;
}

// First-layer over last-layer gradient norm on the first rows (the state at initialisation).
double first_over_last(const std::string& experiment, std::vector<Row>& rows) {
  const std::string csv = tmp(experiment + ".csv");
  std::string out, header;
  const int status = run("train assets/experiments/" + experiment + ".json --epochs 1 --quiet --threads 1 --layer-stats-csv " + csv, out);
  EXPECT_EQ(status, 0) << out;
  rows = read_csv(csv, header);
  EXPECT_EQ(header, "epoch,step,layer,type,grad_norm,grad_mean_abs,update_ratio,saturated_fraction,dead_fraction");
  EXPECT_GE(rows.size(), 22u) << "one row per layer at initialisation and after the epoch";
  if (rows.size() < 11) return NAN;
  EXPECT_EQ(rows[0].layer, 0);
  EXPECT_EQ(rows[10].layer, 10);
  EXPECT_EQ(rows[0].step, rows[10].step);
  for (int l = 0; l < 11; ++l) EXPECT_GT(rows[l].grad_norm, 0) << experiment << " layer " << l;
  return rows[0].grad_norm / rows[10].grad_norm;
}

TEST(LayerStatsCsv, DeepSigmoidGradientVanishesTowardsTheInput) {
  std::vector<Row> rows;
  const double ratio = first_over_last("deep-sigmoid", rows);
  EXPECT_LT(ratio, 1e-3) << "first layer's gradient norm should be far below the last's";
  // The norm shrinks layer after layer on the way back (allowing small local wiggles).
  if (rows.size() >= 11) EXPECT_LT(rows[4].grad_norm, rows[9].grad_norm);
  for (size_t i = 0; i < std::min<size_t>(rows.size(), 11); ++i) {
    EXPECT_EQ(rows[i].dead, 0) << "sigmoid units are never counted as dead ReLUs";
    EXPECT_GE(rows[i].saturated, 0);
    EXPECT_LE(rows[i].saturated, 1);
  }
}

TEST(LayerStatsCsv, DeepReluHeGradientStaysWithinAnOrderOfMagnitude) {
  std::vector<Row> rows;
  const double ratio = first_over_last("deep-relu-he", rows);
  EXPECT_GT(ratio, 0.1);
  EXPECT_LT(ratio, 10.0);
  for (size_t i = 0; i < std::min<size_t>(rows.size(), 10); ++i) {
    EXPECT_EQ(rows[i].saturated, 0) << "ReLU units are never counted as saturated";
    EXPECT_GE(rows[i].dead, 0);
    EXPECT_LT(rows[i].dead, 0.5) << "He initialisation leaves most ReLUs alive, layer " << i;
  }
}

}  // namespace
