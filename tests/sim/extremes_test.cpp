// Every parameter at its minimum and at its maximum (one at a time, from the parameter table):
// the run either finishes with finite series and balanced accounts every month, or is refused
// with a clear error (an inconsistent combination, or a population that explodes). Never NaN,
// never a crash.
#include <gtest/gtest.h>

#include <cstdio>
#include <mutex>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"

namespace rf {

TEST(Extremes, EveryParameterAtItsMinAndMaxRunsOrIsRefusedClearly) {
  Scenario base = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  apply_override(base, "simulation.scale=0.002");
  apply_override(base, "simulation.months=36");
  base.sim.snapshot_firms = false;
  struct Case {
    std::string setting;
    Scenario scenario;
  };
  std::vector<Case> cases;
  std::size_t refused_by_validation = 0;
  for (const auto& p : parameter_table()) {
    for (const double v : {p.min, p.max}) {
      const std::string path = (p.scope == Scope::Simulation ? "" : "regions.*.") + p.path();
      const std::string setting = path + "=" + p.format_value(v);
      Scenario s = base;
      apply_override(s, setting);
      if (p.name == "scale" && v == p.max) {
        // Four times a full city: checked by the memory estimate, not run here.
        EXPECT_GT(estimated_bytes(s, 1), 1e9) << setting;
        continue;
      }
      try {
        validate(s, setting);
      } catch (const ScenarioError&) {
        ++refused_by_validation;  // an inconsistent combination, refused before running
        continue;
      }
      cases.push_back({setting, std::move(s)});
    }
  }
  std::mutex mutex;
  std::vector<std::string> failures, exploded;
  RunOptions checked;
  checked.check_every_month = true;
  run_parallel(
      cases.size(), 2,
      [&](std::size_t i) {
        try {
          return simulate(cases[i].scenario, 17, checked);
        } catch (const ScenarioError& e) {
          std::lock_guard lock(mutex);
          exploded.push_back(cases[i].setting + ": " + e.what());
        } catch (const std::exception& e) {
          std::lock_guard lock(mutex);
          failures.push_back(cases[i].setting + ": " + e.what());
        }
        return RunResult{};
      },
      [](std::size_t, RunResult&&) {});
  std::printf("%zu settings ran, %zu refused by validation, %zu stopped as explosions\n", cases.size() - exploded.size(),
              refused_by_validation, exploded.size());
  for (const auto& e : exploded) std::printf("  stopped: %s\n", e.c_str());
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_GT(cases.size(), 200u);
}

}  // namespace rf
