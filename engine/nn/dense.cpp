#include "engine/nn/dense.h"

#include "engine/nn/dense_kernels.h"

namespace nnplay {

Dense::Dense(Shape in, int units, Activation act, Initializer init) : in_(in.size()), out_(units) {
  activation = act;
  initializer = init;
}

std::vector<ParamInfo> Dense::params() const {
  return {{"weight", 0, out_, in_, true}, {"bias", size_t(out_) * in_, 1, out_, false}};
}

void Dense::init(Scalar* params, Rng& rng) const {
  initializer.fill(params, size_t(out_) * in_, in_, out_, rng);
  std::fill(params + size_t(out_) * in_, params + size_t(out_) * (in_ + 1), Scalar(0));
}

void Dense::forward(const Scalar* params, const Matrix& x, LayerBuffers& buf, bool) const {
  ConstMatrixMap w(params, out_, in_);
  ConstRowVectorMap b(params + size_t(out_) * in_, out_);
  const bool linear = activation.kind == ActivationKind::Linear;
  Matrix& z = linear ? buf.a : buf.z;
  z.resize(x.rows(), out_);
  if (!dense_forward(x.data(), static_cast<int>(x.rows()), in_, params, b.data(), out_, z.data())) {
    z.noalias() = x * w.transpose();
    z.rowwise() += b;
  }
  if (!linear) activation.apply(buf.z, buf.a);
}

void Dense::backward(const Scalar* params, const Matrix& x, LayerBuffers& buf, const Matrix& da,
                     Matrix* dx, Scalar* grads) const {
  const bool linear = activation.kind == ActivationKind::Linear;
  const Matrix* dz = &da;
  if (!linear) {
    activation.backward(buf.z, buf.a, da, buf.dz);
    dz = &buf.dz;
  }
  MatrixMap gw(grads, out_, in_);
  RowVectorMap gb(grads + size_t(out_) * in_, out_);
  gw.noalias() += dz->transpose() * x;
  gb.noalias() += dz->colwise().sum();
  if (dx) {
    ConstMatrixMap w(params, out_, in_);
    dx->resize(x.rows(), in_);
    dx->noalias() = *dz * w;
  }
}

void Dense::backward_data(const Scalar* params, LayerBuffers& buf, const Matrix& da,
                          Matrix* dx) const {
  if (activation.kind == ActivationKind::Linear)
    buf.dz = da;
  else
    activation.backward(buf.z, buf.a, da, buf.dz);
  if (dx) {
    ConstMatrixMap w(params, out_, in_);
    dx->resize(da.rows(), in_);
    dx->noalias() = buf.dz * w;
  }
}

}  // namespace nnplay
