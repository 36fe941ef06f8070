#include <gtest/gtest.h>

#include <vector>

#include "fixture.hpp"
#include "models/metrics.hpp"

namespace rf {

namespace {
double metric(const World& w, Metric m) {
  std::vector<double> row(w.regions.size() * kMetricCount);
  collect_metrics(w, row, false);
  return row[static_cast<std::size_t>(m)];
}

/// A world whose firms are all worth nothing, so the test decides which are unicorns.
World worthless_world() {
  World w = test::small_world(2000);
  for (auto& v : w.firms.valuation) v = 0.0;
  return w;
}

/// Index of the k-th living private firm of `sector`.
std::size_t nth_private(const World& w, Sector sector, int k) {
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.alive[i] && f.sector[i] == static_cast<std::uint8_t>(sector) &&
        f.ownership[i] == static_cast<std::uint8_t>(Ownership::Private) && k-- == 0) {
      return i;
    }
  }
  ADD_FAILURE() << "the test population has too few private firms of this sector";
  return 0;
}
}  // namespace

TEST(Unicorns, CountTechFirmsAtTheThresholdWhateverTheirAgeOrFunding) {
  World w = worthless_world();
  Firms& f = w.firms;
  const double threshold = w.regions[0].p.unicorn_valuation;
  const std::size_t initial_unfunded = nth_private(w, Sector::AI, 0);
  const std::size_t born_unfunded = nth_private(w, Sector::HardTech, 0);
  const std::size_t born_funded = nth_private(w, Sector::AI, 1);
  for (auto i : {initial_unfunded, born_unfunded, born_funded}) f.valuation[i] = threshold;
  f.birth_month[initial_unfunded] = -1;
  f.birth_month[born_unfunded] = 3;
  f.birth_month[born_funded] = 3;
  f.funding_total[initial_unfunded] = 0.0;
  f.funding_total[born_unfunded] = 0.0;
  f.funding_total[born_funded] = 5.0;
  EXPECT_EQ(metric(w, Metric::unicorns), 3.0);
  EXPECT_EQ(metric(w, Metric::unicorns_born), 2.0);
  EXPECT_EQ(metric(w, Metric::unicorns_funded), 1.0);
}

TEST(Unicorns, ExcludeListedStateOwnedNonTechDeadAndCheaperFirms) {
  World w = worthless_world();
  Firms& f = w.firms;
  const double threshold = w.regions[0].p.unicorn_valuation;
  const std::size_t listed = nth_private(w, Sector::AI, 0);
  const std::size_t state = nth_private(w, Sector::AI, 1);
  const std::size_t services = nth_private(w, Sector::Services, 0);
  const std::size_t dead = nth_private(w, Sector::HardTech, 0);
  const std::size_t cheaper = nth_private(w, Sector::HardTech, 1);
  for (auto i : {listed, state, services, dead}) f.valuation[i] = threshold;
  f.valuation[cheaper] = 0.999 * threshold;
  f.listed[listed] = 1;
  f.ownership[state] = static_cast<std::uint8_t>(Ownership::State);
  f.alive[dead] = 0;
  EXPECT_EQ(metric(w, Metric::unicorns), 0.0);
  f.ownership[state] = static_cast<std::uint8_t>(Ownership::Foreign);  // a foreign-owned startup counts
  EXPECT_EQ(metric(w, Metric::unicorns), 1.0);
}

}  // namespace rf
