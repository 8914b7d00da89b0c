// Finite-difference gradient check for one layer, in double (the f64 engine build).
// Loss = sum(a ⊙ R) for a fixed random R, so dL/da = R. The analytic gradients from backward
// are compared with central differences (L(p+h) - L(p-h)) / 2h. Buffers are pre-filled with
// sentinels (dlib's test_layer trick) to catch layers that assign parameter gradients instead
// of adding them, or add to dx instead of assigning it.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "engine/core/rng.h"
#include "engine/nn/layer.h"

namespace nnplay::conv_gradcheck {

struct Result {
  bool ok = true;
  double max_error = 0;  // |analytic - numeric| / max(1, |analytic|, |numeric|)
  std::string log;       // first failures, for the test message
  void fail(const std::string& line) {
    ok = false;
    if (log.size() < 2000) log += line + "\n";
  }
};

struct Options {
  int batch = 3;
  uint64_t seed = 7;
  bool training = true;
  double step = 1e-6;
  double tolerance = 1e-6;
  int max_checks = 200;  // per tensor: a random subset when it is bigger
  uint64_t buffer_seed = 12345;  // LayerBuffers::seed (dropout)
};

inline std::vector<int> pick(int n, int max_checks, Rng& rng) {
  std::vector<int> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  if (n <= max_checks) return idx;
  for (int i = 0; i < max_checks; ++i) std::swap(idx[i], idx[i + rng.below(n - i)]);
  idx.resize(max_checks);
  return idx;
}

inline void compare(Result& r, const char* what, int i, double analytic, double numeric,
                    double tolerance) {
  const double err =
      std::abs(analytic - numeric) / std::max({1.0, std::abs(analytic), std::abs(numeric)});
  r.max_error = std::max(r.max_error, err);
  if (!(err <= tolerance)) {
    char line[200];
    std::snprintf(line, sizeof line, "%s[%d]: analytic %.10g numeric %.10g (error %.3g)", what, i,
                  analytic, numeric, err);
    r.fail(line);
  }
}

inline Result check_layer(const Layer& layer, const Options& o = {}) {
  Result r;
  Rng rng(o.seed);
  const int in = layer.input_shape().size(), out = layer.output_shape().size();
  Matrix x(o.batch, in), R(o.batch, out);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < R.size(); ++i) R.data()[i] = rng.normal();
  std::vector<Scalar> params(layer.param_count());
  for (auto& p : params) p = rng.normal(0.0, 0.5);

  LayerBuffers buf;
  buf.seed = o.buffer_seed;
  auto loss = [&]() {
    layer.forward(params.data(), x, buf, o.training);
    if (buf.a.rows() != o.batch || buf.a.cols() != out) r.fail("forward: output has wrong shape");
    return (buf.a.array() * R.array()).sum();
  };

  // Analytic gradients, into sentinel-filled buffers.
  const Scalar kGradSentinel = 0.75, kDxSentinel = 9;
  const double l0 = loss();
  std::vector<Scalar> grads(params.size(), kGradSentinel);
  Matrix dx = Matrix::Constant(o.batch, in, kDxSentinel);
  layer.backward(params.data(), x, buf, R, &dx, grads.data());
  if (dx.rows() != o.batch || dx.cols() != in) {
    r.fail("backward: dx has wrong shape");
    return r;
  }
  // The same forward again must give the same loss (buffers reused, deterministic masks).
  if (loss() != l0) r.fail("forward is not repeatable with reused buffers");

  // Numeric gradients.
  const double h = o.step;
  for (int i : pick(in, o.max_checks, rng)) {
    Scalar& xi = x.data()[i];
    const Scalar keep = xi;
    xi = keep + h;
    const double lp = loss();
    xi = keep - h;
    const double lm = loss();
    xi = keep;
    compare(r, "dx", i, dx.data()[i], (lp - lm) / (2 * h), o.tolerance);
  }
  std::vector<double> numeric(params.size(), 0);
  const std::vector<int> checked = pick(static_cast<int>(params.size()), o.max_checks, rng);
  for (int i : checked) {
    const Scalar keep = params[i];
    params[i] = keep + h;
    const double lp = loss();
    params[i] = keep - h;
    const double lm = loss();
    params[i] = keep;
    numeric[i] = (lp - lm) / (2 * h);
    compare(r, "dparam (added onto sentinel)", i, grads[i] - kGradSentinel, numeric[i],
            o.tolerance);
  }

  // A second backward adds again, and dx = null still produces the parameter gradients.
  loss();
  layer.backward(params.data(), x, buf, R, nullptr, grads.data());
  for (int i : checked)
    compare(r, "dparam after two backward passes / 2", i, (grads[i] - kGradSentinel) / 2,
            numeric[i], o.tolerance);
  return r;
}

}  // namespace nnplay::conv_gradcheck
