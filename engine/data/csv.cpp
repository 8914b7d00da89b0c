#include "engine/data/csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/core/error.h"

namespace nnplay {

namespace {

constexpr int kMaxLabel = 7;

// Where each known column sits in a row (-1 = absent).
struct Columns {
  int x1 = -1, x2 = -1, y = -1, split = -1;
  int count = 0;
  Task task = Task::Classification;
  std::string y_name;  // "label" or "value", for messages
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  // Spreadsheets sometimes quote every field ("1.5"); the quotes carry no meaning here.
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = line.find(',', start);
    out.push_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Builds "<file> line <n>: <msg>" so every message points at the exact place to fix.
[[noreturn]] void fail(const std::string& file, size_t line, const std::string& msg) {
  throw Error(file + " line " + std::to_string(line) + ": " + msg);
}

const char* kHeaderHelp =
    "expected a header x1,x2,label (classification) or x1,x2,value (regression), "
    "optionally followed by ,split";

void set_column(int& slot, int index, const std::string& name, const std::string& file,
                size_t line) {
  if (slot >= 0) fail(file, line, "column '" + name + "' appears twice");
  slot = index;
}

Columns parse_header(std::string_view line, const std::string& file, size_t line_no) {
  Columns c;
  const auto fields = split_fields(line);
  c.count = static_cast<int>(fields.size());
  for (int i = 0; i < c.count; ++i) {
    const std::string name = lower(fields[i]);
    if (name == "x1")
      set_column(c.x1, i, name, file, line_no);
    else if (name == "x2")
      set_column(c.x2, i, name, file, line_no);
    else if (name == "split")
      set_column(c.split, i, name, file, line_no);
    else if (name == "label" || name == "value") {
      if (c.y >= 0) fail(file, line_no, "only one of 'label' and 'value' may appear");
      c.y = i;
      c.y_name = name;
      c.task = name == "label" ? Task::Classification : Task::Regression;
    } else {
      fail(file, line_no,
           std::string(kHeaderHelp) + ", got unknown column '" + std::string(fields[i]) + "'");
    }
  }
  if (c.x1 < 0 || c.x2 < 0 || c.y < 0)
    fail(file, line_no, std::string(kHeaderHelp) + ", got '" + std::string(trim(line)) + "'");
  return c;
}

double parse_number(std::string_view field, const char* column, const std::string& file,
                    size_t line) {
  double v = 0;
  const char* begin = field.data();
  const char* end = field.data() + field.size();
  if (!field.empty() && *begin == '+') ++begin;  // from_chars refuses a leading '+'
  const auto [ptr, ec] = std::from_chars(begin, end, v);
  if (field.empty() || ec != std::errc() || ptr != end || !std::isfinite(v))
    fail(file, line,
         std::string("expected a number in column ") + column + ", got '" + std::string(field) +
             "'");
  return v;
}

double parse_label(std::string_view field, const std::string& file, size_t line) {
  const double v = parse_number(field, "label", file, line);
  if (v != std::floor(v) || v < 0 || v > kMaxLabel)
    fail(file, line,
         "expected a whole-number class label from 0 to " + std::to_string(kMaxLabel) + ", got '" +
             std::string(field) + "'");
  return v;
}

Point parse_row(std::string_view line, const Columns& c, const std::string& file, size_t line_no) {
  const auto f = split_fields(line);
  if (static_cast<int>(f.size()) != c.count)
    fail(file, line_no,
         "expected " + std::to_string(c.count) + " comma-separated values, got " +
             std::to_string(f.size()));
  Point p;
  p.x1 = parse_number(f[c.x1], "x1", file, line_no);
  p.x2 = parse_number(f[c.x2], "x2", file, line_no);
  p.y = c.task == Task::Classification ? parse_label(f[c.y], file, line_no)
                                       : parse_number(f[c.y], "value", file, line_no);
  if (c.split >= 0) {
    const auto s = parse_split(f[c.split]);
    if (!s)
      fail(file, line_no,
           "expected train, validation or test in column split, got '" + std::string(f[c.split]) +
               "'");
    p.split = *s;
  }
  return p;
}

// Yields lines one at a time, counting line numbers from 1 (as an editor shows them).
class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {
    if (rest_.starts_with("\xEF\xBB\xBF")) rest_.remove_prefix(3);  // spreadsheet UTF-8 BOM
  }
  bool next(std::string_view& line) {
    if (done_) return false;
    const size_t nl = rest_.find('\n');
    line = rest_.substr(0, nl);
    ++line_no_;
    if (nl == std::string_view::npos)
      done_ = true;
    else
      rest_.remove_prefix(nl + 1);
    return true;
  }
  size_t line_no() const { return line_no_; }

