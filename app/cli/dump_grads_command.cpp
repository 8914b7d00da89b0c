// `nnplay dump-grads`: the first minibatch, the loss and every gradient as JSON, plus the
// parameters after K optimiser steps on that batch, so anyone can check nnplay against
// another framework (docs/dump-grads.md; scripts/check_grads_torch.py does it with PyTorch).
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "engine/core/error.h"
#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/train/session.h"

namespace nnplay::cli {

namespace {
using nlohmann::json;

const char* kHelp = R"(usage: nnplay dump-grads EXPERIMENT.json --out FILE.json [--steps K]

Takes the experiment's first minibatch (after feature maps) and writes JSON with:
  inputs, targets          the batch, one row per sample
  loss, loss_value         the loss's name and its value on the batch (data loss only)
  layers                   per layer: type, activation, weight (out x in rows), bias
  grads                    per layer: weight and bias gradients of the data loss plus
                           the regularisation term, same shapes
  optimizer, regularization, batch_size
  params_after             every layer's parameters after K optimiser steps on that batch
options:
  --out FILE.json   where to write (required)
  --steps K         optimiser steps for params_after (default 1)
)";

json matrix_rows(const Matrix& m) {
  json rows = json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    json row = json::array();
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(double(m(r, c)));
    rows.push_back(std::move(row));
  }
  return rows;
}

json layer_tensors(const Network& net, const Scalar* base, int l) {
  json j;
  for (const auto& info : net.layer(l).params()) {
    const Scalar* p = base + net.param_offset(l) + info.offset;
    if (info.name == "bias") {
      j["bias"] = std::vector<double>(p, p + info.cols);
    } else {
      json rows = json::array();
      for (int r = 0; r < info.rows; ++r) rows.push_back(std::vector<double>(p + size_t(r) * info.cols, p + size_t(r + 1) * info.cols));
      j["weight"] = std::move(rows);
    }
  }
  return j;
}
}  // namespace

int dump_grads_command(int argc, char** argv) {
  const Args a = parse_args(argc, argv, {"--out", "--steps", "--threads"}, {"--help"});
  if (a.has("--help")) {
    std::printf("%s", kHelp);
    return 0;
  }
  if (a.positional.size() != 1) throw Error("dump-grads needs exactly one EXPERIMENT.json (see --help)");
  if (!a.has("--out")) throw Error("dump-grads needs --out FILE.json");
  const long k = a.integer("--steps", 1, 0, 1'000'000);
  Experiment e = load_experiment(a.positional[0]);
  auto full = build_dataset(e);

  // The first minibatch of the first epoch, exactly as training would draw it.
  ThreadPool pool(static_cast<int>(a.integer("--threads", 1, 1, 256)));
  TrainingSession probe(full, e.network, e.loss, e.train, e.seed, &pool);
  const int b = std::min(e.train.batch_size, full->train.rows());
  auto batch = std::make_shared<Dataset>(*full);
  Matrix x, y;
  std::vector<int> first = probe.first_batch_indices();
  first.resize(b);
  full->train.gather(first.data(), b, x, y);
  batch->train.x = x;
  batch->train.y = y;
  batch->train.pixels.clear();

  TrainSettings ts = e.train;
  ts.batch_size = b;
  TrainingSession s(batch, e.network, e.loss, ts, e.seed, &pool);
  if (e.weights) s.set_params(std::vector<Scalar>(e.weights->begin(), e.weights->end()));
  const std::vector<Scalar> initial(s.network().params().begin(), s.network().params().end());

  json out;
  out["inputs"] = matrix_rows(x);
  out["targets"] = matrix_rows(y);
  out["loss"] = e.loss.name();
  out["batch_size"] = b;
  const auto& o = e.train.optimizer;
  out["optimizer"] = {{"name", o.name()}, {"lr", o.lr}, {"momentum", o.momentum}, {"rho", o.rho},
                      {"beta1", o.beta1}, {"beta2", o.beta2}, {"eps", o.eps}, {"eps_adagrad", o.eps_adagrad}};
  out["regularization"] = {{"kind", regularization_name(e.train.regularization.kind)},
                           {"rate", e.train.regularization.rate}};
  const Network& net = s.network();
  json layers = json::array(), grads = json::array();
  for (int l = 0; l < net.size(); ++l) {
    json j = layer_tensors(net, initial.data(), l);
    j["type"] = net.layer(l).type();
    j["activation"] = s.spec().layers[l].activation.name();
    layers.push_back(std::move(j));
  }
  out["layers"] = std::move(layers);
  double loss = NAN;
  ParamVector first_grads;
  for (long i = 0; i < std::max<long>(k, 1); ++i) {
    if (i == 0) {
      const double l = s.step();
      loss = l;
      first_grads = s.last_grads();
      if (k == 0) s.set_params(initial);
    } else {
      s.step();
    }
  }
  out["loss_value"] = loss;
  for (int l = 0; l < net.size(); ++l) grads.push_back(layer_tensors(net, first_grads.data(), l));
  out["grads"] = std::move(grads);
  out["steps"] = k;
  json after = json::array();
  for (int l = 0; l < net.size(); ++l) after.push_back(layer_tensors(net, net.params().data(), l));
  out["params_after"] = std::move(after);

  std::ofstream f(a.get("--out"));
  if (!f) throw Error(a.get("--out") + ": cannot write the file");
  f << out.dump(1) << "\n";
  std::printf("wrote %s: batch of %d, loss %s = %.6g, %ld step%s\n", a.get("--out").c_str(), b,
              e.loss.name().c_str(), loss, k, k == 1 ? "" : "s");
  return 0;
}

}  // namespace nnplay::cli
