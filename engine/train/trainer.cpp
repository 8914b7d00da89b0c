#include "engine/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine/core/error.h"
#include "engine/core/thread_priority.h"
#include "engine/data/features.h"

namespace nnplay {

namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}
bool all_finite(const ParamVector& v) {
  for (Scalar x : v)
    if (!std::isfinite(x)) return false;
  return true;
}
}  // namespace

Trainer::Trainer(std::shared_ptr<const Dataset> data, const NetworkSpec& spec, Loss loss,
                 TrainSettings settings, uint64_t seed, TrainerOptions options)
    : pool_(options.threads, options.priority), options_(options), seed_(seed),
      history_(options.history_capacity), layer_history_(256) {
  session_ = std::make_unique<TrainingSession>(std::move(data), spec, loss, settings, seed, &pool_);
  last_finite_.assign(session_->network().params().begin(), session_->network().params().end());
  mark_start();
  record_metrics();
  publish();
  thread_ = std::thread([this] { run(); });
}

Trainer::~Trainer() {
  stop_ = true;
  queue_cv_.notify_all();
  thread_.join();
}

void Trainer::send(Command c) {
  {
    std::lock_guard lock(queue_mutex_);
    queue_.push_back(std::move(c));
    ++sent_;
  }
  queue_cv_.notify_all();
}

SnapshotPtr Trainer::snapshot() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

void Trainer::sync() {
  std::unique_lock lock(queue_mutex_);
  const uint64_t target = sent_;
  queue_cv_.notify_all();
  synced_cv_.wait(lock, [&] { return applied_ >= target; });
}

void Trainer::run() {
  if (options_.priority != ThreadPriority::Normal) set_this_thread_priority(options_.priority);
  auto last_publish = Clock::now();
  while (!stop_) {
    std::deque<Command> commands;
    {
      std::unique_lock lock(queue_mutex_);
      const bool busy = running_ || pending_steps_ > 0;
      if (queue_.empty() && !busy)
        queue_cv_.wait_for(lock, std::chrono::milliseconds(100),
                           [&] { return stop_ || !queue_.empty(); });
      commands.swap(queue_);
    }
    for (auto& c : commands) {
      try {
        apply(c);
      } catch (const std::exception& e) {
        message_ = e.what();
      }
    }
    const bool busy = running_ || pending_steps_ > 0;
    if (busy) train_slice();
    // Stepping just ended: publish at once, so the UI sees the final parameters and the pause.
    const bool finished = busy && !(running_ || pending_steps_ > 0);
    // Image networks get no grid (compute_grid needs a 2D input): never wait for one.
    const bool grid_pending = !busy && want_grid_ && params_version_ != grid_params_version_ &&
                              session_->network().input_shape().h == 1;
    if (!commands.empty() || finished || (busy && seconds_since(last_publish) >= options_.publish_interval) ||
        grid_pending) {
      if (!commands.empty() || !busy || metrics_due()) record_metrics();
      publish();
      last_publish = Clock::now();
    }
    if (!commands.empty()) {
      std::lock_guard lock(queue_mutex_);
      applied_ += commands.size();
      synced_cv_.notify_all();
    }
  }
}

void Trainer::apply(Command& c) {
  std::visit(
      [&](auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, cmd::Play>) {
          if (!diverged_) {
            running_ = true;
            message_.clear();
          }
        } else if constexpr (std::is_same_v<T, cmd::Pause>) {
          running_ = false;
          pending_steps_ = 0;
          epoch_target_ = -1;
        } else if constexpr (std::is_same_v<T, cmd::Step>) {
          running_ = false;
          pending_steps_ += std::max(1, x.steps);
        } else if constexpr (std::is_same_v<T, cmd::StepEpoch>) {
          running_ = false;
          pending_steps_ += session_->steps_per_epoch();
        } else if constexpr (std::is_same_v<T, cmd::Reset>) {
          seed_ = x.seed;
          session_->reinitialize(x.seed);
          running_ = false;
          pending_steps_ = 0;
          diverged_ = false;
          message_.clear();
          history_.clear();
          layer_history_.clear();
          last_finite_.assign(session_->network().params().begin(), session_->network().params().end());
          mark_start();
          ++params_version_;
        } else if constexpr (std::is_same_v<T, cmd::SetSettings>) {
          session_->set_settings(x.settings);
        } else if constexpr (std::is_same_v<T, cmd::ReplaceNetwork>) {
          session_->replace_network(x.spec, x.loss);
          if (!diverged_) message_.clear();
          last_finite_.assign(session_->network().params().begin(), session_->network().params().end());
          history_.clear();
          layer_history_.clear();
          mark_start();
          ++params_version_;
        } else if constexpr (std::is_same_v<T, cmd::ReplaceData>) {
          session_->replace_data(x.data);
          if (!diverged_) message_.clear();
          last_finite_.assign(session_->network().params().begin(), session_->network().params().end());
          ++params_version_;
        } else if constexpr (std::is_same_v<T, cmd::SetGrid>) {
          want_grid_ = x.request.resolution > 0;
          if (!(x.request == grid_request_)) grid_params_version_ = 0;
          grid_request_ = x.request;
        } else if constexpr (std::is_same_v<T, cmd::SetParam>) {
          auto& p = session_->network().params();
          if (x.index >= p.size()) throw Error("there is no parameter number " + std::to_string(x.index));
          if (!std::isfinite(x.value)) throw Error("a weight must be a finite number");
          p[x.index] = x.value;
          ++params_version_;
        } else if constexpr (std::is_same_v<T, cmd::SetParams>) {
          session_->set_params(x.params);
          last_finite_ = x.params;
          mark_start();
          ++params_version_;
        } else if constexpr (std::is_same_v<T, cmd::Rollback>) {
          session_->set_params(last_finite_);
          diverged_ = false;
          message_.clear();
          ++params_version_;
        }
      },
      c);
}

