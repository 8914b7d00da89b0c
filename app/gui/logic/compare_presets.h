// Ready-made comparisons for the compare view and for lessons: the same network with sigmoid
// and with ReLU, the optimiser race, and the document's own network as one more run.
#pragma once
#include <string>
#include <vector>

#include "app/gui/logic/compare_runs.h"

namespace nnplay::gui {

// The document's network twice: every hidden layer sigmoid (Xavier initialisation) and every
// hidden layer ReLU (He initialisation, the pairing each was designed for).
std::vector<CompareRunSpec> preset_sigmoid_vs_relu(const Experiment& doc);
// The document's network trained by SGD, momentum, Nesterov, Adagrad, RMSProp and Adam, each
// with a learning rate that suits it (adaptive methods take smaller steps).
std::vector<CompareRunSpec> preset_optimizer_race(const Experiment& doc);
// The document as it is now, labelled by what distinguishes it.
CompareRunSpec preset_current(const Experiment& doc);

// A short label: hidden activations, layer widths and optimiser ("tanh 8-8, sgd 0.03").
std::string describe_config(const Experiment& e);

}  // namespace nnplay::gui
