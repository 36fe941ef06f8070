// Runs many seeded simulations on a pool of threads and hands results over in run order, so the
// output never depends on the number of threads or on which run finishes first.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace rf {

struct EnsembleOptions {
  std::vector<std::uint64_t> seeds;  // one run per seed
  unsigned threads = 1;
  RunOptions run;
  /// If set and it returns a result for run i (a run kept in a journal), that result is handed
  /// over instead of simulating run i again.
  std::function<std::optional<RunResult>(std::size_t)> stored;
  /// If set, called with each simulated run as soon as it finishes, in completion order (calls
  /// never overlap), before `sink` sees it in run order: journals keep it even if an earlier run
  /// is still going when the command is interrupted.
  std::function<void(std::size_t, const RunResult&)> finished;
};

/// Runs `job(i)` for i in [0, count) on `threads` threads and calls `done(i, result)` as each
/// finishes, in completion order (calls never overlap). The first exception thrown by a job or
/// by `done` stops the pool and is rethrown after all threads have joined. After SIGINT or
/// SIGTERM (sim/interrupt.hpp) no new job starts; the jobs in flight finish and are handed over.
void run_parallel(std::size_t count, unsigned threads, const std::function<RunResult(std::size_t)>& job,
                  const std::function<void(std::size_t, RunResult&&)>& done);

/// Calls `sink(index, result)` for runs 0, 1, 2, ... in order, from whichever thread completes
/// the next one (calls never overlap). `progress(done, total)` is called after each run. If
/// interrupted, runs 0 .. K-1 have been handed over and Interrupted is thrown.
void run_ensemble(const Scenario& scenario, const EnsembleOptions& options,
                  const std::function<void(std::size_t, RunResult&&)>& sink,
                  const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace rf