void Trainer::mark_start() {
  const auto& p = session_->network().params();
  start_params_ = std::make_shared<const std::vector<Scalar>>(p.begin(), p.end());
}

void Trainer::train_slice() {
  // Train for at most one publish interval, so commands and snapshots stay responsive.
  const auto start = Clock::now();
  const long samples_before = session_->samples_seen();
  struct CountBusy {  // on every way out, including slow-motion waits (they are the pace)
    Trainer& t;
    Clock::time_point start;
    long before;
    ~CountBusy() {
      t.busy_seconds_ += seconds_since(start);
      t.busy_samples_ += t.session_->samples_seen() - before;
    }
  } count_busy{*this, start, samples_before};
  const double rate = session_->settings().steps_per_second;
  do {
    if (rate > 0) {
      // Slow motion: one step, then wait out the rest of its time slot (interruptible).
      const double slot = 1.0 / rate;
      std::unique_lock lock(queue_mutex_);
      queue_cv_.wait_for(lock, std::chrono::duration<double>(slot),
                         [&] { return stop_ || !queue_.empty(); });
      if (!queue_.empty() || stop_) return;
    }
    const double loss = session_->step();
    ++params_version_;
    if (pending_steps_ > 0) --pending_steps_;
    if (!check_finite(loss)) return;
    if (rate > 0) return;
  } while ((running_ || pending_steps_ > 0) && seconds_since(start) < options_.publish_interval * 0.5);
}

bool Trainer::check_finite(double loss) {
  if (std::isfinite(loss)) return true;
  running_ = false;
  pending_steps_ = 0;
  diverged_ = true;
  const double lr = session_->settings().optimizer.lr;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "Training stopped at step %ld: the loss became %s. The updates grew so large that "
                "the weights overflowed - the learning rate (%g) is probably too high. The last "
                "good weights were restored: lower the learning rate and press play again.",
                session_->steps(), std::isnan(loss) ? "not a number (NaN)" : "infinite", lr);
  message_ = buf;
  session_->set_params(last_finite_);
  ++params_version_;
  return false;
}

bool Trainer::metrics_due() const {
  const double share = std::clamp(options_.metrics_time_share, 0.01, 1.0);
  return seconds_since(metrics_time_) >= metrics_seconds_ * (1 - share) / share;
}

void Trainer::record_metrics() {
  const auto start = Clock::now();
  MetricPoint p;
  p.step = session_->steps();
  p.epoch = session_->epoch_progress();
  const Dataset& d = session_->data();
  const EvalResult tr = session_->evaluate(d.train, options_.eval_max_samples);
  const EvalResult va = session_->evaluate(d.validation, options_.eval_max_samples);
  p.train_loss = tr.loss;
  p.train_acc = tr.accuracy;
  p.val_loss = va.loss;
  p.val_acc = va.accuracy;
  if (p.step != latest_.step || history_.size() == 0) history_.add(p);
  latest_ = p;
  if (!std::isfinite(tr.loss) && !diverged_) check_finite(tr.loss);
  metrics_time_ = Clock::now();
  metrics_seconds_ = std::chrono::duration<double>(metrics_time_ - start).count();
}

void Trainer::compute_predictions() {
  const Dataset& d = session_->data();
  const DataSplit& v = d.validation;
  const int n = std::min(v.rows(), std::max(0, options_.predictions_max_samples));
  // Only image classification has a gallery to fill; point data has the canvas instead.
  if (d.task != Task::Classification || d.input.h == 1 || n == 0) {
    predictions_.reset();
    return;
  }
  const bool stale = !predictions_ || predictions_->params_version != params_version_;
  const bool busy = running_ || pending_steps_ > 0;
  if (!stale || (busy && seconds_since(predictions_time_) < options_.predictions_interval)) return;
  std::vector<int> rows(n);
  for (int i = 0; i < n; ++i) rows[i] = i;  // the validation split is already a random sample
  Matrix x, y, probs;
  v.gather(rows.data(), n, x, y);
  session_->predict(x, probs);
  auto p = std::make_shared<Predictions>(make_predictions(probs, y, rows, d.num_classes));
  p->params_version = params_version_;
  p->step = session_->steps();
  predictions_ = std::move(p);
  predictions_time_ = Clock::now();
}

