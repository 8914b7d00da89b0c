// Undo/redo semantics of the data canvas: order, redo cleared by a new edit, limits.
#include "app/gui/logic/undo_stack.h"

#include <gtest/gtest.h>

using nnplay::Point;
using nnplay::PointSet;
using nnplay::gui::UndoStack;

namespace {
PointSet with_n_points(int n) {
  PointSet s;
  for (int i = 0; i < n; ++i) s.points.push_back(Point{double(i), 0, 0});
  return s;
}
}  // namespace

TEST(UndoStack, UndoRestoresPreviousStateAndRedoReappliesIt) {
  UndoStack u;
  PointSet cur = with_n_points(1);
  u.push(cur);
  cur = with_n_points(2);
  u.push(cur);
  cur = with_n_points(3);
  ASSERT_TRUE(u.undo(cur));
  EXPECT_EQ(cur.points.size(), 2u);
  ASSERT_TRUE(u.undo(cur));
  EXPECT_EQ(cur.points.size(), 1u);
  EXPECT_FALSE(u.undo(cur));
  EXPECT_EQ(cur.points.size(), 1u);
  ASSERT_TRUE(u.redo(cur));
  EXPECT_EQ(cur.points.size(), 2u);
  ASSERT_TRUE(u.redo(cur));
  EXPECT_EQ(cur.points.size(), 3u);
  EXPECT_FALSE(u.redo(cur));
}

TEST(UndoStack, NewEditClearsRedo) {
  UndoStack u;
  PointSet cur = with_n_points(1);
  u.push(cur);
  cur = with_n_points(2);
  ASSERT_TRUE(u.undo(cur));
  EXPECT_TRUE(u.can_redo());
  u.push(cur);
  cur = with_n_points(5);
  EXPECT_FALSE(u.can_redo());
  EXPECT_FALSE(u.redo(cur));
  EXPECT_EQ(cur.points.size(), 5u);
}

TEST(UndoStack, KeepsAtMostMaxStepsDroppingTheOldest) {
  UndoStack u(3);
  PointSet cur = with_n_points(0);
  for (int i = 1; i <= 5; ++i) {
    u.push(cur);
    cur = with_n_points(i);
  }
  EXPECT_EQ(u.undo_size(), 3u);
  while (u.undo(cur)) {
  }
  EXPECT_EQ(cur.points.size(), 2u);  // states 0 and 1 were dropped
}

TEST(UndoStack, PointBudgetDropsOldStepsButKeepsTheNewest) {
  UndoStack u(100, 10);
  PointSet cur = with_n_points(8);
  u.push(cur);
  cur = with_n_points(9);
  u.push(cur);  // 17 points stored > 10: the oldest goes
  EXPECT_EQ(u.undo_size(), 1u);
  cur = with_n_points(50);
  u.push(cur);  // 50 > 10 but it is the newest: kept
  EXPECT_EQ(u.undo_size(), 1u);
  ASSERT_TRUE(u.undo(cur));
  EXPECT_EQ(cur.points.size(), 50u);
}

TEST(UndoStack, DropLastForgetsAnEmptyEdit) {
  UndoStack u;
  PointSet cur = with_n_points(1);
  u.push(cur);
  u.drop_last();
  EXPECT_FALSE(u.can_undo());
  EXPECT_FALSE(u.undo(cur));
  EXPECT_EQ(cur.points.size(), 1u);
}

TEST(UndoStack, RestoresTaskAndClassCount) {
  UndoStack u;
  PointSet cur = with_n_points(2);
  cur.num_classes = 2;
  u.push(cur);
  cur.num_classes = 8;
  cur.task = nnplay::Task::Regression;
  ASSERT_TRUE(u.undo(cur));
  EXPECT_EQ(cur.num_classes, 2);
  EXPECT_EQ(cur.task, nnplay::Task::Classification);
}
