// Typed access to a JSON object that turns every mistake into one sentence naming the file,
// the field path and what was expected: "xor.json: optimizer.lr: expected a number, got \"fast\"".
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace nnplay {

class JsonReader {
 public:
  JsonReader(const nlohmann::json& j, std::string file, std::string path = "")
      : j_(j), file_(std::move(file)), path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const;
  bool has(const std::string& key) const { return j_.is_object() && j_.contains(key); }
  JsonReader child(const std::string& key) const;   // must exist and be an object
  JsonReader element(size_t i) const;                // array element
  size_t array_size(const std::string& key, size_t max) const;  // 0 if absent
  std::string field_path(const std::string& key) const;

  double number(const std::string& key, double def, double lo, double hi) const;
  int integer(const std::string& key, int def, int lo, int hi) const;
  bool boolean(const std::string& key, bool def) const;
  std::string string(const std::string& key, const std::string& def) const;
  // A string that must be one of `allowed`.
  std::string choice(const std::string& key, const std::string& def,
                     const std::vector<std::string>& allowed) const;
  std::vector<double> numbers(const std::string& key, size_t max) const;  // flat or nested arrays
  std::vector<std::string> strings(const std::string& key, size_t max) const;
  const nlohmann::json& raw() const { return j_; }
  const std::string& file() const { return file_; }

 private:
  const nlohmann::json& j_;
  std::string file_, path_;
};

std::string describe_json(const nlohmann::json& v);  // short rendering for messages

}  // namespace nnplay
