// The benchmark workloads, described once so bench_main.cpp and bench/torch_bench.py measure the
// same thing: architecture, initialiser, loss, optimiser, batch size and data shape.
//   W1    2 -> 8 -> 8 -> 1, tanh, sigmoid output + BCE, SGD 0.03, batch 10, circle (500 points)
//   W2    2 -> 10 x 16 sigmoid -> 1, BCE, SGD 0.03, batch 32, circle (500 points)
//   grid  W1's network predicting a 256 x 256 decision grid (65,536 rows of x1, x2)
//   W3    Fashion-MNIST MLP 784 -> 128 -> 64 -> 10 ReLU, softmax CE, SGD 0.01, batch 64
//   W4    LeNet: conv 5x5x6 pad 2, ReLU, maxpool 2, conv 5x5x16, ReLU, maxpool 2, flatten,
//         dense 120, 84 (ReLU), 10; softmax CE, SGD 0.01, batch 64
// Initialisers: Xavier-uniform for tanh/sigmoid layers and the output layer, He-uniform for
// ReLU layers; biases zero (torch_bench.py initialises its modules the same way).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/data/dataset.h"
#include "engine/nn/loss.h"
#include "engine/nn/network_spec.h"
#include "engine/train/settings.h"

namespace nnplay::bench {

struct Workload {
  std::string name;  // "W1", "W2", "W3", "W4" ("grid" uses W1)
  std::shared_ptr<const Dataset> data;
  NetworkSpec spec;
  Loss loss;
  TrainSettings settings;
  std::string data_note;  // where the data came from, for the report
};

// Names accepted by --only, in the order they run ("pool" times the thread pool alone).
const std::vector<std::string>& workload_names();

// Builds a workload's data and network description. Image workloads load Fashion-MNIST
// (engine/images, e.g. Debian's dataset-fashion-mnist package) and, when it is not installed,
// use random 28x28 8-bit images of the same shape and count (60,000): no kernel's speed depends
// on pixel values. Throws Error for an unknown name.
Workload make_workload(const std::string& name);

// The 256 x 256 decision grid over the data square [-6, 6]^2 as feature rows (x1, x2).
Matrix decision_grid_rows(int side);

}  // namespace nnplay::bench
