#include "sim/engine/ensemble.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <stdexcept>

#include "models/metrics.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"

namespace rf {

namespace {
Scenario quick() {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  s.sim.scale = 0.002;
  s.sim.months = 36;
  return s;
}
std::vector<std::vector<double>> run_all(const Scenario& s, unsigned threads, std::size_t runs) {
  EnsembleOptions o;
  for (std::size_t i = 0; i < runs; ++i) o.seeds.push_back(run_seed(11, i));
  o.threads = threads;
  std::vector<std::vector<double>> out;
  run_ensemble(s, o, [&](std::size_t index, RunResult&& r) {
    EXPECT_EQ(index, out.size()) << "results must arrive in run order";
    out.push_back(r.series);
    for (const auto& c : r.firms) out.back().insert(out.back().end(), c.values.begin(), c.values.end());
  });
  return out;
}
}  // namespace

TEST(Ensemble, BitIdenticalWhateverTheThreadCount) {
  const Scenario s = quick();
  const auto one = run_all(s, 1, 6);
  const auto two = run_all(s, 2, 6);
  const auto three = run_all(s, 3, 6);
  ASSERT_EQ(one.size(), 6u);
  for (std::size_t r = 0; r < one.size(); ++r) {
    ASSERT_EQ(one[r].size(), two[r].size());
    // memcmp semantics: NaN entries (network metrics between computations) must match too.
    EXPECT_EQ(0, std::memcmp(one[r].data(), two[r].data(), one[r].size() * sizeof(double))) << "run " << r;
    EXPECT_EQ(0, std::memcmp(one[r].data(), three[r].data(), one[r].size() * sizeof(double))) << "run " << r;
  }
}

TEST(Ensemble, DifferentSeedsGiveDifferentRuns) {
  const auto runs = run_all(quick(), 2, 2);
  EXPECT_NE(runs[0], runs[1]);
}

TEST(Ensemble, ARunFailureStopsTheEnsembleAndIsRethrown) {
  const Scenario s = quick();
  EnsembleOptions o;
  o.seeds = {1, 2, 3, 4};
  o.threads = 2;
  EXPECT_THROW(run_ensemble(s, o,
                            [](std::size_t index, RunResult&&) {
                              if (index == 1) throw std::runtime_error("sink failed");
                            }),
               std::runtime_error);
}

TEST(Simulation, MetricsAreFiniteAndNetworkMetricsComputedOnSchedule) {
  Scenario s = quick();
  s.sim.network_metrics_every = 12;
  const RunResult r = simulate(s, 5);
  const std::size_t months = r.months;
  auto at = [&](Metric m, std::size_t month) { return r.series[static_cast<std::size_t>(m) * r.regions * months + month]; };
  EXPECT_TRUE(std::isnan(at(Metric::clustering, 0)));
  EXPECT_FALSE(std::isnan(at(Metric::clustering, 11)));
  EXPECT_FALSE(std::isnan(at(Metric::giant_component_share, 35)));
  EXPECT_GT(at(Metric::firms_alive, 35), 0.0);
  EXPECT_GT(at(Metric::graduates_produced, 0) + at(Metric::graduates_produced, 1), 0.0);
}

}  // namespace rf