 private:
  std::string_view rest_;
  size_t line_no_ = 0;
  bool done_ = false;
};

void append_number(std::string& out, double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  out.append(buf, res.ptr);
}

}  // namespace

PointSet parse_points_csv(std::string_view text, const std::string& name_for_errors,
                          bool* had_split_column) {
  const std::string& file = name_for_errors;
  if (text.size() > static_cast<size_t>(kMaxCsvBytes))
    throw Error(file + ": the file is larger than 100 MB; nnplay reads at most 100 MB of points");
  LineReader reader(text);
  std::string_view line;
  // Blank lines are skipped everywhere (editors often leave one at the end).
  bool have_header = false;
  while (!have_header && reader.next(line)) have_header = !trim(line).empty();
  if (!have_header) throw Error(file + ": the file is empty; " + kHeaderHelp);
  const Columns cols = parse_header(line, file, reader.line_no());
  const size_t header_line = reader.line_no();

  PointSet set;
  set.task = cols.task;
  while (reader.next(line)) {
    if (trim(line).empty()) continue;
    if (set.points.size() >= static_cast<size_t>(kMaxCsvRows))
      fail(file, reader.line_no(), "too many rows; nnplay keeps at most 1,000,000 points");
    set.points.push_back(parse_row(line, cols, file, reader.line_no()));
  }
  if (set.points.empty())
    fail(file, header_line, "the header is not followed by any rows of points");

  if (set.task == Task::Classification) {
    double max_label = 0;
    for (const Point& p : set.points) max_label = std::max(max_label, p.y);
    set.num_classes = std::max(2, static_cast<int>(max_label) + 1);
  } else {
    set.num_classes = 0;
  }
  if (had_split_column) *had_split_column = cols.split >= 0;
  return set;
}

PointSet read_points_csv(const std::string& path, bool* had_split_column) {
  namespace fs = std::filesystem;
  const std::string name = fs::path(path).filename().string();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) throw Error("could not open '" + path + "': " + ec.message());
  if (size > static_cast<uintmax_t>(kMaxCsvBytes))
    throw Error(name + ": the file is " + std::to_string(size / (1024 * 1024)) +
                " MB; nnplay reads at most 100 MB of points");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("could not open '" + path + "' for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw Error("could not read '" + path + "'");
  return parse_points_csv(buf.str(), name, had_split_column);
}

std::string format_points_csv(const PointSet& set, bool with_split) {
  const bool cls = set.task == Task::Classification;
  std::string out = cls ? "x1,x2,label" : "x1,x2,value";
  out += with_split ? ",split\n" : "\n";
  out.reserve(out.size() + set.points.size() * 48);
  for (const Point& p : set.points) {
    append_number(out, p.x1);
    out += ',';
    append_number(out, p.x2);
    out += ',';
    if (cls)
      out += std::to_string(static_cast<long long>(std::llround(p.y)));
    else
      append_number(out, p.y);
    if (with_split) {
      out += ',';
      out += split_name(p.split);
    }
    out += '\n';
  }
  return out;
}

void write_points_csv(const PointSet& set, const std::string& path, bool with_split) {
  const std::string text = format_points_csv(set, with_split);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("could not open '" + path + "' for writing");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw Error("could not finish writing '" + path + "' (is the disk full?)");
}

}  // namespace nnplay
