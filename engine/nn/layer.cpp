#include "engine/nn/layer.h"

namespace nnplay {

size_t Layer::param_count() const {
  size_t n = 0;
  for (const auto& p : params()) n += static_cast<size_t>(p.rows) * p.cols;
  return n;
}

}  // namespace nnplay
