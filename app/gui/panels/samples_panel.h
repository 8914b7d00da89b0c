// Samples view: a gallery of validation images with their true and predicted labels and the
// network's top-3 probabilities (mistakes first on request), beside a confusion matrix that
// updates live; clicking a cell shows its images. The trainer computes the predictions
// (Snapshot::predictions), so this view only draws.
#pragma once
#include <cstdint>
#include <vector>

#include "app/gui/panels/image_atlas.h"

namespace nnplay::gui {

struct AppState;

struct SamplesPanelState {
  bool mistakes_first = true;
  int true_class = -1, predicted_class = -1;  // confusion cell selected (-1: all images)
  int page = 0;
  ImageAtlas gallery;
  std::vector<int> shown;      // Predictions entries on the current page, in gallery order
  uint64_t gallery_key = ~0ull;
};

// Draws into the current window region (the caller owns Begin/End).
void draw_samples_panel(AppState& s);

}  // namespace nnplay::gui
