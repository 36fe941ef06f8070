// `rainforest sweep`: starts or resumes a sweep on every rank and prints what rank 0 did.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "sim/cli/commands.hpp"
#include "sim/studies/sweep.hpp"

namespace rf::cli {

namespace {
/// Exit status of a sweep that finished with failed points (README, exit statuses).
constexpr int kExitFailedPoints = 6;
}  // namespace

int sweep(const SweepOptions& o, const Cluster& cluster) {
  const auto t0 = std::chrono::steady_clock::now();
  const SweepStart start = start_sweep(o, cluster);
  const bool speak = cluster.root() && !o.quiet;
  if (start.complete) {
    if (speak) std::printf("%s is already complete: nothing to resume\n", o.out.c_str());
    return 0;
  }
  if (start.nothing_to_resume && speak) std::printf("nothing to resume for %s: starting the sweep\n", o.out.c_str());
  const SweepReport r = finish_sweep(start, o, cluster);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (speak) {
    const SweepPlan& plan = start.plan;
    std::printf("wrote %s (%.1f MB): %zu runs = %zu points x %zu runs per point (%s design, %zu parameters)\n", o.out.c_str(),
                static_cast<double>(std::filesystem::file_size(o.out)) / 1e6, plan.runs(), plan.points(),
                plan.spec.runs_per_point, design_name(plan.spec.design).c_str(), plan.spec.parameters.size());
    std::printf("%.2f s on %d process(es) x %u thread(s); %zu runs were already done%s\n", seconds, cluster.size(), o.threads,
                r.already, r.already > 0 ? " (resumed)" : "");
    if (r.failed.empty()) std::printf("next: rainforest analyze %s --outcome NAME\n", o.out.c_str());
  }
  if (!r.failed.empty() && cluster.root()) {
    // Named at the end, after every other point has finished (docs/SWEEPS.md, "Failed points").
    std::fprintf(stderr, "rainforest: error: %zu of %zu runs of the sweep failed; every other run is in %s:\n", r.failed.size(),
                 start.plan.runs(), o.out.c_str());
    for (const auto& f : r.failed) {
      std::fprintf(stderr, "  run %zu, point %zu (%s): %s\n", f.run, f.point, f.settings.c_str(), f.reason.c_str());
    }
    std::fprintf(stderr,
                 "  what to do: narrow the sweep's ranges away from these settings; --resume keeps them as failed, and "
                 "`rainforest sweep %s --out %s --resume --retry-failed` runs them again.\n",
                 o.sweep_file.c_str(), o.out.c_str());
    return kExitFailedPoints;
  }
  return 0;
}

}  // namespace rf::cli
