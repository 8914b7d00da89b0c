// A tiny option parser for the headless commands: --name value pairs and flags, with errors
// that say which option was wrong.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace nnplay::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--epochs" -> "5"; flags map to ""
  bool has(const std::string& k) const { return options.count(k) > 0; }
  std::string get(const std::string& k, const std::string& def = "") const;
  long integer(const std::string& k, long def, long lo, long hi) const;
};

// `with_value` lists options that take a value; anything else starting with -- is a flag.
// Throws nnplay::Error for unknown options.
Args parse_args(int argc, char** argv, const std::vector<std::string>& with_value,
                const std::vector<std::string>& flags);

}  // namespace nnplay::cli
