// The entry points of the subcommands: each calls a study and prints its result. One file per
// subcommand or family (sim/cli/<name>_command.cpp); their options are declared in command_line.cpp.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/cluster.hpp"
#include "sim/studies/analyze.hpp"
#include "sim/studies/bench.hpp"
#include "sim/studies/calibrate.hpp"
#include "sim/studies/compare.hpp"
#include "sim/studies/study_options.hpp"
#include "sim/studies/sweep.hpp"

namespace rf::cli {

struct RunOptions : StudyOptions {
  RunOptions() { runs = 16; }
  std::string scenario;
  bool profile = false;
  bool check_every_month = false;
};

struct CheckOptions : StudyOptions {
  CheckOptions() { runs = 30; }
  std::string scenario, targets;
  bool strict = false;  // exit status 1 when a moment is outside its target
};

struct DescribeOptions {
  std::string parameter, sources_file;
  bool markdown = false, outputs_markdown = false;
};

struct ReportOptions {
  std::string file, out;
  bool force = false;
};

int run(const RunOptions& options);
int reproduce(const std::string& file, const StudyOptions& options);
int check(const CheckOptions& options);
int validate(const std::string& file, const std::vector<std::string>& overrides);
int describe(const DescribeOptions& options);
int compare(const CompareSettings& settings);
/// Runs on every rank of an MPI job; only rank 0 prints.
int sweep(const SweepOptions& options, const Cluster& cluster);
int analyze(const AnalyzeOptions& options);
int calibrate(const CalibrateOptions& options);
int report(const ReportOptions& options);
/// `rainforest export FILE --csv DIR`: tidy CSV files of any rainforest file.
int export_tables(const ReportOptions& options);
/// `options.scenario` is found in the data directory if it is not a path from here.
int bench(BenchOptions options);

}  // namespace rf::cli
