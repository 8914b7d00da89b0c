#include "app/cli/args.h"

#include <algorithm>

#include "engine/core/error.h"

namespace nnplay::cli {

std::string Args::get(const std::string& k, const std::string& def) const {
  auto it = options.find(k);
  return it == options.end() ? def : it->second;
}

long Args::integer(const std::string& k, long def, long lo, long hi) const {
  if (!has(k)) return def;
  const std::string v = get(k);
  size_t used = 0;
  long x = 0;
  try {
    x = std::stol(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used != v.size() || v.empty())
    throw Error(k + ": expected a whole number, got '" + v + "'");
  if (x < lo || x > hi)
    throw Error(k + ": expected a number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                ", got " + v);
  return x;
}

Args parse_args(int argc, char** argv, const std::vector<std::string>& with_value,
                const std::vector<std::string>& flags) {
  Args a;
  for (int i = 0; i < argc; ++i) {
    const std::string s = argv[i];
    if (s.rfind("--", 0) != 0 || s == "--") {
      a.positional.push_back(s);
      continue;
    }
    if (std::find(with_value.begin(), with_value.end(), s) != with_value.end()) {
      if (i + 1 >= argc) throw Error(s + " needs a value");
      a.options[s] = argv[++i];
    } else if (std::find(flags.begin(), flags.end(), s) != flags.end()) {
      a.options[s] = "";
    } else {
      throw Error("unknown option " + s + " (see --help)");
    }
  }
  return a;
}

}  // namespace nnplay::cli
