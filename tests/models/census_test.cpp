// Closed firms' slots kept between compactions: the k-th living firm is found by rank, a month
// with few closures keeps the slots, and months with kept slots give exactly the results of
// compacting every month.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <vector>

#include "fixture.hpp"
#include "models/live_slots.hpp"
#include "models/metrics.hpp"
#include "models/monthly_step.hpp"
#include "models/phases.hpp"

namespace rf {

TEST(LiveSlots, RankGivesTheKthLivingSlot) {
  std::vector<std::uint8_t> alive(1000);
  std::vector<std::uint32_t> living;
  for (std::uint32_t i = 0; i < alive.size(); ++i) {
    alive[i] = (i % 7 == 3 || (i >= 128 && i < 300)) ? 0 : 1;  // scattered holes and whole empty blocks
    if (alive[i] != 0) living.push_back(i);
  }
  LiveSlots live;
  live.build(alive);
  ASSERT_EQ(live.count(), living.size());
  for (std::uint32_t k = 0; k < living.size(); ++k) EXPECT_EQ(live.slot(k, alive), living[k]) << k;
  std::vector<std::uint8_t> all(130, 1);
  live.build(all);
  EXPECT_EQ(live.count(), 130U);
  EXPECT_EQ(live.slot(129, all), 129U);
}

TEST(Census, FewClosuresKeepTheirSlotsAndDropTheirTies) {
  World w = test::small_world(3000, 2, 1, [](RegionParams& p) {
    p.tie_decay = 0.0;
    p.search_rate = 0.0;
  });
  const std::size_t slots = w.firms.size();
  for (std::size_t i = 0; i < slots; i += 100) {
    w.firms.alive[i] = 0;
    ++w.dead_slots;
  }
  std::size_t surviving_ties = 0;
  for (const auto& e : w.edges) surviving_ties += w.firms.alive[e.u] && w.firms.alive[e.v];
  w.month = 1;
  phase_census(w);
  EXPECT_EQ(w.firms.size(), slots);  // 1 % closed: below compact_share, nothing moves
  EXPECT_EQ(w.vacant_slots, 30U);
  EXPECT_EQ(w.dead_slots, 0U);
  EXPECT_DOUBLE_EQ(w.regions[0].alive, static_cast<double>(slots - 30));
  EXPECT_EQ(w.edges.size(), surviving_ties);
  phase_network(w);
  EXPECT_EQ(w.graph.directed_edges(), 2 * surviving_ties);
  for (std::size_t i = 0; i < slots; i += 100) EXPECT_EQ(w.graph.degree(i), 0U);
}

namespace {
/// The metric rows of `months` months and the living firms' ids and cash at the end.
struct Trace {
  std::vector<std::uint64_t> bits;
};

Trace run_months(double compact_share, int months) {
  World w = test::small_world(4000, 11, 2);
  w.compact_share = compact_share;
  Trace t;
  std::vector<double> row(static_cast<std::size_t>(kMetricCount) * w.regions.size());
  for (int m = 0; m < months; ++m) {
    w.month = m;
    for (const auto& p : monthly_phases()) p.run(w);
    collect_metrics(w, row, true);
    for (const double x : row) t.bits.push_back(std::bit_cast<std::uint64_t>(x));
  }
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (!w.firms.alive[i]) continue;
    t.bits.push_back(w.firms.id[i]);
    t.bits.push_back(std::bit_cast<std::uint64_t>(w.firms.cash[i]));
  }
  for (const auto& e : w.edges) t.bits.push_back((std::uint64_t{w.firms.id[e.u]} << 32) | w.firms.id[e.v]);
  return t;
}
}  // namespace

TEST(Census, KeptSlotsGiveTheResultsOfCompactingEveryMonth) {
  const Trace every_month = run_months(0.0, 36);
  const Trace kept = run_months(1.0 / 8.0, 36);
  const Trace never = run_months(1.0, 36);  // no compaction at all
  ASSERT_EQ(kept.bits.size(), every_month.bits.size());
  EXPECT_TRUE(kept.bits == every_month.bits);
  EXPECT_TRUE(never.bits == every_month.bits);
}

}  // namespace rf
