// One error type for the engine: messages are meant to be shown to a student as they are.
#pragma once
#include <stdexcept>
#include <string>

namespace nnplay {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace nnplay
