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
  bool resume = false;             // finish an interrupted run from its journal (OUT.parts)
  unsigned threads = 1;            // resolved (>= 1)
  bool profile = false;            // time each phase; forces one thread
  bool check_every_month = false;  // accounting identities every month
};

struct RunToFileReport {
  std::vector<std::vector<std::vector<double>>> last_month;  // [metric][region][run]: value in the last month
  double seconds = 0.0;                                      // wall time of the runs
  unsigned threads = 0;                                      // used
  std::vector<double> phase_seconds;                         // per phase, summed over runs (profile only)
  bool already_complete = false;                             // --resume found the file finished: nothing was run
};

/// Runs one run per seed and writes them to `options.out`. Finished runs go to a journal in
/// OUT.parts first, so a killed command resumes (--resume) without redoing them; the file is
/// written in run order and renamed into place when complete. After an interrupt the file keeps
/// the runs finished in order and Interrupted is thrown naming them and the --resume command.
RunToFileReport run_to_file(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const Provenance& provenance,
                            const RunToFileOptions& options);

}  // namespace rf
