#include "engine/train/backprop_trace.h"

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/nn/compiled_spec.h"
#include "engine/nn/dense.h"
#include "engine/nn/network.h"

namespace nnplay {

namespace {

std::vector<double> row(const Matrix& m) { return std::vector<double>(m.data(), m.data() + m.size()); }

std::vector<TraceStep> step_order(int layers) {
  std::vector<TraceStep> steps{{TraceStepKind::Input, -1}};
  for (int i = 0; i < layers; ++i) steps.push_back({TraceStepKind::Forward, i});
  steps.push_back({TraceStepKind::Loss, layers - 1});
  for (int i = layers - 1; i >= 0; --i) steps.push_back({TraceStepKind::Backward, i});
  steps.push_back({TraceStepKind::Update, -1});
  return steps;
}

}  // namespace

std::string trace_unsupported_reason(const NetworkSpec& spec) {
  if (spec.layers.empty()) return "the network has no layers";
  for (size_t i = 0; i < spec.layers.size(); ++i)
    if (spec.layers[i].type != "dense")
      return "layer " + std::to_string(i + 1) + " is " + spec.layers[i].type +
             ": the step-through shows dense layers only";
  return {};
}

int trace_neuron_count(const NetworkSpec& spec) {
  int n = spec.input.size();
  for (const auto& l : spec.layers) n += l.type == "dense" ? l.units : 0;
  return n;
}

BackpropTrace trace_backprop(const NetworkSpec& spec, const Loss& loss,
                             const std::vector<Scalar>& params, const std::vector<double>& x,
                             double target) {
  if (const std::string why = trace_unsupported_reason(spec); !why.empty()) throw Error(why);
  Rng rng(1);  // only to construct; every parameter is overwritten below
  const Network net(compiled_spec(spec, loss), rng);
  if (params.size() != net.param_count())
    throw Error("backprop trace: " + std::to_string(params.size()) + " parameters given, the network has " +
                std::to_string(net.param_count()));
  if (int(x.size()) != spec.input.size())
    throw Error("backprop trace: the sample has " + std::to_string(x.size()) + " features, the network takes " +
                std::to_string(spec.input.size()));

  const int L = net.size();
  BackpropTrace t;
  t.x = x;
  t.target = target;
  t.layers.resize(L);
  std::vector<Matrix> inputs(L + 1);
  inputs[0].resize(1, Eigen::Index(x.size()));
  for (size_t i = 0; i < x.size(); ++i) inputs[0](0, Eigen::Index(i)) = static_cast<Scalar>(x[i]);
  std::vector<LayerBuffers> bufs(L);

  // Forward, layer by layer, with the engine's own kernels.
  for (int i = 0; i < L; ++i) {
    const Layer& layer = net.layer(i);
    const Scalar* p = params.data() + net.param_offset(i);
    layer.forward(p, inputs[i], bufs[i], false);
    inputs[i + 1] = bufs[i].a;
    LayerTrace& lt = t.layers[i];
    lt.inputs = layer.input_shape().size();
    lt.units = layer.output_shape().size();
    lt.activation = spec.layers[i].activation;
    const size_t nw = size_t(lt.units) * lt.inputs;
    lt.weight.assign(p, p + nw);
    lt.bias.assign(p + nw, p + nw + lt.units);
    lt.z = row(pre_activation(layer, bufs[i]));
    lt.a = row(bufs[i].a);
  }

  // Loss for this one sample (batch of 1, so no averaging hides a factor).
  Matrix target_m(1, 1), d_out, shown;
  target_m(0, 0) = static_cast<Scalar>(target);
  t.loss = loss.evaluate(bufs[L - 1].a, target_m, &d_out, 1);
  loss.predict(bufs[L - 1].a, shown);
  t.output = row(shown);
  t.fused_output = loss.kind != LossKind::Mse;
  if (t.fused_output) t.layers[L - 1].a = t.output;

  // Backward from dL/d(output); each layer adds its parameter gradients into grads.
  std::vector<Scalar> grads(params.size(), Scalar(0));
  Matrix da = d_out, dx;
  for (int i = L - 1; i >= 0; --i) {
    const Layer& layer = net.layer(i);
    const size_t off = net.param_offset(i);
    LayerTrace& lt = t.layers[i];
    lt.da = row(da);
    layer.backward(params.data() + off, inputs[i], bufs[i], da, i > 0 ? &dx : nullptr, grads.data() + off);
    const bool linear = layer.activation.kind == ActivationKind::Linear;
    lt.delta = linear ? row(da) : row(bufs[i].dz);
    const size_t nw = size_t(lt.units) * lt.inputs;
    lt.grad_weight.assign(grads.begin() + off, grads.begin() + off + nw);
    if (i > 0) da = dx;
  }
  t.steps = step_order(L);
  return t;
}

}  // namespace nnplay
