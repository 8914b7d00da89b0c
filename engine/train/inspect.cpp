#include "engine/train/inspect.h"

#include <algorithm>

#include "engine/core/error.h"
#include "engine/nn/compiled_spec.h"

namespace nnplay {

Inspector::Inspector(const NetworkSpec& spec, const std::vector<Scalar>& params, const Loss& loss)
    : loss_(loss) {
  Rng rng(1);
  net_ = std::make_unique<Network>(compiled_spec(spec, loss), rng);
  set_params(params);
}

void Inspector::set_params(const std::vector<Scalar>& params) {
  if (params.size() != net_->param_count())
    throw Error("inspect: " + std::to_string(params.size()) + " parameters given, the network has " +
                std::to_string(net_->param_count()));
  std::copy(params.begin(), params.end(), net_->params().begin());
}

void Inspector::predict(const Matrix& x, Matrix& out) const {
  Workspace ws;
  loss_.predict(net_->forward(x, ws, false), out);
}

Inspection Inspector::run(const float* pixels) const {
  const int n = net_->input_shape().size();
  Matrix x(1, n);
  for (int i = 0; i < n; ++i) x(0, i) = pixels[i] * input_scale_ + input_offset_;
  Workspace ws;
  const Matrix& logits = net_->forward(x, ws, false);
  Inspection r;
  r.layers.resize(net_->size());
  for (int l = 0; l < net_->size(); ++l) {
    LayerOutput& o = r.layers[l];
    o.type = net_->layer(l).type();
    o.shape = net_->layer(l).output_shape();
    const Matrix& a = ws.layers[l].a;
    o.values.assign(a.data(), a.data() + a.size());
  }
  Matrix shown;
  loss_.predict(logits, shown);
  r.probs.assign(shown.data(), shown.data() + shown.size());
  r.layers.back().values = r.probs;
  return r;
}

}  // namespace nnplay
