#include "app/gui/gfx/content_generation.h"

namespace nnplay::gui {

namespace {
uint64_t g_generation = 1;
}  // namespace

uint64_t content_generation() { return g_generation; }
void bump_content_generation() { ++g_generation; }

}  // namespace nnplay::gui
