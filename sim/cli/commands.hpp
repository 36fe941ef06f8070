// The subcommands of the rainforest command line: each entry point parses nothing, calls a study
// and prints its result (one file per subcommand or family, sim/cli/*_command.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/cluster.hpp"
#include "sim/studies/analyze.hpp"
#include "sim/studies/bench.hpp"
#include "sim/studies/calibrate.hpp"
#include "sim/studies/compare.hpp"
#include "sim/studies/sweep.hpp"

namespace rf::cli {

struct CommonOptions {
  std::vector<std::string> overrides;  // --set path=value
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: all hardware threads
  bool force = false;
  bool quiet = false;
  std::string out;
  std::string command_line;
};

struct RunOptions : CommonOptions {
  std::string scenario;
  std::size_t runs = 16;
  bool profile = false;
  bool check_every_month = false;
};

int run(const RunOptions& o);
int reproduce(const std::string& file, const CommonOptions& o);
int check(const std::string& scenario, const std::string& targets, std::size_t runs, const CommonOptions& o);
int validate(const std::string& file, const std::vector<std::string>& overrides);
int analyze(const AnalyzeOptions& o);
int describe(const std::string& parameter, bool markdown, bool outputs_markdown, const std::string& sources_file);
int compare(const CompareSettings& settings);
/// Runs on every rank of an MPI job; only rank 0 prints.
int sweep(const SweepOptions& options, const Cluster& cluster);
int calibrate(const CalibrateOptions& options);
int bench(const BenchOptions& options);
int report(const std::string& file, const std::string& out_dir, bool force);

}  // namespace rf::cli
