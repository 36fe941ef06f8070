// `rainforest bench`: the performance cases of docs/PERFORMANCE.md on this machine, with medians
// over repeats: one full-scale run on one thread, the scaling of time per firm-step, the speed-up
// of many small runs on two threads, the cost of HDF5 output and of start-up.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace rf {

struct BenchOptions {
  std::string scenario = "scenarios/hangzhou.yaml";
  std::vector<std::string> cases = {"full", "scaling", "threads", "output"};
  std::size_t repeat = 3;         // repeats of each timed case (the median is reported)
  double full_scale = 1.0;        // simulation.scale of the full case
  std::size_t small_runs = 1000;  // runs of the threads and output cases
  double small_scale = 0.01;
};

/// Runs the cases and prints a report; returns the exit status.
int run_bench(const BenchOptions& options);

}  // namespace rf
