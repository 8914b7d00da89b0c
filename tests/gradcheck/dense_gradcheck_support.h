// Central finite differences in double precision for whole networks and losses. The network's
// loss is L = loss(net(x), t); every parameter and input is perturbed by +-h and compared with
// backprop. Passing needs relative error < 1e-6 or absolute error < 1e-9 (double, h = 1e-6:
// truncation error ~h^2 and rounding ~eps/h are both far below that).
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/nn/loss.h"
#include "engine/nn/network.h"

namespace nnplay::testing {

inline double net_loss(const Network& net, const Matrix& x, const Matrix& t, const Loss& loss,
                       const ParamVector& params) {
  Workspace ws;
  const Matrix& out = net.forward(x, ws, true, params.data());
  return loss.evaluate(out, t, nullptr, x.rows()) / double(x.rows());
}

inline bool close(double analytic, double numeric) {
  const double diff = std::abs(analytic - numeric);
  return diff < 1e-9 || diff / std::max(std::abs(analytic), std::abs(numeric)) < 1e-6;
}

// Checks dL/dparams (accumulated on top of a sentinel, to catch "=" instead of "+=") and
// dL/dx through the first layer's input (via a dummy linear layer would change the net, so the
// input gradient is checked by perturbing x and comparing with the backward of layer 0 into dx).
inline void check_network(const Network& net, const Matrix& x, const Matrix& t, const Loss& loss) {
  static_assert(sizeof(Scalar) == 8, "gradient checks run on the double build of the engine");
  const double h = 1e-6;
  Workspace ws;
  const Matrix& out = net.forward(x, ws, true);
  loss.evaluate(out, t, &ws.d_out, x.rows());
  const double sentinel = 7.0;
  std::vector<Scalar> grads(net.param_count(), sentinel);
  net.backward(x, ws, grads.data());
  ParamVector p = net.params();
  for (size_t i = 0; i < p.size(); ++i) {
    const Scalar keep = p[i];
    p[i] = keep + h;
    const double up = net_loss(net, x, t, loss, p);
    p[i] = keep - h;
    const double down = net_loss(net, x, t, loss, p);
    p[i] = keep;
    const double numeric = (up - down) / (2 * h);
    ASSERT_TRUE(close(grads[i] - sentinel, numeric))
        << "param " << i << ": backprop " << grads[i] - sentinel << " vs numeric " << numeric;
  }
  // Input gradient: run layer 0's backward with a dx and compare against perturbing x.
  Matrix dx;
  {
    Workspace w2;
    const Matrix& o2 = net.forward(x, w2, true);
    loss.evaluate(o2, t, &w2.d_out, x.rows());
    const Matrix* da = &w2.d_out;
    std::vector<Scalar> g(net.param_count(), 0);
    for (int l = net.size() - 1; l >= 0; --l) {
      const Matrix& in = l == 0 ? x : w2.layers[l - 1].a;
      Matrix* out_dx = l == 0 ? &dx : &w2.grad_a[l % 2];
      out_dx->setConstant(in.rows(), in.cols(), 9.0);  // must be assigned, not added to
      net.layer(l).backward(net.params().data() + net.param_offset(l), in, w2.layers[l], *da, out_dx,
                            g.data() + net.param_offset(l));
      da = out_dx;
    }
  }
  Matrix xp = x;
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index c = 0; c < x.cols(); ++c) {
      const Scalar keep = xp(r, c);
      xp(r, c) = keep + h;
      const double up = net_loss(net, xp, t, loss, net.params());
      xp(r, c) = keep - h;
      const double down = net_loss(net, xp, t, loss, net.params());
      xp(r, c) = keep;
      const double numeric = (up - down) / (2 * h);
      ASSERT_TRUE(close(dx(r, c), numeric))
          << "input (" << r << "," << c << "): backprop " << dx(r, c) << " vs numeric " << numeric;
    }
}

}  // namespace nnplay::testing
