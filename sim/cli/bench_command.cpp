// `rainforest bench`: prints each performance case of docs/PERFORMANCE.md as soon as it is measured.
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "sim/base/data_path.hpp"
#include "sim/cli/commands.hpp"
#include "sim/studies/bench.hpp"
#include "sim/studies/bench_against.hpp"

namespace rf::cli {

namespace {

void print_side(const char* label, const AgainstSide& s) {
  std::printf("  %s %s\n    wall s:", label, s.binary.c_str());
  for (const double t : s.walls) std::printf(" %.2f", t);
  std::printf("; median %.2f s, %.0f firm-steps, %.1f ns per firm-step, peak RSS %.0f MB\n", s.median_wall, s.firm_steps,
              s.ns_per_firm_step, s.peak_rss_mb);
  std::printf("    CPU s (user + system):");
  for (const double t : s.cpus) std::printf(" %.2f", t);
  std::printf("; median %.2f s, %.1f CPU ns per firm-step\n", s.median_cpu, s.cpu_ns_per_firm_step);
}

/// `bench --against`: the two binaries side by side, then their ratio.
int bench_against_other(const BenchOptions& o) {
  check_against_binary(o.against);  // a usage error before the header line
  std::printf(
      "rainforest bench --against: %s at scale %g, %zu repeat(s) of each binary alternated (this one first), "
      "1 thread; %ld cores\n",
      o.scenario.c_str(), o.full_scale, o.repeat, sysconf(_SC_NPROCESSORS_ONLN));
  const AgainstBench b = bench_against(o, [](const std::string& side, std::size_t rep, double wall, double cpu) {
    std::printf("  run %zu of %s: %.2f s wall, %.2f s CPU\n", rep, side.c_str(), wall, cpu);
  });
  print_side("this: ", b.self);
  print_side("other:", b.other);
  std::printf("  ratio other / this: %.3f (median wall times; above 1: this binary is faster)\n",
              b.other.median_wall / b.self.median_wall);
  // On a shared machine the wall time follows the other load; the CPU time much less.
  std::printf("  CPU-time ratio other / this: %.3f (median user + system times; above 1: this binary is faster)\n",
              b.other.median_cpu / b.self.median_cpu);
  std::printf("  series: all %zu metrics bit-identical in every pair\n", b.metrics);
  return 0;
}

}  // namespace

int bench(BenchOptions o) {
  o.scenario = data_file(o.scenario);
  check_bench_cases(o);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each result as soon as it is measured, even into a file
  if (!o.against.empty()) return bench_against_other(o);
  std::printf("rainforest bench: %s, %zu repeat(s), medians; %ld cores\n", o.scenario.c_str(), o.repeat,
              sysconf(_SC_NPROCESSORS_ONLN));
  if (bench_wanted(o, "full")) {
    const FullBench f = bench_full(o);
    std::printf(
        "full: scale %g, %lld months, 1 thread: wall %.2f s (target <= 10), start-up %.2f s (%.1f %% of the run; "
        "target <= 15 %%), %.2f million firm-steps/s (target >= 12), peak RSS %.0f MB (target <= 1024)\n",
        o.full_scale, static_cast<long long>(f.months), f.wall, f.setup, 100.0 * f.setup / f.wall, f.firm_steps_per_second / 1e6,
        f.peak_rss_mb);
  }
  if (bench_wanted(o, "scaling")) {
    std::printf("scaling: scale, wall s, firm-steps, ns per firm-step\n");
    std::vector<ScalingRow> rows;
    for (const double fraction : kScalingFractions) {
      const ScalingRow& r = rows.emplace_back(bench_scaling(o, fraction));
      std::printf("  %6.3f %8.2f %14.0f %8.1f\n", r.scale, r.wall, r.firm_steps, r.ns_per_step);
    }
    std::printf("scaling: time per firm-step varies by %.1f %% (max/min - 1; target < 25 %%)\n", 100.0 * scaling_variation(rows));
  }
  if (bench_wanted(o, "threads") || bench_wanted(o, "output") || bench_wanted(o, "events")) {
    const SmallRunsBench b = bench_small_runs(o);
    if (bench_wanted(o, "threads")) {
      std::printf("threads: %zu runs at scale %g: 1 thread %.2f s, 2 threads %.2f s: %.2f times the rate (target >= 1.8)\n",
                  o.small_runs, o.small_scale, b.one_thread, b.two_threads, b.one_thread / b.two_threads);
    }
    if (bench_wanted(o, "output")) {
      std::printf("output: %zu runs on 1 thread: %.2f s without HDF5, %.2f s with: +%.1f %% (target <= 5 %%)\n", o.small_runs,
                  b.one_thread, b.with_output, 100.0 * (b.with_output / b.one_thread - 1.0));
    }
    if (bench_wanted(o, "events")) {
      std::printf(
          "events: %zu runs on 1 thread, event log on / off: %.2f / %.2f s without HDF5 (+%.1f %%), %.2f / %.2f s with "
          "(+%.1f %%); file %.1f / %.1f MB\n",
          o.small_runs, b.one_thread, b.one_thread_without_event_log,
          100.0 * (b.one_thread / b.one_thread_without_event_log - 1.0), b.with_output, b.with_output_without_event_log,
          100.0 * (b.with_output / b.with_output_without_event_log - 1.0), b.output_mb, b.output_mb_without_event_log);
    }
  }
  return 0;
}

}  // namespace rf::cli
