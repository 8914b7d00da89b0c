// Reader for the IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
// a big-endian header (magic 0x00000803 for images, 0x00000801 for labels, then the item count
// and, for images, rows and columns) followed by raw unsigned bytes. Files may be gzipped, as
// they are downloaded and as Debian ships them; zlib reads both kinds transparently.
// Every failure is an Error naming the file and saying what to do about it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace nnplay {

// 8-bit images with labels, as read from disk before they become a Dataset.
struct ImageSet {
  int count = 0;
  int channels = 1, height = 0, width = 0;
  std::vector<uint8_t> pixels;  // (count, channels*height*width), row-major, channel-major
  std::vector<uint8_t> labels;  // (count), class indices
  int pixels_per_image() const { return channels * height * width; }
};

// Limits that reject corrupt headers before any allocation.
inline constexpr uint64_t kMaxIdxBytes = 100'000'000;
inline constexpr int kMaxIdxSide = 4096;

// Reads an IDX image file. max_items > 0 reads only the first max_items images.
// Fills count, height, width and pixels; labels stay empty.
ImageSet read_idx_images(const std::string& path, int max_items = 0);
// Reads an IDX label file; every label must be below num_classes.
std::vector<uint8_t> read_idx_labels(const std::string& path, int num_classes = 10,
                                     int max_items = 0);
// Both, checking that they describe the same number of items.
ImageSet read_idx_pair(const std::string& images_path, const std::string& labels_path,
                       int num_classes = 10, int max_items = 0);

}  // namespace nnplay