void Trainer::compute_grid() {
  const GridRequest& r = grid_request_;
  const int res = std::clamp(r.resolution, 2, 1024);
  auto grid = std::make_shared<DecisionGrid>();
  grid->request = r;
  grid->params_version = params_version_;
  auto coords = [&](int n, std::vector<double>& x1, std::vector<double>& x2) {
    x1.resize(size_t(n) * n);
    x2.resize(size_t(n) * n);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) {
        x1[size_t(j) * n + i] = r.x_min + (r.x_max - r.x_min) * (i + 0.5) / n;
        x2[size_t(j) * n + i] = r.y_min + (r.y_max - r.y_min) * (j + 0.5) / n;
      }
  };
  std::vector<double> x1, x2;
  Matrix x, out;
  coords(res, x1, x2);
  apply_features(r.features, x1.data(), x2.data(), res * res, x);
  if (x.cols() != session_->network().input_shape().size()) return;  // features changing
  session_->predict(x, out);
  grid->outputs = static_cast<int>(out.cols());
  grid->values.assign(out.data(), out.data() + out.size());
  if (r.neuron_resolution > 0) {
    const int nr = std::clamp(r.neuron_resolution, 2, 128);
    coords(nr, x1, x2);
    apply_features(r.features, x1.data(), x2.data(), nr * nr, x);
    std::vector<Matrix> acts;
    session_->forward_all(x, acts);
    grid->neurons.resize(acts.size());
    for (size_t l = 0; l < acts.size(); ++l) {
      grid->neurons[l].resize(acts[l].cols());
      for (Eigen::Index u = 0; u < acts[l].cols(); ++u) {
        auto& img = grid->neurons[l][u];
        img.resize(acts[l].rows());
        for (Eigen::Index k = 0; k < acts[l].rows(); ++k) img[k] = acts[l](k, u);
      }
    }
  }
  grid_ = grid;
  grid_params_version_ = params_version_;
}

void Trainer::publish() {
  auto s = std::make_shared<Snapshot>();
  const Network& net = session_->network();
  const Dataset& d = session_->data();
  if (want_grid_ && grid_params_version_ != params_version_ && net.input_shape().h == 1) {
    try {
      compute_grid();
    } catch (const std::exception& e) {
      message_ = e.what();
    }
  }
  try {
    compute_predictions();
  } catch (const std::exception& e) {
    message_ = e.what();
  }
  if (!diverged_ && all_finite(net.params())) last_finite_.assign(net.params().begin(), net.params().end());
  s->version = ++version_;
  s->params_version = params_version_;
  s->step = session_->steps();
  s->epoch = session_->epoch();
  s->epoch_progress = session_->epoch_progress();
  s->samples_seen = session_->samples_seen();
  s->running = running_ || pending_steps_ > 0;
  s->threads = pool_.size();
  s->spec = session_->spec();
  s->loss = session_->loss();
  s->task = d.task;
  s->num_classes = d.num_classes;
  s->settings = session_->settings();
  s->params.assign(net.params().begin(), net.params().end());
  for (int l = 0; l < net.size(); ++l) s->param_offsets.push_back(net.param_offset(l));
  s->train_size = d.train.rows();
  s->validation_size = d.validation.rows();
  s->test_size = d.test.rows();
  s->data = session_->data_ptr();
  s->start_params = start_params_;
  s->history = history_.points();
  s->latest = latest_;
  if (session_->settings().collect_stats) {
    s->layers = session_->layer_stats();
    if (s->running) layer_history_.add(layer_stats_point(s->step, s->layers));
    s->layer_history = layer_history_.points();
  }
  // Throughput over the time spent training since the previous snapshot, whether the steps came
  // from Play or from Step commands; idle time does not count, so the figure survives a pause.
  if (busy_samples_ > 0 && busy_seconds_ > 0) {
    const double now_rate = double(busy_samples_) / busy_seconds_;
    rate_ = rate_ > 0 ? 0.7 * rate_ + 0.3 * now_rate : now_rate;
    busy_samples_ = 0;
    busy_seconds_ = 0;
  }
  s->samples_per_second = rate_;
  s->grid = grid_;
  s->predictions = predictions_;
  s->diverged = diverged_;
  s->message = message_;
  std::lock_guard lock(snapshot_mutex_);
  snapshot_ = std::move(s);
}

}  // namespace nnplay
