// The subcommands of the rainforest command line.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/studies/analyze.hpp"

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

}  // namespace rf::cli
