// One sample pushed through a small dense network, forward and then backward, with every
// intermediate number kept: z, a and delta = dL/dz for each neuron, dL/dW and dL/db for each
// weight. The backprop step-through view shows it one step at a time. The numbers come from the
// engine's own layers and loss, so they are exactly what a training step on that sample uses
// (without regularisation, which the curves also leave out).
#pragma once
#include <string>
#include <vector>

#include "engine/core/tensor.h"
#include "engine/nn/loss.h"
#include "engine/nn/network_spec.h"

namespace nnplay {

struct LayerTrace {
  int inputs = 0, units = 0;
  Activation activation;          // as the user wrote it (the output's sigmoid/softmax included)
  std::vector<double> weight;     // (units, inputs) row-major: row j is neuron j's incoming weights
  std::vector<double> bias;       // (units)
  std::vector<double> z, a;       // pre-activation and output (units)
  std::vector<double> da;         // dL/da (units)
  std::vector<double> delta;      // dL/dz = dL/da * f'(z) (units); for a single sample also dL/db
  std::vector<double> grad_weight;  // dL/dW (units, inputs) = delta_j * input_i
};

enum class TraceStepKind {
  Input,     // the sample is placed on the input neurons
  Forward,   // layer computes z = W x + b, a = f(z)
  Loss,      // the output is compared with the target
  Backward,  // layer receives dL/da, computes delta and its weight gradients
  Update,    // w - lr * dL/dw (plain gradient descent)
};

struct TraceStep {
  TraceStepKind kind = TraceStepKind::Input;
  int layer = -1;  // Forward / Backward: which layer (0 = first hidden)
};

struct BackpropTrace {
  std::vector<double> x;       // the input features
  double target = 0;           // class index (classification) or value (regression)
  std::vector<LayerTrace> layers;
  std::vector<double> output;  // what the user sees: probabilities or values
  double loss = 0;
  // Cross-entropy losses apply the output's sigmoid/softmax themselves, which makes the output
  // delta simply p - t; the output layer's da then holds that delta (there is no separate step).
  bool fused_output = false;
  std::vector<TraceStep> steps;  // Input, Forward 0..L-1, Loss, Backward L-1..0, Update
};

// Why this network cannot be traced (empty when it can): dense layers only.
std::string trace_unsupported_reason(const NetworkSpec& spec);
// Neurons on the diagram, inputs included (the view is for about 20 or fewer).
int trace_neuron_count(const NetworkSpec& spec);

// spec as the user wrote it (spec.input set), params as the trainer holds them (flat, layer i at
// its offset: weight then bias). x has spec.input.size() values. Throws Error when the network is
// not dense-only or the parameter count does not match.
BackpropTrace trace_backprop(const NetworkSpec& spec, const Loss& loss,
                             const std::vector<Scalar>& params, const std::vector<double>& x,
                             double target);

}  // namespace nnplay
