#include "engine/images/idx_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include "engine/core/error.h"

namespace nnplay {

namespace {

constexpr uint32_t kImagesMagic = 0x00000803, kLabelsMagic = 0x00000801;
const char* const kHint = " (re-download or reinstall the data set)";

std::string hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

// A gzFile that closes itself and reports errors with the file name.
class GzReader {
 public:
  explicit GzReader(const std::string& path) : path_(path), f_(gzopen(path.c_str(), "rb")) {
    if (!f_) throw Error("cannot open " + path + ": no such file or not readable");
    gzbuffer(f_, 1 << 17);
  }
  ~GzReader() { gzclose(f_); }
  GzReader(const GzReader&) = delete;
  GzReader& operator=(const GzReader&) = delete;

  // Reads exactly n bytes or throws, naming `what` ("header", "pixels", ...).
  void read(void* dst, size_t n, const char* what) {
    auto* out = static_cast<unsigned char*>(dst);
    size_t done = 0;
    while (done < n) {
      const unsigned chunk = static_cast<unsigned>(std::min<size_t>(n - done, 1u << 30));
      const int got = gzread(f_, out + done, chunk);
      if (got < 0) {
        int code = 0;
        const char* msg = gzerror(f_, &code);
        throw Error(path_ + ": corrupt file while reading " + what + ": " + msg + kHint);
      }
      if (got == 0) break;
      done += static_cast<size_t>(got);
    }
    if (done < n)
      throw Error(path_ + ": truncated: expected " + std::to_string(n) + " bytes of " + what +
                  ", found " + std::to_string(done) + kHint);
  }

  uint32_t read_u32(const char* what) {
    unsigned char b[4];
    read(b, 4, what);
    return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | b[3];
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  gzFile f_;
};

void check_magic(GzReader& in, uint32_t magic, uint32_t expected, const char* kind) {
  if (magic == expected) return;
  std::string msg = in.path() + ": not an IDX " + kind + " file (magic " + hex(magic) +
                    ", expected " + hex(expected) + ")";
  if (magic == kImagesMagic || magic == kLabelsMagic)
    msg += "; it is an IDX " + std::string(magic == kImagesMagic ? "image" : "label") +
           " file: are the image and label files swapped?";
  else
    msg += "; the file may be damaged or an HTML error page saved by a download tool";
  throw Error(msg);
}

// The header's item count, and how many of them to read.
int item_count(GzReader& in, int max_items, int& in_file) {
  const uint32_t n = in.read_u32("header");
  if (n > kMaxIdxBytes)
    throw Error(in.path() + ": absurd item count " + std::to_string(n) + " in the header" + kHint);
  in_file = static_cast<int>(n);
  return max_items > 0 ? std::min(in_file, max_items) : in_file;
}

ImageSet read_images(const std::string& path, int max_items, int& in_file) {
  GzReader in(path);
  check_magic(in, in.read_u32("header"), kImagesMagic, "image");
  ImageSet set;
  set.count = item_count(in, max_items, in_file);
  const uint32_t rows = in.read_u32("header"), cols = in.read_u32("header");
  if (rows == 0 || cols == 0 || rows > kMaxIdxSide || cols > kMaxIdxSide)
    throw Error(path + ": absurd image size " + std::to_string(rows) + "x" +
                std::to_string(cols) + " in the header" + kHint);
  const uint64_t bytes = uint64_t(set.count) * rows * cols;
  if (bytes > kMaxIdxBytes)
    throw Error(path + ": " + std::to_string(set.count) + " images of " + std::to_string(rows) +
                "x" + std::to_string(cols) + " would need " + std::to_string(bytes) +
                " bytes, more than the limit of " + std::to_string(kMaxIdxBytes) + kHint);
  set.height = static_cast<int>(rows);
  set.width = static_cast<int>(cols);
  set.pixels.resize(bytes);
  in.read(set.pixels.data(), bytes, "pixels");
  return set;
}

std::vector<uint8_t> read_labels(const std::string& path, int num_classes, int max_items,
                                 int& in_file) {
  GzReader in(path);
  check_magic(in, in.read_u32("header"), kLabelsMagic, "label");
  std::vector<uint8_t> labels(item_count(in, max_items, in_file));
  in.read(labels.data(), labels.size(), "labels");
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] >= num_classes)
      throw Error(path + ": label " + std::to_string(labels[i]) + " of item " + std::to_string(i) +
                  " is out of range 0.." + std::to_string(num_classes - 1) + kHint);
  return labels;
}

}  // namespace

ImageSet read_idx_images(const std::string& path, int max_items) {
  int in_file = 0;
  return read_images(path, max_items, in_file);
}

std::vector<uint8_t> read_idx_labels(const std::string& path, int num_classes, int max_items) {
  int in_file = 0;
  return read_labels(path, num_classes, max_items, in_file);
}

ImageSet read_idx_pair(const std::string& images_path, const std::string& labels_path,
                       int num_classes, int max_items) {
  int images_in_file = 0, labels_in_file = 0;
  ImageSet set = read_images(images_path, max_items, images_in_file);
  set.labels = read_labels(labels_path, num_classes, max_items, labels_in_file);
  if (images_in_file != labels_in_file)
    throw Error(images_path + " has " + std::to_string(images_in_file) + " images but " +
                labels_path + " has " + std::to_string(labels_in_file) +
                " labels; the files belong to different downloads" + kHint);
  return set;
}

}  // namespace nnplay
