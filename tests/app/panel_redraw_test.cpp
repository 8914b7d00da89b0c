// The panel cache's decisions: what counts as the same panel, and which panels a frame redraws.
#include "app/gui/logic/panel_redraw.h"

#include <gtest/gtest.h>

namespace {

using namespace nnplay::gui;

TEST(PanelRedraw, ChildWindowsAndRetitledWindowsBelongToTheirPanel) {
  EXPECT_TRUE(belongs_to_panel("Network", "Network"));
  EXPECT_TRUE(belongs_to_panel("Network/##diagram_1A2B3C4D", "Network"));
  EXPECT_FALSE(belongs_to_panel("Network settings", "Network"));
  EXPECT_TRUE(belongs_to_panel("Data###left", "###left"));
  EXPECT_TRUE(belongs_to_panel("Lesson###left/##text_00000001", "###left"));
  EXPECT_FALSE(belongs_to_panel("##Tooltip_00", "###left"));
  EXPECT_FALSE(belongs_to_panel("##Popup_1234", "Training"));
}

TEST(PanelRedraw, BoxesOverlapOnlyWhenTheyShareArea) {
  const Rect a{0, 0, 10, 10};
  EXPECT_TRUE(overlaps(a, Rect{9, 9, 11, 11}));
  EXPECT_FALSE(overlaps(a, Rect{10, 0, 10, 10}));  // touching edges share no pixel
  EXPECT_FALSE(overlaps(a, Rect{}));
}

TEST(PanelRedraw, DamagedAndInteractivePanelsDrawAtOnceOthersWaitTheirTurn) {
  const double now = 10.0, interval = 0.05;
  std::vector<PanelState> p(5);
  p[0] = {true, false, true, now - 0.001};   // changed under the mouse: now
  p[1] = {false, true, false, now - 0.001};  // a tooltip left it: now
  p[2] = {true, false, false, now - 0.01};   // changed, drawn 10 ms ago: waits
  p[3] = {true, false, false, now - 0.2};    // changed, waiting longest: drawn
  p[4] = {true, false, false, now - 0.1};    // changed, waiting too: next frame
  const auto d = panels_to_draw(p, now, interval);
  EXPECT_EQ(d, (std::vector<bool>{true, true, false, true, false}));
}

TEST(PanelRedraw, UnchangedPanelsAreNeverDrawn) {
  std::vector<PanelState> p(2);
  p[0].drawn_at = 0;
  p[1].drawn_at = 5;
  EXPECT_EQ(panels_to_draw(p, 100.0, 0.05), (std::vector<bool>{false, false}));
}

TEST(PanelRedraw, EveryChangedPanelGetsItsTurnWithinAFewFrames) {
  // Five panels that change every frame while nobody touches them: each is drawn at least
  // every (panels / frames per interval) frames, and never two in one frame.
  std::vector<PanelState> p(5);
  for (auto& s : p) s.drawn_at = 0;
  std::vector<int> draws(p.size(), 0);
  for (int frame = 1; frame <= 60; ++frame) {
    const double now = frame / 60.0;
    for (auto& s : p) s.changed = true;
    const auto d = panels_to_draw(p, now, 0.05);
    int drawn = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      if (!d[i]) continue;
      ++drawn;
      ++draws[i];
      p[i].drawn_at = now;
    }
    EXPECT_LE(drawn, 1);
  }
  for (int n : draws) EXPECT_GE(n, 10);  // about 12 per second each
}

}  // namespace
