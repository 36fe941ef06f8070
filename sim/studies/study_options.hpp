// The options most studies share. The command line declares and resolves them in one place
// (sim/cli/common_options.hpp); tests and other library callers set them directly.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rf {

struct StudyOptions {
  std::vector<std::string> overrides;  // --set path=value, applied to every scenario
  std::uint64_t seed = 1;              // base seed: run i uses run_seed(seed, i)
  std::size_t runs = 1;                // seeded runs (of a scenario, per comparison or per evaluation)
  unsigned threads = 1;                // worker threads; results never depend on them
  bool force = false;                  // overwrite existing outputs
  bool quiet = false;                  // no progress line
  bool resume = false;                 // finish an interrupted command from its journal (OUT.parts)
  std::string out;                     // the output file
  std::string command_line;            // recorded in the output file
};

}  // namespace rf
