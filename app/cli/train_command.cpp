// `nnplay train`: scripted training without a window. One line per epoch, final test metrics,
// and training throughput (optimiser steps only, evaluation excluded).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "engine/core/error.h"
#include "engine/experiment/experiment.h"
#include "engine/experiment/materialize.h"
#include "engine/metrics/metrics.h"
#include "engine/train/session.h"

namespace nnplay::cli {

namespace {
const char* kTrainHelp = R"(usage: nnplay train EXPERIMENT.json [options]

Trains the experiment without a window and prints one line per epoch (train and
validation loss and accuracy), then the test metrics and the training speed.

options:
  --epochs N            train N epochs (default: the experiment's "epochs")
  --steps N             train N minibatch steps instead of epochs
  --threads T           engine threads (default: all hardware threads)
  --seed S              override the experiment's seed (data split, weights, shuffling)
  --metrics-csv FILE    write step,epoch,train_loss,val_loss,train_acc,val_acc per epoch
  --layer-stats-csv FILE  write per epoch and layer: gradient norm, mean |gradient|,
                        update ratio, saturated and dead fractions
  --quiet               only the final summary
  --help                this text
Exit status: 0 on success, 1 on any error (the message says what is wrong).
)";

void print_test_metrics(const TrainingSession& s) {
  const Dataset& d = s.data();
  const DataSplit& test = d.test.rows() > 0 ? d.test : d.validation;
  const char* which = d.test.rows() > 0 ? "test" : "validation (no test split)";
  if (test.rows() == 0) {
    std::printf("no test or validation points: skipping test metrics\n");
    return;
  }
  Matrix x, y, pred;
  test.gather_all(x, y);
  s.predict(x, pred);
  const EvalResult ev = s.evaluate(test);
  if (d.task == Task::Classification) {
    const auto m = classification_metrics(pred, y, d.num_classes);
    std::printf("%s: loss %.4f  accuracy %.2f%%  precision %.3f  recall %.3f  F1 %.3f  (%d samples)\n",
                which, ev.loss, 100 * m.accuracy, m.precision, m.recall, m.f1, test.rows());
    if (d.num_classes == 2 && pred.cols() == 1) std::printf("%s: ROC AUC %.4f\n", which, roc_curve(pred, y).auc);
  } else {
    const auto m = regression_metrics(pred, y);
    std::printf("%s: MSE %.5f  R^2 %.4f  (%d samples)\n", which, m.mse, m.r2, test.rows());
  }
}

void write_layer_stats(std::ofstream& out, const TrainingSession& s) {
  const auto stats = s.layer_stats();
  for (size_t l = 0; l < stats.size(); ++l) {
    const auto& st = stats[l];
    if (st.type != "dense" && st.type != "conv2d") continue;
    out << s.epoch() << ',' << s.steps() << ',' << l << ',' << st.type << ',' << st.grad_norm << ','
        << st.grad_mean_abs << ',' << st.update_ratio << ',' << st.saturated_fraction << ','
        << st.dead_fraction << '\n';
  }
}
}  // namespace

int train_command(int argc, char** argv) {
  const Args a = parse_args(argc, argv, {"--epochs", "--steps", "--threads", "--seed", "--metrics-csv", "--layer-stats-csv"},
                            {"--help", "--quiet"});
  if (a.has("--help")) {
    std::printf("%s", kTrainHelp);
    return 0;
  }
  if (a.positional.size() != 1) throw Error("train needs exactly one EXPERIMENT.json (see nnplay train --help)");
  if (a.has("--epochs") && a.has("--steps")) throw Error("give --epochs or --steps, not both");
  Experiment e = load_experiment(a.positional[0]);
  if (a.has("--seed")) {
    e.seed = static_cast<uint64_t>(a.integer("--seed", 1, 0, 2147483647));
    if (e.data.source == "generator") {
      e.data.points = generate(e.data.generator);
      assign_splits(e.data.points, e.splits, e.seed);
    }
  }
  const int threads = static_cast<int>(a.integer("--threads", 0, 0, 256));
  const long epochs = a.integer("--epochs", e.epochs, 1, 1'000'000);
  const long steps = a.integer("--steps", 0, 0, 1'000'000'000);
  const bool quiet = a.has("--quiet");

  ThreadPool pool(threads);
  auto data = build_dataset(e);
  TrainSettings ts = e.train;
  ts.collect_stats = a.has("--layer-stats-csv");
  TrainingSession s(data, e.network, e.loss, ts, e.seed, &pool);
  if (e.weights) {
    std::vector<Scalar> w(e.weights->begin(), e.weights->end());
    s.set_params(w);
  }
  std::ofstream metrics, layers;
  if (a.has("--metrics-csv")) {
    metrics.open(a.get("--metrics-csv"));
    if (!metrics) throw Error(a.get("--metrics-csv") + ": cannot write the file");
    metrics << "epoch,step,train_loss,val_loss,train_acc,val_acc\n";
  }
  if (a.has("--layer-stats-csv")) {
    layers.open(a.get("--layer-stats-csv"));
    if (!layers) throw Error(a.get("--layer-stats-csv") + ": cannot write the file");
    layers << "epoch,step,layer,type,grad_norm,grad_mean_abs,update_ratio,saturated_fraction,dead_fraction\n";
  }
  std::printf("%s: %d train / %d validation / %d test samples, %zu parameters, %d thread%s\n",
              e.name.c_str(), data->train.rows(), data->validation.rows(), data->test.rows(),
              s.network().param_count(), pool.size(), pool.size() == 1 ? "" : "s");
  const bool cls = data->task == Task::Classification;
  double train_seconds = 0;
  const long total_steps = steps > 0 ? steps : epochs * s.steps_per_epoch();
  const int per_epoch = s.steps_per_epoch();
  if (layers.is_open()) {  // the state at initialisation is what the vanishing-gradient lesson shows
    s.step();
    write_layer_stats(layers, s);
  }
  for (long done = s.steps(); done < total_steps;) {
    const long chunk = std::min<long>(per_epoch, total_steps - done);
    const auto t0 = std::chrono::steady_clock::now();
    double last = 0;
    for (long i = 0; i < chunk; ++i) last = s.step();
    train_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    done += chunk;
    if (!std::isfinite(last))
      throw Error("the loss became " + std::string(std::isnan(last) ? "NaN" : "infinite") + " at step " +
                  std::to_string(s.steps()) + ": the learning rate is probably too high");
    const EvalResult tr = s.evaluate(data->train, 20000), va = s.evaluate(data->validation, 20000);
    const double ep = double(done) / per_epoch;
    if (!quiet)
      std::printf("epoch %7.2f  step %8ld  train loss %.4f %s %6.2f%s  val loss %.4f %s %6.2f%s\n", ep, s.steps(),
                  tr.loss, cls ? "acc" : "R^2", cls ? 100 * tr.accuracy : tr.accuracy, cls ? "%" : "",
                  va.loss, cls ? "acc" : "R^2", cls ? 100 * va.accuracy : va.accuracy, cls ? "%" : "");
    if (metrics.is_open())
      metrics << ep << ',' << s.steps() << ',' << tr.loss << ',' << va.loss << ',' << tr.accuracy << ','
              << va.accuracy << '\n';
    if (layers.is_open()) write_layer_stats(layers, s);
  }
  print_test_metrics(s);
  std::printf("trained %ld steps (%ld samples) in %.3f s: %.0f samples/s\n", s.steps(), s.samples_seen(),
              train_seconds, train_seconds > 0 ? s.samples_seen() / train_seconds : 0.0);
  return 0;
}

}  // namespace nnplay::cli
