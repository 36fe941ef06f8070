// Per-firm loops in parts on two threads: the parts cover the slots once, in order, and a run on
// two threads gives exactly the bits of a run on one.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <vector>

#include "fixture.hpp"
#include "models/metrics.hpp"
#include "models/monthly_step.hpp"
#include "models/slot_parts.hpp"

namespace rf {

TEST(SlotParts, PartsCoverTheSlotsOnceInOrder) {
  for (const std::size_t n : {std::size_t{0}, std::size_t{100}, std::size_t{10000}, std::size_t{100001}}) {
    std::vector<std::size_t> begins(4, 0), ends(4, 0);
    std::vector<std::uint8_t> called(4, 0);
    for_slot_parts(n, 4, [&](unsigned part, std::size_t begin, std::size_t end) {
      begins[part] = begin;
      ends[part] = end;
      called[part] = 1;
    });
    std::size_t covered = 0;
    for (std::size_t p = 0; p < 4 && called[p] != 0; ++p) {
      EXPECT_EQ(begins[p], covered) << n;
      covered = ends[p];
    }
    EXPECT_EQ(covered, n);
  }
}

namespace {
/// Every metric of `months` months and the living firms' state that the parts write, as bits.
std::vector<std::uint64_t> run_months(unsigned threads, int months) {
  World w = test::small_world(12000, 5, 2);
  w.threads = threads;
  std::vector<std::uint64_t> bits;
  std::vector<double> row(static_cast<std::size_t>(kMetricCount) * w.regions.size());
  for (int m = 0; m < months; ++m) {
    w.month = m;
    for (const auto& p : monthly_phases()) p.run(w);
    collect_metrics(w, row, true);
    for (const double x : row) bits.push_back(std::bit_cast<std::uint64_t>(x));
  }
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    bits.push_back(f.id[i]);
    bits.push_back(std::bit_cast<std::uint64_t>(f.log_productivity[i]));
    bits.push_back(std::bit_cast<std::uint64_t>(f.cash[i]));
    for (const float k : f.knowledge[i]) bits.push_back(std::bit_cast<std::uint32_t>(k));
  }
  return bits;
}
}  // namespace

TEST(SlotParts, TwoThreadsGiveTheBitsOfOne) {
  const auto one = run_months(1, 18);
  const auto two = run_months(2, 18);
  ASSERT_EQ(one.size(), two.size());
  EXPECT_TRUE(one == two);
}

}  // namespace rf
