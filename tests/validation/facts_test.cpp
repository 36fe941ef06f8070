// Validation 6 and 7: accounting identities hold every month of full runs; the Hangzhou preset
// is consistent with every document moment it is built for (scenarios/targets/hangzhou.yaml).
#include <gtest/gtest.h>

#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/studies/moments.hpp"

namespace rf {

TEST(AccountingValidation, IdentitiesHoldEveryMonthOfEveryPreset) {
  for (const char* name : {"default", "hangzhou", "nanjing", "hefei", "yangtze-delta"}) {
    Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
    s.sim.scale = 0.002;
    s.sim.months = 60;
    RunOptions options;
    options.check_every_month = true;  // throws ModelError on the first broken identity
    EXPECT_NO_THROW(simulate(s, run_seed(3, 0), options)) << name;
  }
}

TEST(FactsValidation, HangzhouMatchesEveryDocumentMoment) {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml");
  const auto targets = load_moments(std::string(RF_SOURCE_DIR) + "/scenarios/targets/hangzhou.yaml", "targets");
  EnsembleOptions eo;
  for (std::size_t i = 0; i < 12; ++i) eo.seeds.push_back(run_seed(1, i));
  eo.threads = 2;
  std::vector<std::vector<double>> values(targets.size());
  run_ensemble(s, eo, [&](std::size_t, RunResult&& r) {
    for (std::size_t t = 0; t < targets.size(); ++t) values[t].push_back(evaluate(targets[t], r, s));
  });
  // Consistent with a target: the 95 % interval of the mean over runs reaches the target band.
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const auto ci = stats::mean_ci95(values[t]);
    std::printf("%-20s simulated %.4g [%.4g, %.4g], target %s\n", targets[t].name.c_str(), ci.mean, ci.low, ci.high,
                targets[t].target_text().c_str());
    EXPECT_TRUE(targets[t].reached_by(ci.low, ci.high))
        << targets[t].name << " = " << ci.mean << " [" << ci.low << ", " << ci.high << "], target " << targets[t].target_text();
  }
}

}  // namespace rf
