// `rainforest bench --against OTHER`: this binary and another build run the same scenario
// alternately in one sitting (this, other, this, other, ...), so drift of a shared machine falls on
// both alike. Reports medians of wall and CPU time, their ratios and ns per firm-step, and checks
// that every pair of outputs has bit-identical series.
#pragma once
#include <sys/time.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/studies/bench.hpp"

namespace rf {

/// One binary's side of the comparison.
struct AgainstSide {
  std::string binary;
  std::vector<double> walls;          // s, one per repeat, in the order run
  std::vector<double> cpus;           // s, user + system CPU time of each run (wait4's rusage), same order
  double median_wall = 0.0;           // s
  double median_cpu = 0.0;            // s
  double firm_steps = 0.0;            // living firms summed over regions and months, read from its output
  double ns_per_firm_step = 0.0;      // median wall / firm-steps
  double cpu_ns_per_firm_step = 0.0;  // median CPU time / firm-steps
  double peak_rss_mb = 0.0;           // largest over its runs
};

struct AgainstBench {
  AgainstSide self, other;
  std::size_t metrics = 0;  // series compared in each pair
};

/// Throws UsageError unless `binary` is an executable regular file.
void check_against_binary(const std::string& binary);

/// The command line of one timed run: `run` of one seeded run on one thread at `scale`, firm
/// snapshot off (as the full case), written to `out`.
std::vector<std::string> against_run_arguments(const std::string& binary, const std::string& scenario, double scale,
                                               const std::string& out);

/// Empty if the /series of the two files hold the same metrics with bit-identical values, else the
/// first difference in words. `metrics` gets the number compared.
std::string series_difference(const std::string& a, const std::string& b, std::size_t& metrics);

/// User + system CPU time in s of a finished child, from wait4's rusage. On a shared machine it
/// depends far less on what else runs than the wall time does.
double cpu_seconds(const timeval& user, const timeval& system);

/// Told of each timed run as it ends: which side ("this" or "other"), the repeat (from 1), its
/// wall time and its CPU time in s, so a long comparison shows progress.
using AgainstProgress = std::function<void(const std::string& side, std::size_t repeat, double wall, double cpu)>;

/// Runs this binary and options.against alternately, options.repeat times each, at
/// options.full_scale. Throws Error (exit status 1) as soon as a pair of outputs differs, and Error
/// if a run fails.
AgainstBench bench_against(const BenchOptions& options, const AgainstProgress& progress = {});

}  // namespace rf
