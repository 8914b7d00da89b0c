#include "engine/data/features.h"

#include <algorithm>
#include <cmath>

#include "engine/core/error.h"

namespace nnplay {

namespace {

using FeatureFn = double (*)(double x1, double x2);

struct FeatureEntry {
  const char* name;
  FeatureFn fn;
};

constexpr FeatureEntry kFeatures[] = {
    {"x1", [](double a, double) { return a; }},
    {"x2", [](double, double b) { return b; }},
    {"x1^2", [](double a, double) { return a * a; }},
    {"x2^2", [](double, double b) { return b * b; }},
    {"x1*x2", [](double a, double b) { return a * b; }},
    {"sin(x1)", [](double a, double) { return std::sin(a); }},
    {"sin(x2)", [](double, double b) { return std::sin(b); }},
};

std::string names_list() {
  std::string s;
  for (const auto& f : kFeatures) s += (s.empty() ? "" : ", ") + std::string(f.name);
  return s;
}

// Resolves names to functions once, so the per-row loop is a plain call through a table.
std::vector<FeatureFn> resolve(const std::vector<std::string>& features) {
  if (features.empty()) throw Error("choose at least one input feature (" + names_list() + ")");
  std::vector<FeatureFn> fns;
  for (size_t i = 0; i < features.size(); ++i) {
    const std::string& name = features[i];
    auto it = std::find_if(std::begin(kFeatures), std::end(kFeatures),
                           [&](const FeatureEntry& f) { return name == f.name; });
    if (it == std::end(kFeatures))
      throw Error("unknown input feature '" + name + "'; choose from " + names_list());
    // A repeated column adds nothing but makes weights harder to read; refuse it.
    if (std::find(features.begin(), features.begin() + i, name) != features.begin() + i)
      throw Error("input feature '" + name + "' is chosen twice");
    fns.push_back(it->fn);
  }
  return fns;
}

void check_labels(const PointSet& set) {
  if (set.task != Task::Classification) return;
  if (set.num_classes < 2)
    throw Error("a classification data set needs at least 2 classes, got " +
                std::to_string(set.num_classes));
  for (size_t i = 0; i < set.points.size(); ++i) {
    const double y = set.points[i].y;
    if (!(y >= 0 && y < set.num_classes) || y != std::floor(y))
      throw Error("point " + std::to_string(i + 1) + " has label " + std::to_string(y) +
                  ", but labels must be whole numbers from 0 to " +
                  std::to_string(set.num_classes - 1));
  }
}

void fill_split(const PointSet& set, SplitId id, const std::vector<std::string>& features,
                DataSplit& out) {
  std::vector<double> x1, x2;
  std::vector<Scalar> y;
  for (const Point& p : set.points) {
    if (p.split != id) continue;
    x1.push_back(p.x1);
    x2.push_back(p.x2);
    y.push_back(static_cast<Scalar>(p.y));
  }
  const int n = static_cast<int>(y.size());
  apply_features(features, x1.data(), x2.data(), n, out.x);
  out.y = Eigen::Map<const Matrix>(y.data(), n, 1);
}

}  // namespace

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> v;
    for (const auto& f : kFeatures) v.emplace_back(f.name);
    return v;
  }();
  return kNames;
}

bool is_feature_name(const std::string& name) {
  return std::any_of(std::begin(kFeatures), std::end(kFeatures),
                     [&](const FeatureEntry& f) { return name == f.name; });
}

void apply_features(const std::vector<std::string>& features, const double* x1, const double* x2,
                    int n, Matrix& out) {
  const std::vector<FeatureFn> fns = resolve(features);
  const int k = static_cast<int>(fns.size());
  if (n < 0) throw Error("apply_features: negative row count " + std::to_string(n));
  out.resize(n, k);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < k; ++c) out(r, c) = static_cast<Scalar>(fns[c](x1[r], x2[r]));
}

Dataset make_dataset(const PointSet& set, const std::vector<std::string>& features) {
  resolve(features);  // reports a bad feature list before anything else
  check_labels(set);
  if (count_split(set, SplitId::Train) == 0)
    throw Error(set.points.empty()
                    ? "there are no points; generate, draw or import some first"
                    : "the training split has no points; give train a larger fraction");
  Dataset d;
  d.task = set.task;
  d.num_classes = set.task == Task::Classification ? set.num_classes : 0;
  d.input = Shape{static_cast<int>(features.size()), 1, 1};
  d.feature_names = features;
  fill_split(set, SplitId::Train, features, d.train);
  fill_split(set, SplitId::Validation, features, d.validation);
  fill_split(set, SplitId::Test, features, d.test);
  return d;
}

}  // namespace nnplay
