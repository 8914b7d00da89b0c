// What the image views share: class names for labels, reading one image out of a split, and a
// cached Inspector (one network for single-image forward passes on the UI thread) rebuilt only
// when the snapshot's architecture or parameters change.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/train/inspect.h"
#include "engine/train/snapshot.h"

namespace nnplay::gui {

// "Sneaker", "7" or "class 3": the dataset's name for class k.
std::string class_label(const Snapshot& s, int k);
// Pixels of one image of a split as floats in [0, 1] (channel-major), as the network gets them.
std::vector<float> split_image(const DataSplit& split, int row);
// Grey level for v in [0, 1] (clamped): the way the network's input looks, white ink on black.
ImU32 grey_u32(float v);

class InspectorCache {
 public:
  // The inspector for the snapshot's network and parameters, or null (with why()) when the
  // snapshot has none or it cannot be built. Cheap when nothing changed since the last call.
  const Inspector* get(const Snapshot* s);
  // Changes whenever the inspector's parameters or network do: results cached by callers can
  // compare it to know they are stale.
  uint64_t version() const { return version_; }
  const std::string& why() const { return why_; }

 private:
  std::unique_ptr<Inspector> inspector_;
  NetworkSpec spec_;
  uint64_t params_version_ = 0, version_ = 0;
  size_t param_count_ = 0;
  std::string why_;
};

// The cached inspector for the snapshot, or null after the panel has been told why there is none.
const Inspector* inspector_or_explain(InspectorCache& cache, const Snapshot* s);

}  // namespace nnplay::gui
