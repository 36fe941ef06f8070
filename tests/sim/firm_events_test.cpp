// The firm events a run returns agree with its monthly series: births by origin, failures and
// rounds per month and region are the series births_*, deaths and startups_funded exactly, first
// rounds are firms_first_funded, and
// every firm alive at the start has one initial event.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "models/metrics.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/memory.hpp"
#include "sim/engine/simulation.hpp"

namespace rf {

namespace {

double series_at(const RunResult& r, Metric m, std::size_t region, std::size_t month) {
  return r.series[(static_cast<std::size_t>(m) * r.regions + region) * r.months + month];
}

}  // namespace

TEST(FirmEvents, CountsPerMonthEqualTheSeries) {
  const Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/yangtze-delta.yaml",
                                        {"simulation.scale=0.002", "simulation.months=48"});
  const RunResult r = simulate(s, 11);

  // (kind, region, month, origin) -> events
  std::map<std::tuple<EventKind, std::size_t, std::size_t, int>, double> count;
  std::map<std::pair<std::size_t, std::size_t>, double> first_rounds;  // (region, month) -> firms
  std::set<std::uint32_t> funded;
  double initial = 0.0;
  for (const FirmEvent& e : r.events) {
    if (e.kind == EventKind::Round && funded.insert(e.firm).second)
      first_rounds[{e.region, static_cast<std::size_t>(e.month)}] += 1.0;
    if (e.kind == EventKind::Initial) {
      EXPECT_EQ(e.month, 0);
      initial += 1.0;
      continue;
    }
    const int origin = e.kind == EventKind::Birth ? e.origin : -1;
    count[{e.kind, e.region, static_cast<std::size_t>(e.month), origin}] += 1.0;
  }
  const std::pair<Metric, Origin> births[] = {{Metric::births_graduate, Origin::Graduate},
                                              {Metric::births_academic, Origin::Academic},
                                              {Metric::births_corporate, Origin::Corporate},
                                              {Metric::births_refounder, Origin::Refounder},
                                              {Metric::births_other, Origin::Other}};
  EXPECT_EQ(initial, initial_firm_count(s));
  double failures = 0.0, rounds = 0.0;
  for (std::size_t k = 0; k < r.regions; ++k) {
    for (std::size_t m = 0; m < r.months; ++m) {
      for (const auto& [metric, origin] : births) {
        EXPECT_EQ((count[{EventKind::Birth, k, m, static_cast<int>(origin)}]), series_at(r, metric, k, m))
            << "births of origin " << static_cast<int>(origin) << ", region " << k << ", month " << m;
      }
      EXPECT_EQ((count[{EventKind::Failure, k, m, -1}]), series_at(r, Metric::deaths, k, m)) << "region " << k << ", month " << m;
      EXPECT_EQ((count[{EventKind::Round, k, m, -1}]), series_at(r, Metric::startups_funded, k, m))
          << "region " << k << ", month " << m;
      EXPECT_EQ((count[{EventKind::Ipo, k, m, -1}]), series_at(r, Metric::exits_ipo, k, m)) << "region " << k << ", month " << m;
      EXPECT_EQ((count[{EventKind::Acquisition, k, m, -1}]), series_at(r, Metric::exits_acquisition, k, m))
          << "region " << k << ", month " << m;
      EXPECT_EQ((first_rounds[{k, m}]), series_at(r, Metric::firms_first_funded, k, m)) << "region " << k << ", month " << m;
      failures += series_at(r, Metric::deaths, k, m);
      rounds += series_at(r, Metric::startups_funded, k, m);
    }
  }
  // The comparison rests on events, not on empty months.
  EXPECT_GT(failures, 50.0);
  EXPECT_GT(rounds, 5.0);
  // Some firms raised more than one round, so distinct firms and rounds differ.
  EXPECT_LT(static_cast<double>(funded.size()), rounds);
}

TEST(FirmEvents, AmountsFitTheirKind) {
  const Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml",
                                        {"simulation.scale=0.002", "simulation.months=60"});
  const RunResult r = simulate(s, 5);
  std::set<std::uint32_t> gone;  // failed or acquired: the firm has left the population
  for (const FirmEvent& e : r.events) {
    EXPECT_EQ(gone.count(e.firm), 0U) << "an event of firm " << e.firm << " after it failed or was acquired";
    if (e.kind == EventKind::Failure || e.kind == EventKind::Acquisition) gone.insert(e.firm);
    EXPECT_EQ(e.cause != FailureCause::None, e.kind == EventKind::Failure);
    EXPECT_EQ(!std::isnan(e.amount), e.kind == EventKind::Round);
    EXPECT_EQ(e.fund_type >= 0, e.kind == EventKind::Round);
    EXPECT_EQ(e.stage >= 0, e.kind == EventKind::Round);
    EXPECT_LT(e.stage, kRoundStages);
    EXPECT_EQ(e.acquirer >= 0, e.kind == EventKind::Acquisition);  // every acquisition names its acquirer
    EXPECT_EQ(!std::isnan(e.cash), e.kind == EventKind::Failure);
    const bool exit = e.kind == EventKind::Ipo || e.kind == EventKind::Acquisition;
    EXPECT_EQ(!std::isnan(e.price), exit);
    if (exit) {
      EXPECT_GE(e.multiple, 0.0);
    }
    if (e.kind == EventKind::Round) {
      EXPECT_GT(e.amount, 0.0);
    }
  }
}

}  // namespace rf
