#include "app/gui/gfx/panel_cache.h"

#include <backends/imgui_impl_opengl3.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "app/gui/gfx/content_generation.h"
#include "app/gui/gfx/gl.h"

namespace nnplay::gui {

namespace {

constexpr double kMinInterval = 1.0 / 20;  // panels away from the mouse: 20 redraws a second

uint64_t mix_bytes(uint64_t h, const void* data, size_t n) {
  // FNV-1a over 8-byte words: fast enough for a few hundred kB a frame.
  const auto* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0x100000001b3ULL;
  }
  for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ULL;
  return h;
}

// Everything that decides a list's pixels; lists drawing textures or shader callbacks also
// depend on what those show (content_generation).
uint64_t list_hash(const ImDrawList* l, uint64_t h) {
  h = mix_bytes(h, l->VtxBuffer.Data, size_t(l->VtxBuffer.Size) * sizeof(ImDrawVert));
  h = mix_bytes(h, l->IdxBuffer.Data, size_t(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
  const ImTextureID font = ImGui::GetIO().Fonts->TexID;
  bool external = false;
  for (const ImDrawCmd& c : l->CmdBuffer) {
    h = mix_bytes(h, &c.ClipRect, sizeof c.ClipRect);
    h = mix_bytes(h, &c.TextureId, sizeof c.TextureId);
    const unsigned counts[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
    h = mix_bytes(h, counts, sizeof counts);
    if (c.UserCallback || c.TextureId != font) external = true;
  }
  if (external) {
    const uint64_t g = content_generation();
    h = mix_bytes(h, &g, sizeof g);
  }
  return h;
}

Rect list_bounds(const ImDrawList* l) {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  for (const ImDrawVert& v : l->VtxBuffer) {
    x0 = std::min(x0, v.pos.x);
    y0 = std::min(y0, v.pos.y);
    x1 = std::max(x1, v.pos.x);
    y1 = std::max(y1, v.pos.y);
  }
  // Anti-aliased edges reach a pixel beyond the vertices' hull.
  return Rect{x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4};
}

void draw_lists(ImDrawData* whole, std::vector<ImDrawList*>& lists) {
  if (lists.empty()) return;
  ImDrawData part = *whole;
  part.CmdLists = lists.data();
  part.CmdListsCount = int(lists.size());
  part.TotalVtxCount = part.TotalIdxCount = 0;
  for (ImDrawList* l : lists) {
    part.TotalVtxCount += l->VtxBuffer.Size;
    part.TotalIdxCount += l->IdxBuffer.Size;
  }
  ImGui_ImplOpenGL3_RenderDrawData(&part);
}

// Rectangle (ImGui coordinates) to a GL scissor rectangle, clamped to the framebuffer.
void scissor(const Rect& b, const ImDrawData* d, int fb_w, int fb_h) {
  const ImVec2 o = d->DisplayPos, s = d->FramebufferScale;
  const int x0 = std::max(0, int(std::floor((b.x - o.x) * s.x)));
  const int y0 = std::max(0, int(std::floor((b.y - o.y) * s.y)));
  const int x1 = std::min(fb_w, int(std::ceil((b.right() - o.x) * s.x)));
  const int y1 = std::min(fb_h, int(std::ceil((b.bottom() - o.y) * s.y)));
  glEnable(GL_SCISSOR_TEST);
  glScissor(x0, fb_h - y1, std::max(0, x1 - x0), std::max(0, y1 - y0));
}

bool mouse_in(const Rect& r) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  return r.contains(m.x, m.y);
}

}  // namespace

void PanelCache::init() {
  const char* env = std::getenv("NNPLAY_PANEL_CACHE");
  const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const bool software = renderer && (std::strstr(renderer, "llvmpipe") || std::strstr(renderer, "softpipe"));
  active_ = env ? std::strcmp(env, "0") != 0 : software;
}

// The top-left pixel alternates between two shades one step apart each frame; if the next
// frame does not find the shade it wrote, the back buffer does not survive a swap here.
void PanelCache::write_probe(int fb_h) {
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, fb_h - 1, 1, 1);
  const float v = (frame_ & 1u) ? 21.0f / 255 : 20.0f / 255;
  glClearColor(v, v, v, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  probe_written_ = true;
}

bool PanelCache::probe_ok(int fb_h) {
  if (!probe_written_) return true;
  unsigned char px[4] = {0, 0, 0, 0};
  glReadPixels(0, fb_h - 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  return px[0] == ((frame_ & 1u) ? 21 : 20);
}

void PanelCache::render(ImDrawData* data, const std::vector<CachedPanel>& panels,
                        ImVec4 clear_color, double now, bool whole) {
  const int fb_w = int(data->DisplaySize.x * data->FramebufferScale.x);
  const int fb_h = int(data->DisplaySize.y * data->FramebufferScale.y);
  if (active_ && !probe_ok(fb_h)) {
    active_ = false;  // this driver does not keep the back buffer: draw whole frames
    std::fprintf(stderr, "nnplay: the back buffer does not survive a swap here; panel cache off\n");
  }
  glClearColor(clear_color.x, clear_color.y, clear_color.z, 1.0f);
  if (!active_) {
    // Off (hardware GL, or a driver without a kept back buffer): a plain frame, with none of
    // the sorting and hashing below, which only serve the cache.
    glDisable(GL_SCISSOR_TEST);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    entries_.clear();
    panel_draws_ += long(panels.size());
    return;
  }
  const bool full = whole || fb_w != fb_w_ || fb_h != fb_h_ || entries_.size() != panels.size();
  fb_w_ = fb_w;
  fb_h_ = fb_h;

  // Sort the lists: each fixed panel's (with its child windows), and the overlays in order.
  std::vector<std::vector<ImDrawList*>> own(panels.size());
  std::vector<ImDrawList*> overlays;
  std::vector<Rect> overlay_boxes;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    ImDrawList* l = data->CmdLists[i];
    const char* name = l->_OwnerName ? l->_OwnerName : "";
    size_t k = 0;
    while (k < panels.size() && !belongs_to_panel(name, panels[k].key)) ++k;
    if (k < panels.size()) {
      own[k].push_back(l);
    } else {
      overlays.push_back(l);
      // The gaps between panels never overlap one: they are not damage.
      if (std::strcmp(name, "##Background") != 0 && l->VtxBuffer.Size > 0)
        overlay_boxes.push_back(list_bounds(l));
    }
  }

  if (full) {
    glDisable(GL_SCISSOR_TEST);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    entries_.assign(panels.size(), Entry{});
    for (size_t k = 0; k < panels.size(); ++k) {
      uint64_t h = 0xcbf29ce484222325ULL;
      for (const ImDrawList* l : own[k]) h = list_hash(l, h);
      entries_[k] = Entry{h, panels[k].rect, now, true};
    }
    panel_draws_ += long(panels.size());
  } else {
    std::vector<PanelState> states(panels.size());
    std::vector<uint64_t> hashes(panels.size());
    const bool busy = ImGui::IsAnyItemActive();
    for (size_t k = 0; k < panels.size(); ++k) {
      uint64_t h = 0xcbf29ce484222325ULL;
      for (const ImDrawList* l : own[k]) h = list_hash(l, h);
      hashes[k] = h;
      const Entry& e = entries_[k];
      const Rect& r = panels[k].rect;
      PanelState& s = states[k];
      s.changed = h != e.hash;
      s.damaged = !e.valid || r.x != e.rect.x || r.y != e.rect.y || r.w != e.rect.w ||
                  r.h != e.rect.h;
      for (const Rect& o : overlay_boxes) s.damaged = s.damaged || overlaps(o, r);
      for (const Rect& o : last_overlays_) s.damaged = s.damaged || overlaps(o, r);
      s.interactive = busy || mouse_in(r);
      s.drawn_at = e.drawn_at;
    }
    const std::vector<bool> draw = panels_to_draw(states, now, kMinInterval);
    for (size_t k = 0; k < panels.size(); ++k) {
      if (!draw[k]) {
        ++panel_reuses_;
        continue;
      }
      ++panel_draws_;
      // Panels draw no background: clear their rectangle to the window colour first.
      scissor(panels[k].rect, data, fb_w, fb_h);
      glClear(GL_COLOR_BUFFER_BIT);
      glDisable(GL_SCISSOR_TEST);
      draw_lists(data, own[k]);
      entries_[k] = Entry{hashes[k], panels[k].rect, now, true};
    }
    draw_lists(data, overlays);
  }
  last_overlays_ = overlay_boxes;
  ++frame_;
  if (active_) write_probe(fb_h);
}

}  // namespace nnplay::gui
