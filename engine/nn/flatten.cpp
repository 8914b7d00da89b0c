#include "engine/nn/flatten.h"

namespace nnplay {

// a = x: a copy, because the contract has every layer own its output buffer.
void Flatten::forward(const Scalar*, const Matrix& x, LayerBuffers& buf, bool) const {
  buf.a.resize(x.rows(), x.cols());
  buf.a = x;
}

void Flatten::backward(const Scalar*, const Matrix& x, LayerBuffers&, const Matrix& da,
                       Matrix* dx, Scalar*) const {
  if (!dx) return;
  dx->resize(da.rows(), da.cols());
  *dx = da;
}

}  // namespace nnplay
