#include "engine/experiment/json_reader.h"

#include <cmath>

#include "engine/core/error.h"

namespace nnplay {

std::string describe_json(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

std::string JsonReader::field_path(const std::string& key) const {
  return path_.empty() ? key : (key.empty() ? path_ : path_ + "." + key);
}

void JsonReader::fail(const std::string& field, const std::string& what) const {
  throw Error(file_ + ": " + field_path(field) + ": " + what);
}

JsonReader JsonReader::child(const std::string& key) const {
  if (!has(key)) fail(key, "missing (expected an object)");
  const auto& v = j_.at(key);
  if (!v.is_object()) fail(key, "expected an object, got " + describe_json(v));
  return JsonReader(v, file_, field_path(key));
}

JsonReader JsonReader::element(size_t i) const {
  return JsonReader(j_.at(i), file_, path_ + "[" + std::to_string(i) + "]");
}

size_t JsonReader::array_size(const std::string& key, size_t max) const {
  if (!has(key)) return 0;
  const auto& v = j_.at(key);
  if (!v.is_array()) fail(key, "expected a list, got " + describe_json(v));
  if (v.size() > max) fail(key, "has " + std::to_string(v.size()) + " entries, at most " +
                                    std::to_string(max) + " are allowed");
  return v.size();
}

double JsonReader::number(const std::string& key, double def, double lo, double hi) const {
  if (!has(key)) return def;
  const auto& v = j_.at(key);
  if (!v.is_number()) fail(key, "expected a number, got " + describe_json(v));
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "expected a number between %g and %g, got %g", lo, hi, x);
    fail(key, buf);
  }
  return x;
}

int JsonReader::integer(const std::string& key, int def, int lo, int hi) const {
  if (!has(key)) return def;
  const auto& v = j_.at(key);
  if (!v.is_number_integer() && !(v.is_number() && std::floor(v.get<double>()) == v.get<double>()))
    fail(key, "expected a whole number, got " + describe_json(v));
  const double x = v.get<double>();
  if (x < lo || x > hi)
    fail(key, "expected a whole number between " + std::to_string(lo) + " and " +
                  std::to_string(hi) + ", got " + describe_json(v));
  return static_cast<int>(x);
}

bool JsonReader::boolean(const std::string& key, bool def) const {
  if (!has(key)) return def;
  const auto& v = j_.at(key);
  if (!v.is_boolean()) fail(key, "expected true or false, got " + describe_json(v));
  return v.get<bool>();
}

std::string JsonReader::string(const std::string& key, const std::string& def) const {
  if (!has(key)) return def;
  const auto& v = j_.at(key);
  if (!v.is_string()) fail(key, "expected a string, got " + describe_json(v));
  return v.get<std::string>();
}

std::string JsonReader::choice(const std::string& key, const std::string& def,
                               const std::vector<std::string>& allowed) const {
  const std::string s = string(key, def);
  for (const auto& a : allowed)
    if (a == s) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail(key, "expected one of " + list + ", got \"" + s + "\"");
}

std::vector<double> JsonReader::numbers(const std::string& key, size_t max) const {
  std::vector<double> out;
  if (!has(key)) return out;
  auto walk = [&](const nlohmann::json& v, auto& self) -> void {
    if (v.is_array()) {
      for (const auto& e : v) self(e, self);
    } else if (v.is_number() && std::isfinite(v.get<double>())) {
      if (out.size() >= max) fail(key, "has more than " + std::to_string(max) + " numbers");
      out.push_back(v.get<double>());
    } else {
      fail(key, "expected numbers, found " + describe_json(v));
    }
  };
  const auto& v = j_.at(key);
  if (!v.is_array()) fail(key, "expected a list of numbers, got " + describe_json(v));
  walk(v, walk);
  return out;
}

std::vector<std::string> JsonReader::strings(const std::string& key, size_t max) const {
  std::vector<std::string> out;
  const size_t n = array_size(key, max);
  for (size_t i = 0; i < n; ++i) {
    const auto& v = j_.at(key).at(i);
    if (!v.is_string())
      fail(key + "[" + std::to_string(i) + "]", "expected a string, got " + describe_json(v));
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace nnplay
