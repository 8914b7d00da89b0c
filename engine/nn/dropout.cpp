#include "engine/nn/dropout.h"

#include "engine/core/rng.h"

namespace nnplay {

void Dropout::forward(const Scalar*, const Matrix& x, LayerBuffers& buf, bool training) const {
  if (buf.scratch.size() < 2) buf.scratch.resize(2);
  Matrix& flag = buf.scratch[1];
  flag.resize(1, 1);
  const bool active = training && rate_ > 0;
  flag(0, 0) = active ? 1 : 0;
  buf.a.resize(x.rows(), x.cols());
  if (!active) {
    buf.a = x;
    return;
  }
  Matrix& mask = buf.scratch[0];
  mask.resize(x.rows(), x.cols());
  const Scalar keep_scale = static_cast<Scalar>(1.0 / (1.0 - rate_));
  Rng rng(buf.seed);
  Scalar* m = mask.data();
  for (Eigen::Index i = 0; i < mask.size(); ++i) m[i] = rng.uniform() < rate_ ? 0 : keep_scale;
  buf.a.array() = x.array() * mask.array();
}

void Dropout::backward(const Scalar*, const Matrix&, LayerBuffers& buf, const Matrix& da,
                       Matrix* dx, Scalar*) const {
  if (!dx) return;
  dx->resize(da.rows(), da.cols());
  const bool active = buf.scratch.size() >= 2 && buf.scratch[1](0, 0) != 0;
  if (active)
    dx->array() = da.array() * buf.scratch[0].array();
  else
    *dx = da;
}

}  // namespace nnplay
