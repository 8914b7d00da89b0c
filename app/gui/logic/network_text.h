// Words of the network builder: one-sentence explanations of activations, initialisers and
// parameter counts, and a neuron's formula written out with its current weights.
#pragma once
#include <string>
#include <vector>

#include "engine/nn/activation.h"
#include "engine/nn/initializer.h"

namespace nnplay::gui {

const char* activation_help(ActivationKind kind);
const char* init_help(InitKind kind);
const char* param_count_help();

// "z = 0.53 x1 - 1.20 x2 + ... + 0.10" with the first `max_terms` terms, then "a = tanh(z)".
// inputs names the previous layer's outputs; w holds this neuron's weights (one per input).
struct NeuronFormula {
  std::string z;        // z = sum_i w_i x_i + b, written out
  std::string a;        // a = f(z)
  std::string weights;  // "weights in: 0.53, -1.20, ...  bias: 0.10"
};
NeuronFormula neuron_formula(const std::vector<std::string>& inputs, const float* w, float b,
                             const std::string& activation, int max_terms = 8);

// Short names of a layer's outputs for formulas: h1_1, h1_2, ... (layer and unit, 1-based).
std::vector<std::string> unit_names(int layer, int units);

}  // namespace nnplay::gui
