// `rainforest check`: prints a scenario's simulated moments beside the observed targets.
#include <cstdio>

#include "sim/base/rng.hpp"
#include "sim/cli/commands.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/studies/check.hpp"

namespace rf::cli {

int check(const CheckOptions& o) {
  const Scenario scenario = load_scenario_file(o.scenario, o.overrides);
  const auto targets = load_moments(o.targets, "targets");
  std::vector<std::uint64_t> seeds;
  for (std::size_t i = 0; i < o.runs; ++i) seeds.push_back(run_seed(o.seed, i));
  const auto checks = check_targets(scenario, targets, seeds, o.threads, o.quiet);
  std::printf("%s against %s: %zu runs (base seed %llu), simulated mean [95%% interval]\n", o.scenario.c_str(), o.targets.c_str(),
              o.runs, static_cast<unsigned long long>(o.seed));
  std::printf("%-22s %-34s %-22s %s\n", "moment", "simulated", "target", "verdict");
  std::size_t outside = 0;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const MomentCheck& c = checks[t];
    outside += c.inside ? 0 : 1;
    char sim[96];
    std::snprintf(sim, sizeof sim, "%.4g [%.4g, %.4g]", c.simulated.mean, c.simulated.low, c.simulated.high);
    const char* verdict = c.inside ? "inside" : (c.reached ? "OUTSIDE (interval reaches)" : "OUTSIDE");
    std::printf("%-22s %-34s %-22s %s", targets[t].name.c_str(), sim, targets[t].target_text().c_str(), verdict);
    if (c.runs < o.runs) std::printf(" (defined in %zu of %zu runs)", c.runs, o.runs);
    // A share of simulated events says how many it rests on, summed over the runs.
    if (c.counts.base > 0) std::printf(" (%zu of %zu simulated)", c.counts.hits, c.counts.base);
    std::printf("\n");
  }
  std::printf("%zu of %zu moments missed their target (simulated mean outside the band); %zu inside\n", outside, targets.size(),
              targets.size() - outside);
  if (outside > 0 && o.strict) {
    std::fprintf(stderr, "rainforest: check --strict: %zu of %zu targets missed\n", outside, targets.size());
    return 1;
  }
  return 0;
}

}  // namespace rf::cli
