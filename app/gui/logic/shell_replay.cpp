// Parser of input-replay scripts (format in shell_replay.h).
#include "app/gui/logic/shell_replay.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>
#include <utility>

#include "engine/core/error.h"

namespace nnplay::gui {

namespace {

// GLFW key codes (glfw3.h); copied as numbers so this file needs no GLFW header.
constexpr int kSpace = 32, kEscape = 256, kEnter = 257, kTab = 258, kBackspace = 259,
              kDelete = 261, kRight = 262, kLeft = 263, kDown = 264, kUp = 265, kF1 = 290,
              kEqual = 61, kMinus = 45;

constexpr std::pair<const char*, int> kNamedKeys[] = {
    {"space", kSpace},   {"escape", kEscape}, {"enter", kEnter}, {"tab", kTab},
    {"backspace", kBackspace}, {"delete", kDelete}, {"right", kRight}, {"left", kLeft},
    {"down", kDown},     {"up", kUp},         {"equal", kEqual}, {"minus", kMinus}};

ReplayEvent event(ReplayOp op) {
  ReplayEvent e;
  e.op = op;
  return e;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct LineReader {
  std::vector<std::string> words;
  std::string rest_after_first;  // raw text after the command word (for type/save/screenshot)
  std::string where;             // "<file> line <n>"

  [[noreturn]] void fail(const std::string& what) const { throw Error(where + ": " + what); }

  double number(size_t i) const {
    if (i >= words.size()) fail("missing a number after '" + words[0] + "'");
    const std::string& w = words[i];
    double v = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
    if (ec != std::errc() || end != w.data() + w.size()) fail("expected a number, got '" + w + "'");
    return v;
  }
};

// Reads "[panel] x y" starting at word i; returns the index after it.
size_t read_point(const LineReader& r, size_t i, ReplayEvent& e) {
  if (i < r.words.size() && std::isalpha(static_cast<unsigned char>(r.words[i][0]))) {
    if (!is_replay_panel(r.words[i]))
      r.fail("unknown panel '" + r.words[i] + "' (controls, data, network, canvas, curves)");
    e.panel = r.words[i++];
  }
  e.x = float(r.number(i));
  e.y = float(r.number(i + 1));
  return i + 2;
}

ReplayEvent parse_key(const LineReader& r) {
  if (r.words.size() != 2) r.fail("expected 'key NAME'");
  ReplayEvent e = event(ReplayOp::Key);
  std::string name = lower(r.words[1]);
  for (;;) {
    if (name.rfind("ctrl+", 0) == 0) e.ctrl = true, name = name.substr(5);
    else if (name.rfind("shift+", 0) == 0) e.shift = true, name = name.substr(6);
    else break;
  }
  e.key = replay_key_code(name);
  if (e.key == 0) r.fail("unknown key '" + r.words[1] + "'");
  return e;
}

void parse_drag(const LineReader& r, std::vector<ReplayEvent>& out) {
  ReplayEvent from = event(ReplayOp::MouseDown), to = event(ReplayOp::Move);
  size_t i = read_point(r, 1, from);
  to.panel = from.panel;
  to.x = float(r.number(i));
  to.y = float(r.number(i + 1));
  const int frames = i + 2 < r.words.size() ? int(r.number(i + 2)) : 10;
  if (frames < 1 || frames > 10000) r.fail("drag frames must be in [1, 10000]");
  out.push_back(from);
  for (int k = 1; k <= frames; ++k) {
    ReplayEvent m = to;
    const float t = float(k) / float(frames);
    m.x = from.x + (to.x - from.x) * t;
    m.y = from.y + (to.y - from.y) * t;
    out.push_back(m);
  }
  out.push_back(event(ReplayOp::MouseUp));
}

void parse_line(const LineReader& r, std::vector<ReplayEvent>& out) {
  const std::string cmd = lower(r.words[0]);
  ReplayEvent e;
  if (cmd == "key") {
    out.push_back(parse_key(r));
    return;
  }
  if (cmd == "drag") return parse_drag(r, out);
  if (cmd == "click" || cmd == "mouse_down" || cmd == "move") {
    e.op = cmd == "move" ? ReplayOp::Move : ReplayOp::MouseDown;
    read_point(r, 1, e);
    out.push_back(e);
    if (cmd == "click") out.push_back(event(ReplayOp::MouseUp));
    return;
  }
  if (cmd == "mouse_up") e.op = ReplayOp::MouseUp;
  else if (cmd == "wait") e.op = ReplayOp::Wait, e.amount = r.number(1);
  else if (cmd == "wait_seconds") e.op = ReplayOp::WaitSeconds, e.amount = r.number(1);
  else if (cmd == "wait_steps") e.op = ReplayOp::WaitSteps, e.amount = r.number(1);
  else if (cmd == "quit") e.op = ReplayOp::Quit;
  else if (cmd == "type" || cmd == "save" || cmd == "screenshot") {
    if (r.rest_after_first.empty()) r.fail("'" + cmd + "' needs an argument");
    e.op = cmd == "type" ? ReplayOp::Type : cmd == "save" ? ReplayOp::Save : ReplayOp::Screenshot;
    e.text = r.rest_after_first;
  } else {
    r.fail("unknown command '" + r.words[0] + "'");
  }
  if (e.amount < 0) r.fail("expected a value >= 0");
  out.push_back(e);
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

bool is_replay_panel(std::string_view name) {
  return name == "controls" || name == "data" || name == "network" || name == "canvas" ||
         name == "curves";
}

int replay_key_code(std::string_view name) {
  const std::string n = lower(name);
  if (n.size() == 1 && (std::isalnum(static_cast<unsigned char>(n[0]))))
    return std::toupper(static_cast<unsigned char>(n[0]));  // GLFW letters/digits are ASCII
  if (n.size() >= 2 && n[0] == 'f' && std::all_of(n.begin() + 1, n.end(), ::isdigit)) {
    const int k = std::stoi(n.substr(1));
    return k >= 1 && k <= 12 ? kF1 + k - 1 : 0;
  }
  for (const auto& [word, code] : kNamedKeys)
    if (n == word) return code;
  return 0;
}

std::vector<ReplayEvent> parse_replay(std::string_view text, const std::string& name_for_errors) {
  std::vector<ReplayEvent> out;
  std::istringstream in{std::string(text)};
  std::string raw;
  for (int line_no = 1; std::getline(in, raw); ++line_no) {
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    LineReader r;
    r.where = name_for_errors + " line " + std::to_string(line_no);
    std::istringstream words(line);
    for (std::string w; words >> w;) r.words.push_back(w);
    const auto space = line.find_first_of(" \t");
    r.rest_after_first = space == std::string::npos ? "" : trim(line.substr(space));
    const size_t before = out.size();
    parse_line(r, out);
    for (size_t i = before; i < out.size(); ++i) out[i].line = line_no;
  }
  return out;
}

}  // namespace nnplay::gui
