// Built-in copies of the files in shaders/, used when the files cannot be found next to the
// program (an installed or moved binary). tests/app/embedded_shaders_test.cpp checks that each
// copy equals its file, so editing a shader means pasting it here too.
#pragma once

namespace nnplay::gui {

extern const char* const kBoundaryVertSource;  // shaders/boundary.vert
extern const char* const kBoundaryFragSource;  // shaders/boundary.frag
extern const char* const kPointsVertSource;    // shaders/points.vert
extern const char* const kPointsFragSource;    // shaders/points.frag

}  // namespace nnplay::gui
