#include "engine/nn/network.h"

#include "engine/core/error.h"
#include "engine/nn/layer_factory.h"

namespace nnplay {

Network::Network(const NetworkSpec& spec, Rng& rng) : spec_(spec) {
  if (spec.layers.empty()) throw Error("the network has no layers: add at least an output layer");
  if (spec.input.size() < 1) throw Error("the network's input has no features");
  Shape shape = spec.input;
  size_t offset = 0;
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    layers_.push_back(make_layer(spec.layers[i], shape, static_cast<int>(i),
                                 i ? &spec.layers[i - 1] : nullptr));
    offsets_.push_back(offset);
    dense_.push_back(dynamic_cast<const Dense*>(layers_.back().get()));
    offset += layers_.back()->param_count();
    shape = layers_.back()->output_shape();
  }
  if (offset > 200'000'000) throw Error("the network has more than 200 million parameters");
  params_.assign(offset, 0);
  initialize(rng);
}

double Network::flops_per_sample() const {
  double f = 0;
  for (const auto& l : layers_) f += l->flops_per_sample();
  return f;
}

void Network::initialize(Rng& rng) {
  for (size_t i = 0; i < layers_.size(); ++i) {
    Scalar* p = params_.data() + offsets_[i];
    layers_[i]->init(p, rng);
    const LayerSpec& s = spec_.layers[i];
    for (const auto& info : layers_[i]->params()) {
      const auto& given = info.name == "weight" ? s.weight : s.bias;
      if (!given) continue;
      const size_t n = size_t(info.rows) * info.cols;
      if (given->size() != n)
        throw Error("layer " + std::to_string(i + 1) + ": explicit " + info.name + " has " +
                    std::to_string(given->size()) + " values, expected " + std::to_string(n) +
                    " (" + std::to_string(info.rows) + "x" + std::to_string(info.cols) + ")");
      for (size_t k = 0; k < n; ++k) p[info.offset + k] = static_cast<Scalar>((*given)[k]);
    }
  }
}

int Network::adopt_matching(const Network& old, const ParamVector& old_params) {
  // Match layers by position first from the front, so inserting a layer keeps those before it,
  // then from the back, so the output layer survives an inserted hidden layer.
  int kept = 0;
  std::vector<bool> done(layers_.size(), false);
  auto same = [&](int mine, int theirs) {
    const Layer& a = *layers_[mine];
    const Layer& b = old.layer(theirs);
    return a.type() == b.type() && a.input_shape() == b.input_shape() &&
           a.output_shape() == b.output_shape() && a.param_count() == b.param_count();
  };
  auto copy = [&](int mine, int theirs) {
    const size_t n = layers_[mine]->param_count();
    std::copy_n(old_params.begin() + old.param_offset(theirs), n, params_.begin() + offsets_[mine]);
    done[mine] = true;
    ++kept;
  };
  int i = 0;
  for (; i < size() && i < old.size() && same(i, i); ++i) copy(i, i);
  for (int a = size() - 1, b = old.size() - 1; a >= i && b >= i && same(a, b) && !done[a]; --a, --b)
    copy(a, b);
  return kept;
}

void Network::prepare(Workspace& ws) const {
  if (ws.layers.size() != layers_.size()) ws.layers.resize(layers_.size());
  if (ws.grads.size() != params_.size()) ws.grads.assign(params_.size(), 0);
}

const Matrix& Network::forward(const Matrix& x, Workspace& ws, bool training,
                               const Scalar* params) const {
  prepare(ws);
  if (!params) params = params_.data();
  const Matrix* in = &x;
  for (size_t i = 0; i < layers_.size(); ++i) {
    layers_[i]->forward(params + offsets_[i], *in, ws.layers[i], training);
    in = &ws.layers[i].a;
  }
  return *in;
}

const Matrix& Network::forward_after_first(Workspace& ws, bool training) const {
  LayerBuffers& first = ws.layers[0];
  if (layers_[0]->activation.kind != ActivationKind::Linear)
    layers_[0]->activation.apply(first.z, first.a);
  const Matrix* in = &first.a;
  for (size_t i = 1; i < layers_.size(); ++i) {
    layers_[i]->forward(params_.data() + offsets_[i], *in, ws.layers[i], training);
    in = &ws.layers[i].a;
  }
  return *in;
}

void Network::backward(const Matrix& x, Workspace& ws, Scalar* grads, const Scalar* params) const {
  if (!params) params = params_.data();
  const Matrix* da = &ws.d_out;
  for (int i = size() - 1; i >= 0; --i) {
    const Matrix& in = i == 0 ? x : ws.layers[i - 1].a;
    Matrix* dx = i == 0 ? nullptr : &ws.grad_a[i % 2];
    layers_[i]->backward(params + offsets_[i], in, ws.layers[i], *da, dx, grads + offsets_[i]);
    da = dx;
  }
}

void Network::backward_deferring_dense(const Matrix& x, Workspace& ws, Scalar* grads) const {
  const Matrix* da = &ws.d_out;
  for (int i = size() - 1; i >= 0; --i) {
    const Matrix& in = i == 0 ? x : ws.layers[i - 1].a;
    Matrix* dx = i == 0 ? nullptr : &ws.grad_a[i % 2];
    if (dense_[i])
      dense_[i]->backward_data(params_.data() + offsets_[i], ws.layers[i], *da, dx);
    else
      layers_[i]->backward(params_.data() + offsets_[i], in, ws.layers[i], *da, dx,
                           grads + offsets_[i]);
    da = dx;
  }
}

}  // namespace nnplay
