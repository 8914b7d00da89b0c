// The built-in shader copies must match shaders/*.{vert,frag}, or a moved binary would draw
// with stale shaders.
#include "app/gui/logic/embedded_shaders.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {
std::string read_repo_file(const std::string& rel) {
  std::ifstream in(std::string(NNPLAY_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST(EmbeddedShaders, BoundaryCopiesMatchTheFiles) {
  const std::string vert = read_repo_file("shaders/boundary.vert");
  const std::string frag = read_repo_file("shaders/boundary.frag");
  ASSERT_FALSE(vert.empty());
  ASSERT_FALSE(frag.empty());
  EXPECT_EQ(vert, nnplay::gui::kBoundaryVertSource)
      << "paste shaders/boundary.vert into app/gui/logic/embedded_shaders.cpp";
  EXPECT_EQ(frag, nnplay::gui::kBoundaryFragSource)
      << "paste shaders/boundary.frag into app/gui/logic/embedded_shaders.cpp";
}

TEST(EmbeddedShaders, PointCopiesMatchTheFiles) {
  const std::string vert = read_repo_file("shaders/points.vert");
  const std::string frag = read_repo_file("shaders/points.frag");
  ASSERT_FALSE(vert.empty());
  ASSERT_FALSE(frag.empty());
  EXPECT_EQ(vert, nnplay::gui::kPointsVertSource)
      << "paste shaders/points.vert into app/gui/logic/embedded_shaders.cpp";
  EXPECT_EQ(frag, nnplay::gui::kPointsFragSource)
      << "paste shaders/points.frag into app/gui/logic/embedded_shaders.cpp";
}
