// Inverted dropout (Srivastava et al. 2014): while training, each unit is zeroed with
// probability `rate` and the survivors are scaled by 1/(1 - rate), so the expected output equals
// the input and evaluation is the identity with no rescaling.
// The mask comes from an Rng seeded with buf.seed, which the trainer sets per step, chunk and
// layer, so a run is reproducible and independent of the thread count.
#pragma once
#include "engine/nn/layer.h"

namespace nnplay {

class Dropout : public Layer {
 public:
  Dropout(Shape in, double rate) : in_(in), rate_(rate) {}
  std::string type() const override { return "dropout"; }
  Shape input_shape() const override { return in_; }
  Shape output_shape() const override { return in_; }
  double rate() const { return rate_; }
  // scratch[0] holds the mask (0 or 1/(1-rate)) when the last forward was a training pass;
  // scratch[1] (1x1) says whether it was, so backward after an eval pass is the identity.
  void forward(const Scalar* params, const Matrix& x, LayerBuffers& buf,
               bool training) const override;
  void backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                Matrix* dx, Scalar* grads) const override;

 private:
  Shape in_;
  double rate_;
};

}  // namespace nnplay
