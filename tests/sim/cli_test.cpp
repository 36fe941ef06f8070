// End-to-end tests of the rainforest command line: exit codes, messages, files.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"
#include "models/metrics.hpp"
#include "sim/cli/describe.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/studies/bench_against.hpp"

namespace rf {

namespace fs = std::filesystem;

using test::rainforest;
using Scratch = test::CliScratch;

namespace {

const std::string kQuick = " --set simulation.scale=0.002 --set simulation.months=24 --quiet ";
const std::string kDefault = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";

bool same_series(const std::string& a, const std::string& b) {
  for (const auto& m : metric_table()) {
    const auto x = read_series(a, std::string(m.name));
    const auto y = read_series(b, std::string(m.name));
    if (x.size() != y.size() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) return false;
  }
  return true;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Cli, RunIsIdenticalOnOneAndTwoThreadsAndReproducible) {
  Scratch s;
  const auto one = rainforest("run " + kDefault + kQuick + "--runs 4 --threads 1 --out " + s.file("one.h5"));
  ASSERT_EQ(one.status, 0) << one.output;
  const auto two = rainforest("run " + kDefault + kQuick + "--runs 4 --threads 2 --out " + s.file("two.h5"));
  ASSERT_EQ(two.status, 0) << two.output;
  EXPECT_TRUE(same_series(s.file("one.h5"), s.file("two.h5")));
  const auto again = rainforest("reproduce " + s.file("one.h5") + " --quiet --out " + s.file("again.h5"));
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_TRUE(same_series(s.file("one.h5"), s.file("again.h5")));
  const auto other = rainforest("run " + kDefault + kQuick + "--runs 4 --seed 2 --out " + s.file("other.h5"));
  ASSERT_EQ(other.status, 0) << other.output;
  EXPECT_FALSE(same_series(s.file("one.h5"), s.file("other.h5")));
}

TEST(Cli, ExistingOutputNeedsForce) {
  Scratch s;
  ASSERT_EQ(rainforest("run " + kDefault + kQuick + "--runs 1 --out " + s.file("a.h5")).status, 0);
  const auto again = rainforest("run " + kDefault + kQuick + "--runs 1 --out " + s.file("a.h5"));
  EXPECT_EQ(again.status, 3);
  EXPECT_NE(again.output.find("--force"), std::string::npos) << again.output;
  EXPECT_EQ(rainforest("run " + kDefault + kQuick + "--runs 1 --force --out " + s.file("a.h5")).status, 0);
}

TEST(Cli, ASingleRunReportsMonthsAndTimeLeftBeforeItEnds) {
  Scratch s;
  // Without a terminal the progress line comes every RAINFOREST_PROGRESS_SECONDS (0: at every month).
  const auto r = test::run_command("RAINFOREST_PROGRESS_SECONDS=0 " + std::string(RF_BINARY) + " run " + kDefault +
                                   " --set simulation.scale=0.002 --set simulation.months=36 --runs 1 --out " + s.file("a.h5"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("0/1 runs, 18/36 months ( 50%)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("left"), std::string::npos) << r.output;
}

TEST(Cli, MisspelledKeyIsAnErrorWithLocationAndSuggestion) {
  Scratch s;
  const auto path = s.write("bad.yaml", "regions:\n  - name: X\n    policy:\n      voucher_rte: 0.2\n");
  const auto r = rainforest("validate " + path);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("bad.yaml:4:7"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Did you mean 'voucher_rate'"), std::string::npos) << r.output;
  const auto run = rainforest("run " + path + " --out " + s.file("x.h5"));
  EXPECT_EQ(run.status, 2);
  EXPECT_FALSE(fs::exists(s.file("x.h5")));
}

TEST(Cli, BadOverrideAndMissingFileAreErrors) {
  Scratch s;
  EXPECT_EQ(rainforest("run " + kDefault + " --set simulation.months=0 --out " + s.file("x.h5")).status, 2);
  EXPECT_EQ(rainforest("run /no/such/file.yaml --out " + s.file("x.h5")).status, 2);
  const auto dir = rainforest("run " + kDefault + kQuick + "--out /no/such/dir/x.h5");
  EXPECT_EQ(dir.status, 3);
  EXPECT_NE(dir.output.find("does not exist"), std::string::npos) << dir.output;
}

TEST(Cli, DescribeOneParameterAndSuggestClosest) {
  const auto ok = rainforest("describe voucher_cap");
  EXPECT_EQ(ok.status, 0);
  EXPECT_NE(ok.output.find("001_b3f1eab579f37dab"), std::string::npos) << ok.output;
  const auto bad = rainforest("describe voucher_cp");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("voucher_cap"), std::string::npos) << bad.output;
}

TEST(Docs, ParametersMarkdownIsUpToDate) {
  const bool same = slurp(std::string(RF_SOURCE_DIR) + "/docs/parameters.md") == parameters_markdown();
  EXPECT_TRUE(same) << "docs/parameters.md is stale: run scripts/update-docs.sh";
}

TEST(Docs, OutputMarkdownListsEveryColumn) {
  const std::string doc = slurp(std::string(RF_SOURCE_DIR) + "/docs/OUTPUT.md");
  const bool found = doc.find(outputs_markdown()) != std::string::npos;
  EXPECT_TRUE(found) << "docs/OUTPUT.md is stale: run scripts/update-docs.sh";
}

}  // namespace rf

namespace rf {

TEST(Cli, VersionNamesTheCommitTheBinaryWasBuiltFrom) {
  FILE* pipe = popen(("git -C " + std::string(RF_SOURCE_DIR) + " rev-parse HEAD 2>/dev/null").c_str(), "r");
  std::array<char, 128> buf{};
  const bool have_git = pipe != nullptr && fgets(buf.data(), buf.size(), pipe) != nullptr;
  if (pipe != nullptr) pclose(pipe);
  if (!have_git) GTEST_SKIP() << "not a git checkout";
  const std::string head(buf.data(), 40);
  const auto r = rainforest("--version");
  EXPECT_NE(r.output.find(head), std::string::npos) << r.output << " vs HEAD " << head;
}

}  // namespace rf

namespace rf {

TEST(Cli, BenchRunsItsCasesAndRejectsUnknownOnes) {
  const auto r =
      test::rainforest("bench --cases full scaling output --full-scale 0.004 --small-scale 0.002 --small-runs 4 --repeat 1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("firm-steps/s"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("time per firm-step varies by"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("output: 4 runs"), std::string::npos) << r.output;
  const auto bad = test::rainforest("bench --cases fast");
  EXPECT_EQ(bad.status, 2) << bad.output;
}

}  // namespace rf

namespace rf {

// Argument handling of `bench --against`; no timing is asserted (the machine may be busy).
TEST(Cli, BenchAgainstRejectsAMissingBinaryAndOtherCases) {
  const auto missing = test::rainforest("bench --against /nonexistent/rainforest --repeat 1");
  EXPECT_EQ(missing.status, 2) << missing.output;
  EXPECT_NE(missing.output.find("not an executable"), std::string::npos) << missing.output;
  const auto with_cases = test::rainforest(std::string("bench --against ") + RF_BINARY + " --cases full");
  EXPECT_EQ(with_cases.status, 2) << with_cases.output;
  const auto with_small = test::rainforest(std::string("bench --against ") + RF_BINARY + " --small-runs 3");
  EXPECT_EQ(with_small.status, 2) << with_small.output;
}

TEST(Cli, BenchAgainstItselfFindsIdenticalSeries) {
  const auto r = test::rainforest(std::string("bench --against ") + RF_BINARY + " --full-scale 0.002 --repeat 2");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("ratio other / this"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("CPU-time ratio other / this"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("CPU s (user + system)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("ns per firm-step"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("bit-identical in every pair"), std::string::npos) << r.output;
}

TEST(BenchAgainst, RunsOneSeededRunOnOneThreadAtTheScale) {
  const auto args = against_run_arguments("/bin/rf", "s.yaml", 0.25, "/tmp/o.h5");
  const std::vector<std::string> expected = {"/bin/rf",
                                             "run",
                                             "s.yaml",
                                             "--runs",
                                             "1",
                                             "--threads",
                                             "1",
                                             "--set",
                                             "simulation.scale=0.25",
                                             "--set",
                                             "simulation.snapshot_firms=false",
                                             "--quiet",
                                             "--force",
                                             "--out",
                                             "/tmp/o.h5"};
  EXPECT_EQ(args, expected);
}

TEST(BenchAgainst, CpuSecondsAddUserAndSystemTime) {
  EXPECT_DOUBLE_EQ(cpu_seconds(timeval{2, 500000}, timeval{1, 250000}), 3.75);
  EXPECT_DOUBLE_EQ(cpu_seconds(timeval{0, 0}, timeval{0, 0}), 0.0);
}

TEST(BenchAgainst, SeriesDifferenceNamesTheFirstDifferingSeries) {
  Scratch s;
  const std::string run = "run " + kDefault + " --runs 1 --set simulation.scale=0.002 --set simulation.months=6 -q ";
  ASSERT_EQ(rainforest(run + "--seed 1 --out " + s.file("a.h5")).status, 0);
  ASSERT_EQ(rainforest(run + "--seed 1 --out " + s.file("b.h5")).status, 0);
  ASSERT_EQ(rainforest(run + "--seed 2 --out " + s.file("c.h5")).status, 0);
  std::size_t metrics = 0;
  EXPECT_EQ(series_difference(s.file("a.h5"), s.file("b.h5"), metrics), "");
  EXPECT_EQ(metrics, static_cast<std::size_t>(kMetricCount));
  EXPECT_NE(series_difference(s.file("a.h5"), s.file("c.h5"), metrics).find("differs at value"), std::string::npos);
}

}  // namespace rf
