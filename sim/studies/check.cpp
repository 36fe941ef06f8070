#include "sim/studies/check.hpp"

#include <algorithm>
#include <cmath>

#include "sim/base/progress.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"

namespace rf {

std::vector<MomentCheck> check_targets(const Scenario& scenario, const std::vector<Moment>& targets,
                                       const std::vector<std::uint64_t>& seeds, unsigned threads, bool quiet) {
  EnsembleOptions eo;
  eo.seeds = seeds;
  eo.threads = threads;
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(eo.threads, seeds.size())));
  std::vector<std::vector<double>> values(targets.size(), std::vector<double>(seeds.size()));
  std::vector<std::vector<ShareCounts>> counts(targets.size(), std::vector<ShareCounts>(seeds.size()));
  Progress progress("check " + scenario.name, !quiet);
  run_ensemble(
      scenario, eo,
      [&](std::size_t index, RunResult&& r) {
        for (std::size_t t = 0; t < targets.size(); ++t) values[t][index] = evaluate(targets[t], r, scenario, &counts[t][index]);
      },
      [&](std::size_t done, std::size_t total) { progress.update(done, total); });
  progress.finish();
  std::vector<MomentCheck> out;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    MomentCheck c;
    std::vector<double> defined;
    for (double v : values[t]) {
      if (!std::isnan(v)) defined.push_back(v);
    }
    c.runs = defined.size();
    for (const ShareCounts& k : counts[t]) {
      c.counts.hits += k.hits;
      c.counts.base += k.base;
    }
    c.simulated = stats::mean_ci95(defined);
    if (targets[t].needs_events()) {
      // Event-log moments are shares and hazards in [0, 1]: a t interval on a few rare events
      // can cross 0, which no share can.
      c.simulated.low = std::max(0.0, c.simulated.low);
      c.simulated.high = std::min(1.0, c.simulated.high);
    }
    c.inside = targets[t].meets(c.simulated.mean);
    c.reached = targets[t].reached_by(c.simulated.low, c.simulated.high);
    out.push_back(c);
  }
  return out;
}

}  // namespace rf
