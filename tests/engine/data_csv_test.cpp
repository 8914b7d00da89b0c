// CSV import/export: exact round trips, and every malformed file names its line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "engine/core/error.h"
#include "engine/data/csv.h"

namespace nnplay {
namespace {

namespace fs = std::filesystem;

std::string parse_error(const std::string& text) {
  try {
    parse_points_csv(text, "points.csv");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Expects parsing to fail with a message containing every fragment.
void expect_error(const std::string& text, std::initializer_list<const char*> fragments) {
  const std::string msg = parse_error(text);
  ASSERT_FALSE(msg.empty()) << "no error for:\n" << text;
  for (const char* f : fragments) EXPECT_NE(msg.find(f), std::string::npos) << msg;
}

fs::path temp_file(const std::string& name) {
  return fs::temp_directory_path() / ("nnplay_csv_test_" + std::to_string(::getpid()) + name);
}

void expect_same(const PointSet& a, const PointSet& b) {
  EXPECT_EQ(a.task, b.task);
  EXPECT_EQ(a.num_classes, b.num_classes);
  ASSERT_EQ(a.points.size(), b.points.size());
  for (size_t i = 0; i < a.points.size(); ++i) {
    EXPECT_EQ(a.points[i].x1, b.points[i].x1) << i;  // bit-exact, not approximately
    EXPECT_EQ(a.points[i].x2, b.points[i].x2) << i;
    EXPECT_EQ(a.points[i].y, b.points[i].y) << i;
    EXPECT_EQ(a.points[i].split, b.points[i].split) << i;
  }
}

TEST(Csv, ClassificationRoundTripWithSplits) {
  PointSet s;
  s.num_classes = 4;
  s.points = {{0.1 + 0.2, -5.123456789012345, 3, SplitId::Validation},
              {1e-300, 6.0, 0, SplitId::Test},
              {-0.0, 1.0 / 3.0, 2, SplitId::Train}};
  const std::string text = format_points_csv(s);
  EXPECT_EQ(text.substr(0, text.find('\n')), "x1,x2,label,split");
  bool had_split = false;
  expect_same(parse_points_csv(text, "t.csv", &had_split), s);
  EXPECT_TRUE(had_split);
}

TEST(Csv, RegressionRoundTripThroughAFile) {
  PointSet s;
  s.task = Task::Regression;
  s.num_classes = 0;
  s.points = {{2.5, 0, std::sin(2.5), SplitId::Train}, {-6, 0, -1e-17, SplitId::Test}};
  const fs::path path = temp_file("reg.csv");
  write_points_csv(s, path.string());
  expect_same(read_points_csv(path.string()), s);
  fs::remove(path);
}

TEST(Csv, WithoutSplitColumnEverythingIsTrain) {
  bool had_split = true;
  const PointSet s = parse_points_csv("x1,x2,label\n1,2,0\n3,4,1\n", "a.csv", &had_split);
  EXPECT_FALSE(had_split);
  ASSERT_EQ(s.points.size(), 2u);
  EXPECT_EQ(s.points[1].split, SplitId::Train);
  EXPECT_EQ(format_points_csv(s, false), "x1,x2,label\n1,2,0\n3,4,1\n");
}

TEST(Csv, NumClassesIsMaxLabelPlusOneAtLeastTwo) {
  EXPECT_EQ(parse_points_csv("x1,x2,label\n0,0,5\n1,1,2\n", "a").num_classes, 6);
  EXPECT_EQ(parse_points_csv("x1,x2,label\n0,0,0\n", "a").num_classes, 2);
  const PointSet r = parse_points_csv("x1,x2,value\n0,0,12.5\n", "a");
  EXPECT_EQ(r.task, Task::Regression);
  EXPECT_EQ(r.points[0].y, 12.5);
}

TEST(Csv, ToleratesSpreadsheetQuirks) {
  // BOM, CRLF, spaces, quotes, capitalised header, reordered columns, blank lines, no final \n.
  const std::string text =
      "\xEF\xBB\xBF"
      "Label, X2 ,x1,Split\r\n\r\n 1 ,\"2.5\",+3,TEST\r\n\n0,-1e2,4,train";
  bool had_split = false;
  const PointSet s = parse_points_csv(text, "a", &had_split);
  EXPECT_TRUE(had_split);
  ASSERT_EQ(s.points.size(), 2u);
  EXPECT_EQ(s.points[0].x1, 3.0);
  EXPECT_EQ(s.points[0].x2, 2.5);
  EXPECT_EQ(s.points[0].y, 1.0);
  EXPECT_EQ(s.points[0].split, SplitId::Test);
  EXPECT_EQ(s.points[1].x2, -100.0);
}

TEST(Csv, WrongTypeNamesLineAndColumn) {
  expect_error("x1,x2,label\n1,2,0\n1,2,1\n1,2,0\n1,2,0\n1,2,0\n1,abc,0\n",
               {"points.csv line 7: expected a number in column x2, got 'abc'"});
  expect_error("x1,x2,value\n1,2,nan\n", {"line 2", "column value", "'nan'"});
  expect_error("x1,x2,label\n,2,0\n", {"line 2", "column x1", "''"});
  expect_error("x1,x2,label\n1.5.2,2,0\n", {"line 2", "column x1"});
}

TEST(Csv, TruncatedLineNamesLine) {
  expect_error("x1,x2,label\n1,2,0\n3,4\n", {"points.csv line 3", "expected 3", "got 2"});
  expect_error("x1,x2,label,split\n1,2,0\n", {"line 2", "expected 4"});
  expect_error("x1,x2,label\n1,2,0,7\n", {"line 2", "expected 3", "got 4"});
}

TEST(Csv, BadOrMissingHeaderColumns) {
  expect_error("x1,label\n1,0\n", {"points.csv line 1", "x1,x2,label"});
  expect_error("a,b,c\n1,2,0\n", {"line 1", "unknown column 'a'"});
  expect_error("1,2,0\n3,4,1\n", {"line 1", "header"});
  expect_error("x1,x2,label,value\n1,2,0,0\n", {"line 1", "only one"});
  expect_error("x1,x1,label\n1,2,0\n", {"line 1", "twice"});
  expect_error("\n\nx1,x2\n", {"line 3"});  // blank lines still count
}

TEST(Csv, LabelsMustBeWholeNumbersZeroToSeven) {
  expect_error("x1,x2,label\n1,2,0\n1,2,-1\n", {"line 3", "0 to 7", "'-1'"});
  expect_error("x1,x2,label\n1,2,8\n", {"line 2", "'8'"});
  expect_error("x1,x2,label\n1,2,1.5\n", {"line 2", "'1.5'"});
  expect_error("x1,x2,label\n1,2,cat\n", {"line 2", "column label"});
  EXPECT_EQ(parse_points_csv("x1,x2,label\n1,2,7\n", "a").num_classes, 8);
}

TEST(Csv, BadSplitNamesLine) {
  expect_error("x1,x2,label,split\n1,2,0,train\n1,2,0,holdout\n",
               {"line 3", "train, validation or test", "'holdout'"});
}

TEST(Csv, EmptyFilesAreRefused) {
  expect_error("", {"points.csv", "empty"});
  expect_error("\n \n", {"empty"});
  expect_error("x1,x2,label\n\n", {"line 1", "not followed by any rows"});
}

TEST(Csv, TooManyRowsIsRefused) {
  std::string text = "x1,x2,label\n";
  text.reserve(text.size() + 6 * (kMaxCsvRows + 1));
  for (int i = 0; i <= kMaxCsvRows; ++i) text += "0,0,0\n";
  // The 1,000,001st row is on line 1,000,002 (the header is line 1).
  expect_error(text, {"line 1000002", "1,000,000"});
  text.resize(text.size() - 6);
  EXPECT_EQ(parse_points_csv(text, "a").points.size(), size_t(kMaxCsvRows));
}

TEST(Csv, FilesOver100MbAreRefusedBeforeReading) {
  const fs::path path = temp_file("big.csv");
  { std::ofstream(path) << "x1,x2,label\n"; }
  fs::resize_file(path, kMaxCsvBytes + 1);  // sparse: costs no disk space
  try {
    read_points_csv(path.string());
    ADD_FAILURE() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("100 MB"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos);
  }
  fs::remove(path);
}

TEST(Csv, MissingFileAndUnwritablePath) {
  EXPECT_THROW(read_points_csv("/nonexistent/dir/points.csv"), Error);
  EXPECT_THROW(write_points_csv(PointSet{}, "/nonexistent/dir/points.csv"), Error);
}

TEST(Csv, ReadErrorsUseTheFileName) {
  const fs::path path = temp_file("named.csv");
  { std::ofstream(path) << "x1,x2,label\n1,2,0\n1,two,0\n"; }
  try {
    read_points_csv(path.string());
    ADD_FAILURE() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path.filename().string() + " line 3"), std::string::npos)
        << e.what();
  }
  fs::remove(path);
}

}  // namespace
}  // namespace nnplay
