// Replay scripts and command-line options of the GUI shell.
#include "app/gui/logic/shell_args.h"
#include "app/gui/logic/shell_replay.h"

#include <gtest/gtest.h>

#include "engine/core/error.h"

namespace nnplay::gui {
namespace {

TEST(ShellReplay, ParsesEveryCommand) {
  const auto ev = parse_replay(
      "# draw\nkey 1\nkey ctrl+s\nmouse_down canvas 0.25 0.5\nmove 10 20\nmouse_up\n"
      "wait 3\nwait_seconds 1.5\nwait_steps 100\nsave /tmp/a b.json\nscreenshot x.png\n"
      "type hello\nquit\n",
      "t.txt");
  ASSERT_EQ(ev.size(), 12u);
  EXPECT_EQ(ev[0].op, ReplayOp::Key);
  EXPECT_EQ(ev[0].key, '1');
  EXPECT_TRUE(ev[1].ctrl);
  EXPECT_EQ(ev[1].key, 'S');
  EXPECT_EQ(ev[2].panel, "canvas");
  EXPECT_FLOAT_EQ(ev[2].x, 0.25f);
  EXPECT_EQ(ev[3].panel, "");
  EXPECT_FLOAT_EQ(ev[3].y, 20);
  EXPECT_EQ(ev[4].op, ReplayOp::MouseUp);
  EXPECT_EQ(ev[7].op, ReplayOp::WaitSteps);
  EXPECT_EQ(ev[7].amount, 100);
  EXPECT_EQ(ev[8].text, "/tmp/a b.json");
  EXPECT_EQ(ev[10].text, "hello");
  EXPECT_EQ(ev[11].op, ReplayOp::Quit);
  EXPECT_EQ(ev[11].line, 13);
}

TEST(ShellReplay, ExpandsClickAndDrag) {
  const auto ev = parse_replay("click canvas 0.5 0.5\ndrag 0 0 100 50 4\n", "t");
  ASSERT_EQ(ev.size(), 2u + 6u);
  EXPECT_EQ(ev[0].op, ReplayOp::MouseDown);
  EXPECT_EQ(ev[1].op, ReplayOp::MouseUp);
  EXPECT_EQ(ev[2].op, ReplayOp::MouseDown);
  EXPECT_FLOAT_EQ(ev[6].x, 100);
  EXPECT_FLOAT_EQ(ev[4].y, 25);
  EXPECT_EQ(ev[7].op, ReplayOp::MouseUp);
}

TEST(ShellReplay, ErrorsNameTheLine) {
  try {
    parse_replay("key space\nfly 1 2\n", "s.txt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("s.txt line 2"), std::string::npos);
  }
  EXPECT_THROW(parse_replay("key nokey\n", "s"), Error);
  EXPECT_THROW(parse_replay("move kitchen 1 2\n", "s"), Error);
  EXPECT_THROW(parse_replay("wait x\n", "s"), Error);
}

TEST(ShellReplay, KeyCodes) {
  EXPECT_EQ(replay_key_code("space"), 32);
  EXPECT_EQ(replay_key_code("a"), 'A');
  EXPECT_EQ(replay_key_code("F12"), 301);
  EXPECT_EQ(replay_key_code("f13"), 0);
}

TEST(ShellArgs, ParsesOptions) {
  const GuiOptions o = parse_gui_args(
      {"exp.json", "--screenshot", "o.png", "--train-steps", "300", "--size", "1600x1000", "--stats"});
  EXPECT_EQ(o.experiment_path, "exp.json");
  EXPECT_EQ(o.screenshot_path, "o.png");
  EXPECT_EQ(o.train_steps, 300);
  EXPECT_EQ(o.width, 1600);
  EXPECT_EQ(o.height, 1000);
  EXPECT_TRUE(o.stats);
  EXPECT_FALSE(o.no_restore);
}

TEST(ShellArgs, RejectsNonsense) {
  EXPECT_THROW(parse_gui_args({"--size", "big"}), Error);
  EXPECT_THROW(parse_gui_args({"--size", "10x10"}), Error);
  EXPECT_THROW(parse_gui_args({"--frobnicate"}), Error);
  EXPECT_THROW(parse_gui_args({"a.json", "b.json"}), Error);
  EXPECT_THROW(parse_gui_args({"--train-steps", "-3", "--screenshot", "x"}), Error);
  EXPECT_THROW(parse_gui_args({"--replay"}), Error);
}

}  // namespace
}  // namespace nnplay::gui
