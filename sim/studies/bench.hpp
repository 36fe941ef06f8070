// Benchmarks: the performance cases of docs/PERFORMANCE.md on this machine, with medians
// over repeats: one full-scale run on one thread, the scaling of time per firm-step, the speed-up
// of many small runs on two threads, the cost of HDF5 output, of the firm event log and of start-up.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
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
  // Another rainforest binary: instead of the cases, time this binary and it alternately at
  // full_scale and check that their series are bit-identical (sim/studies/bench_against.hpp).
  std::string against;
};

/// Throws UsageError for a case other than full, scaling, threads, output and events.
void check_bench_cases(const BenchOptions& options);
/// True if `options.cases` asks for case `name`.
bool bench_wanted(const BenchOptions& options, const std::string& name);

/// One run at full_scale on one thread; medians over the repeats.
struct FullBench {
  std::int64_t months = 0;
  double wall = 0.0, setup = 0.0;      // s
  double firm_steps_per_second = 0.0;  // living firms times months per second of wall time
  double peak_rss_mb = 0.0;            // of this process so far
};
FullBench bench_full(const BenchOptions& options);

/// The scaling case runs at these fractions of full_scale.
inline constexpr std::array<double, 4> kScalingFractions = {0.125, 0.25, 0.5, 1.0};
struct ScalingRow {
  double scale = 0.0, wall = 0.0, firm_steps = 0.0, ns_per_step = 0.0;  // medians but firm_steps (last repeat)
};
/// One run at `fraction` of full_scale on one thread.
ScalingRow bench_scaling(const BenchOptions& options, double fraction);
/// How much the time per firm-step varies over the rows: max / min - 1.
double scaling_variation(const std::vector<ScalingRow>& rows);

/// small_runs runs at small_scale: medians of wall time in s (0 for a case not asked for).
struct SmallRunsBench {
  double one_thread = 0.0, two_threads = 0.0, with_output = 0.0;
  // The events case: the same runs with simulation.event_log off, and the files' sizes in MB.
  double one_thread_without_event_log = 0.0, with_output_without_event_log = 0.0;
  double output_mb = 0.0, output_mb_without_event_log = 0.0;
};
/// The threads and output cases, alternated within each repeat so drift of the machine falls on
/// all of them alike.
SmallRunsBench bench_small_runs(const BenchOptions& options);

}  // namespace rf
