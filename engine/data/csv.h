// Points to and from CSV, so students can bring their own 2D data or keep what they drew.
// Header: x1,x2,label (classification, labels 0..7) or x1,x2,value (regression), optionally
// followed by a split column (train/validation/test). Columns may come in any order.
// Every problem is reported as "<file> line <n>: <what was expected>, got '<what was there>'".
#pragma once
#include <string>
#include <string_view>

#include "engine/data/points.h"

namespace nnplay {

inline constexpr int kMaxCsvRows = 1'000'000;
inline constexpr long long kMaxCsvBytes = 100LL * 1024 * 1024;

// Parses CSV text. name_for_errors is the file name shown in messages. Without a split column
// all points are Train and *had_split_column (if given) is set to false, so the caller knows to
// call assign_splits. The task comes from the header; num_classes = max label + 1 (at least 2).
PointSet parse_points_csv(std::string_view text, const std::string& name_for_errors,
                          bool* had_split_column = nullptr);
// Reads and parses a file; refuses files over 100 MB before reading them.
PointSet read_points_csv(const std::string& path, bool* had_split_column = nullptr);

// Writes the header and one row per point, with the split column when with_split. Numbers use
// the shortest text that reads back to the identical double.
std::string format_points_csv(const PointSet& set, bool with_split = true);
void write_points_csv(const PointSet& set, const std::string& path, bool with_split = true);

}  // namespace nnplay
