// The network as training runs it. The user's spec may end in sigmoid or softmax, but with a
// cross-entropy loss the output layer stays linear and the loss applies the squashing itself:
// the loss stays finite for confident mistakes, and its dL/dz at the output is simply p - t.
// TrainingSession, Inspector and the backprop trace all build their Network from this.
#pragma once
#include "engine/nn/loss.h"
#include "engine/nn/network_spec.h"

namespace nnplay {

inline NetworkSpec compiled_spec(NetworkSpec s, const Loss& loss) {
  if (loss.kind != LossKind::Mse && !s.layers.empty()) s.layers.back().activation.kind = ActivationKind::Linear;
  return s;
}

}  // namespace nnplay
