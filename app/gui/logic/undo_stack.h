// Undo/redo of data edits by whole-PointSet snapshots: simple and exact, and cheap enough for
// the data sizes a canvas holds (a budget on stored points bounds the memory).
// Protocol: call push(current) just BEFORE changing the points; undo/redo swap states.
#pragma once
#include <cstddef>
#include <vector>

#include "engine/data/points.h"

namespace nnplay::gui {

class UndoStack {
 public:
  // max_steps: how many undo steps are kept; max_points: total points over all stored states
  // (oldest steps are dropped first, but the newest step is always kept).
  explicit UndoStack(size_t max_steps = 200, size_t max_points = 4'000'000)
      : max_steps_(max_steps), max_points_(max_points) {}

  // Records the state before an edit and clears the redo list (a new edit forks history).
  void push(const PointSet& before);
  // Forgets the most recent push without restoring it (an edit that turned out to change
  // nothing, e.g. an eraser stroke over empty space).
  void drop_last();
  // Restores the previous state into `current` (which moves onto the redo list).
  bool undo(PointSet& current);
  bool redo(PointSet& current);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  size_t undo_size() const { return undo_.size(); }
  size_t redo_size() const { return redo_.size(); }
  void clear();

 private:
  void enforce_limits();
  size_t stored_points() const;

  size_t max_steps_, max_points_;
  std::vector<PointSet> undo_, redo_;
};

}  // namespace nnplay::gui
