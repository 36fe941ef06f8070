// `run` and `reproduce`: an ensemble of one scenario written to a run file in run order, keeping
// the last month of every series for the summary.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/io/result_file.hpp"

namespace rf {

struct RunToFileOptions {
  std::string out;
  bool force = false, quiet = false;
  unsigned threads = 1;            // resolved (>= 1)
  bool profile = false;            // time each phase; forces one thread
  bool check_every_month = false;  // accounting identities every month
};

struct RunToFileReport {
  std::vector<std::vector<std::vector<double>>> last_month;  // [metric][region][run]: value in the last month
  double seconds = 0.0;                                      // wall time of the runs
  unsigned threads = 0;                                      // used
  std::vector<double> phase_seconds;                         // per phase, summed over runs (profile only)
};

/// Runs one run per seed and writes them to `options.out`. After an interrupt the file keeps the
/// runs finished in order and Interrupted is thrown naming them.
RunToFileReport run_to_file(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const Provenance& provenance,
                            const RunToFileOptions& options);

}  // namespace rf
