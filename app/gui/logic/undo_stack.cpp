// Whole-snapshot undo/redo for the data canvas (see undo_stack.h).
#include "app/gui/logic/undo_stack.h"

#include <utility>

namespace nnplay::gui {

void UndoStack::push(const PointSet& before) {
  undo_.push_back(before);
  redo_.clear();
  enforce_limits();
}

void UndoStack::drop_last() {
  if (!undo_.empty()) undo_.pop_back();
}

bool UndoStack::undo(PointSet& current) {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(current));
  current = std::move(undo_.back());
  undo_.pop_back();
  return true;
}

bool UndoStack::redo(PointSet& current) {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(current));
  current = std::move(redo_.back());
  redo_.pop_back();
  return true;
}

void UndoStack::clear() {
  undo_.clear();
  redo_.clear();
}

size_t UndoStack::stored_points() const {
  size_t n = 0;
  for (const auto& s : undo_) n += s.points.size();
  for (const auto& s : redo_) n += s.points.size();
  return n;
}

void UndoStack::enforce_limits() {
  // Oldest undo steps go first; the newest one always stays so the last edit can be undone.
  while (undo_.size() > 1 && (undo_.size() > max_steps_ || stored_points() > max_points_)) {
    undo_.erase(undo_.begin());
  }
}

}  // namespace nnplay::gui
