// The headless commands as a user runs them: real process, real files, exit status.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

namespace {

struct CliRun {
  int status;
  std::string out;
};

CliRun run(const std::string& args) {
  const std::string cmd = std::string(NNPLAY_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int st = pclose(p);
  return {WEXITSTATUS(st), out};
}

std::string tmp(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("nnplay_cli_" + name)).string();
}

TEST(Cli, TrainCircleReaches95PercentTestAccuracy) {
  const CliRun r = run("train assets/experiments/circle.json --quiet --threads 2");
  ASSERT_EQ(r.status, 0) << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(test: loss [0-9.]+  accuracy ([0-9.]+)%)"))) << r.out;
  EXPECT_GE(std::stod(m[1]), 95.0) << r.out;
  EXPECT_NE(r.out.find("samples/s"), std::string::npos);
}

TEST(Cli, TrainPrintsOneLinePerEpochAndWritesMetricsCsv) {
  const std::string csv = tmp("metrics.csv");
  const CliRun r = run("train assets/experiments/xor.json --epochs 3 --metrics-csv " + csv);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n') >= 5, true);
  std::ifstream f(csv);
  std::string line;
  int lines = 0;
  while (std::getline(f, line)) ++lines;
  EXPECT_EQ(lines, 4);  // header + 3 epochs
}

TEST(Cli, ErrorsExitNonZeroWithAMessage) {
  CliRun r = run("train /nonexistent.json");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("/nonexistent.json"), std::string::npos) << r.out;
  r = run("train assets/experiments/xor.json --epochs banana");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("--epochs"), std::string::npos) << r.out;
  r = run("train assets/experiments/xor.json --frobnicate");
  EXPECT_NE(r.status, 0);
  r = run("no-such-command");
  EXPECT_NE(r.status, 0);
}

TEST(Cli, HelpDescribesEveryCommand) {
  CliRun r = run("--help");
  EXPECT_EQ(r.status, 0);
  for (const char* c : {"train", "dump-grads", "gui"}) EXPECT_NE(r.out.find(c), std::string::npos) << c;
  r = run("train --help");
  for (const char* o : {"--epochs", "--steps", "--threads", "--seed", "--metrics-csv"})
    EXPECT_NE(r.out.find(o), std::string::npos) << o;
  EXPECT_EQ(run("dump-grads --help").status, 0);
}

TEST(Cli, DumpGradsWritesTheDocumentedFields) {
  const std::string out = tmp("grads.json");
  const CliRun r = run("dump-grads assets/experiments/backprop-2-2-1.json --out " + out + " --steps 2");
  ASSERT_EQ(r.status, 0) << r.out;
  std::ifstream f(out);
  const auto j = nlohmann::json::parse(f);
  for (const char* k : {"inputs", "targets", "loss", "loss_value", "layers", "grads", "optimizer", "regularization", "params_after"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["layers"].size(), 2u);
  EXPECT_EQ(j["layers"][0]["weight"].size(), 2u);     // out x in
  EXPECT_EQ(j["layers"][0]["weight"][0].size(), 2u);
  EXPECT_NEAR(j["loss_value"].get<double>(), 0.5957, 1e-3);
  EXPECT_NEAR(j["grads"][1]["bias"][0].get<double>(), 0.2718, 1e-3);
  // Two SGD steps at lr 1 moved the output bias by more than one gradient.
  EXPECT_LT(j["params_after"][1]["bias"][0].get<double>(), 0.5 - 0.2718);
}

}  // namespace
