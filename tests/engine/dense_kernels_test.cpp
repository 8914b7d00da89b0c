// dense_weight_grad (the vector kernel training uses) against the plain loops on random shapes,
// including sizes that are not multiples of the kernel's tiles; that the neuron split never
// changes a value; and that a training step's gradient is the one Network::backward gives.
#include "engine/nn/dense_kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "engine/data/features.h"
#include "engine/data/generators.h"
#include "engine/train/session.h"

namespace nnplay {
namespace {

struct Case {
  std::vector<Matrix> dz, x;
  std::vector<DenseGradPart> parts;
};

Case make_case(std::mt19937& gen, int in, int out, const std::vector<int>& rows) {
  std::uniform_real_distribution<float> u(-1, 1);
  Case c;
  for (int r : rows) {
    c.dz.emplace_back(r, out);
    c.x.emplace_back(r, in);
    for (Eigen::Index i = 0; i < c.dz.back().size(); ++i) c.dz.back().data()[i] = u(gen);
    for (Eigen::Index i = 0; i < c.x.back().size(); ++i) c.x.back().data()[i] = u(gen);
  }
  for (size_t p = 0; p < rows.size(); ++p) c.parts.push_back({c.dz[p].data(), c.x[p].data(), rows[p]});
  return c;
}

TEST(DenseKernels, WeightGradMatchesPlainLoopsOnEdgeShapes) {
  std::mt19937 gen(7);
  const int ins[] = {1, 2, 15, 16, 17, 63, 64, 65, 100, 784};
  const int outs[] = {1, 3, 4, 5, 8, 10, 13, 128};
  const std::vector<std::vector<int>> row_sets = {{1}, {10}, {32, 32}, {7, 0, 33}, {17, 16, 16, 15}};
  for (int in : ins)
    for (int out : outs)
      for (const auto& rows : row_sets) {
        Case c = make_case(gen, in, out, rows);
        const float sentinel = 9;  // elements outside [o_lo, o_hi) must stay untouched
        std::vector<Scalar> gw(size_t(in) * out, sentinel), gb(out, sentinel);
        std::vector<Scalar> rw(gw), rb(gb);
        const int o_lo = out > 2 ? 1 : 0, o_hi = out;
        dense_weight_grad(c.parts.data(), int(rows.size()), in, out, o_lo, o_hi, gw.data(), gb.data());
        dense_weight_grad_naive(c.parts.data(), int(rows.size()), in, out, o_lo, o_hi, rw.data(), rb.data());
        int total_rows = 0;
        for (int r : rows) total_rows += r;
        const double tol = 1e-5 * (1 + total_rows);
        for (size_t i = 0; i < gw.size(); ++i)
          ASSERT_NEAR(gw[i], rw[i], tol) << "in " << in << " out " << out << " element " << i;
        for (int o = 0; o < out; ++o) ASSERT_EQ(gb[o], rb[o]) << "bias " << o;
        for (int k = 0; k < in * o_lo; ++k) ASSERT_EQ(gw[k], sentinel);
      }
}

TEST(DenseKernels, NeuronSplitDoesNotChangeAnyValue) {
  std::mt19937 gen(3);
  const int in = 131, out = 37;
  Case c = make_case(gen, in, out, {32, 32});
  std::vector<Scalar> whole(size_t(in) * out), wb(out), split(whole.size()), sb(out);
  dense_weight_grad(c.parts.data(), 2, in, out, 0, out, whole.data(), wb.data());
  for (int o = 0; o < out; o += 5)
    dense_weight_grad(c.parts.data(), 2, in, out, o, std::min(out, o + 5), split.data(), sb.data());
  EXPECT_EQ(whole, split);
  EXPECT_EQ(wb, sb);
}

// Training may sum a range's gradient one chunk at a time, as chunks finish their backward.
TEST(DenseKernels, AccumulatingPartByPartGivesTheSameBitsAsOneCall) {
  std::mt19937 gen(11);
  for (int in : {17, 784})
    for (int out : {6, 128}) {
      Case c = make_case(gen, in, out, {32, 7, 32});
      std::vector<Scalar> whole(size_t(in) * out), wb(out), parts(whole.size(), 5), pb(out, 5);
      std::vector<Scalar> naive(whole.size(), 5), nb(out, 5);
      dense_weight_grad(c.parts.data(), 3, in, out, 1, out, whole.data(), wb.data());
      for (int p = 0; p < 3; ++p) {
        dense_weight_grad(&c.parts[p], 1, in, out, 1, out, parts.data(), pb.data(), p > 0);
        dense_weight_grad_naive(&c.parts[p], 1, in, out, 1, out, naive.data(), nb.data(), p > 0);
      }
      for (size_t i = size_t(in); i < whole.size(); ++i) ASSERT_EQ(whole[i], parts[i]) << i;
      for (int o = 1; o < out; ++o) ASSERT_EQ(wb[o], pb[o]) << o;
      EXPECT_EQ(parts[0], 5);  // outside the range: untouched
      std::vector<Scalar> naive_whole(whole.size()), naive_wb(out);
      dense_weight_grad_naive(c.parts.data(), 3, in, out, 1, out, naive_whole.data(), naive_wb.data());
      for (size_t i = size_t(in); i < whole.size(); ++i) ASSERT_EQ(naive_whole[i], naive[i]) << i;
    }
}

TEST(DenseKernels, ForwardMatchesPlainLoopsOnEdgeShapes) {
  std::mt19937 gen(5);
  std::uniform_real_distribution<float> u(-1, 1);
  const int ins[] = {1, 17, 255, 256, 257, 300, 784};
  const int outs[] = {1, 3, 4, 5, 10, 64, 129};
  const int rows_list[] = {1, 2, 3, 4, 5, 32, 33};
  for (int in : ins)
    for (int out : outs)
      for (int rows : rows_list) {
        std::vector<Scalar> x(size_t(rows) * in), w(size_t(out) * in), b(out);
        for (auto* v : {&x, &w, &b})
          for (auto& e : *v) e = u(gen);
        std::vector<Scalar> z(size_t(rows) * out, 9), ref(z.size());
        dense_forward_naive(x.data(), rows, in, w.data(), b.data(), out, ref.data());
        if (!dense_forward(x.data(), rows, in, w.data(), b.data(), out, z.data())) {
          for (Scalar e : z) ASSERT_EQ(e, 9) << "a declined call must leave z alone";
          continue;
        }
        for (size_t i = 0; i < z.size(); ++i)
          ASSERT_NEAR(z[i], ref[i], 1e-5 * (1 + in)) << "in " << in << " out " << out << " rows " << rows;
      }
}

// A step's gradient against Network::backward on the whole batch in one workspace, plus the
// regularisation term on weights only, for a multi-chunk MLP: the update phase computes the same
// quantity, slice by slice.
void check_step_gradient(RegKind reg) {
  PointSet pts = generate({"spiral", 400, 0.1, 2, 5});
  assign_splits(pts, {}, 5);
  auto data = std::make_shared<Dataset>(make_dataset(pts, {"x1", "x2", "x1*x2"}));
  NetworkSpec spec;
  LayerSpec h;
  h.units = 61;  // not a multiple of the kernel tiles, and enough work for several chunks
  h.activation.kind = ActivationKind::Relu;
  LayerSpec o;
  o.units = 1;
  spec.layers = {h, h, o};
  TrainSettings ts;
  ts.batch_size = 128;
  ts.regularization.kind = reg;
  ts.regularization.rate = 0.01;
  ThreadPool pool(2);
  TrainingSession s(data, spec, Loss{LossKind::Bce}, ts, 11, &pool);
  ASSERT_GT(s.plan_chunks(128), 1);
  const ParamVector before = s.network().params();
  const std::vector<int> batch(s.first_batch_indices().begin(), s.first_batch_indices().begin() + 128);
  s.step();
  Workspace ws;
  Matrix x, y;
  data->train.gather(batch.data(), 128, x, y);
  const Network& net = s.network();
  s.loss().evaluate(net.forward(x, ws, true, before.data()), y, &ws.d_out, 128);
  ParamVector g(net.param_count(), 0);
  net.backward(x, ws, g.data(), before.data());
  for (int l = 0; l < net.size(); ++l)
    for (const auto& info : net.layer(l).params()) {
      if (!info.regularized || reg == RegKind::None) continue;
      const size_t first = net.param_offset(l) + info.offset, n = size_t(info.rows) * info.cols;
      for (size_t i = first; i < first + n; ++i)
        g[i] += 0.01f * (reg == RegKind::L2 ? before[i] : Scalar((before[i] > 0) - (before[i] < 0)));
    }
  const ParamVector& got = s.last_grads();
  ASSERT_EQ(got.size(), g.size());
  for (size_t i = 0; i < g.size(); ++i) ASSERT_NEAR(got[i], g[i], 1e-5 + 1e-4 * std::abs(g[i])) << i;
}

TEST(DenseKernels, StepGradientMatchesNetworkBackward) { check_step_gradient(RegKind::None); }
TEST(DenseKernels, StepGradientIncludesL2OnWeightsOnly) { check_step_gradient(RegKind::L2); }
TEST(DenseKernels, StepGradientIncludesL1OnWeightsOnly) { check_step_gradient(RegKind::L1); }

// Training splits a large first dense layer's product by neuron across the pool, gives thread 0
// fewer ranges and the rest of the network, and sums a range's gradient chunk by chunk on the
// other threads; without a pool it runs whole per chunk. Only the thread computing an element
// differs, so parameters must be bit-identical with no pool and pools of 1 to 4 threads.
ParamVector train_wide_first_layer(ThreadPool* pool, int units) {
  std::mt19937 gen(2);
  std::uniform_real_distribution<float> u(0, 1);
  auto data = std::make_shared<Dataset>();
  data->num_classes = 10;
  data->input = {300, 1, 1};
  data->train.x.resize(256, 300);
  data->train.y.resize(256, 1);
  for (Eigen::Index i = 0; i < data->train.x.size(); ++i) data->train.x.data()[i] = u(gen);
  for (int r = 0; r < 256; ++r) data->train.y(r, 0) = Scalar(r % 10);
  NetworkSpec spec;
  LayerSpec h;
  h.units = units;
  h.activation.kind = ActivationKind::Relu;
  LayerSpec o;
  o.units = 10;
  spec.layers = {h, o};
  TrainSettings ts;
  ts.batch_size = 100;
  ts.optimizer.kind = OptimizerKind::Adam;  // per-element state and a step counter
  ts.optimizer.lr = 0.003;
  TrainingSession s(data, spec, Loss{LossKind::SoftmaxCe}, ts, 3, pool);
  EXPECT_GT(s.plan_chunks(100), 1);
  for (int i = 0; i < 8; ++i) s.step();  // crosses an epoch boundary (short last batch)
  return s.network().params();
}

TEST(DenseKernels, SplitFirstLayerKeepsParametersBitIdentical) {
  for (int units : {45, 128}) {  // 2 and 6 neuron ranges
    const ParamVector none = train_wide_first_layer(nullptr, units);
    for (int threads = 1; threads <= 4; ++threads) {
      ThreadPool pool(threads);
      EXPECT_EQ(none, train_wide_first_layer(&pool, units)) << units << " units, " << threads << " threads";
    }
  }
}

}  // namespace
}  // namespace nnplay
