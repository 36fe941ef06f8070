#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

TEST(Labour, InitialFirmsStartAtTargetSize) {
  World w = test::small_world(2000);
  const RegionParams& p = w.regions[0].p;
  for (std::size_t i = 0; i < 50; ++i) {
    const double target = target_employment(log_tfp(w.firms, p, i), 1.0, average_wage(p, w.firms.sector[i]), p.labour_elasticity);
    EXPECT_NEAR(target / w.firms.employees[i], 1.0, 1e-9);
  }
}

TEST(Labour, FirmsMoveTowardTargetAtAdjustmentSpeed) {
  World w = test::small_world(500, 1, 1, [](RegionParams& p) { p.adjustment_speed = 0.25; });
  const std::size_t i = 0;
  w.firms.log_productivity[i] += 0.3;  // more productive: target grows by exp(0.3 / 0.3)
  const RegionParams& p = w.regions[0].p;
  const double target = target_employment(log_tfp(w.firms, p, i), 1.0, average_wage(p, w.firms.sector[i]), p.labour_elasticity);
  const double before = w.firms.employees[i];
  w.month = 0;
  phase_labour(w);
  const double expected = before + (w.firms.ownership[i] == 1 ? p.state_responsiveness : 1.0) * 0.25 * (target - before);
  EXPECT_NEAR(w.firms.employees[i], expected, 1e-9 * expected);
}

TEST(Labour, SkilledHiringIsRationedByThePool) {
  World w = test::small_world(2000, 1, 1, [](RegionParams& p) { p.initial_pool = 0.0; });
  for (std::size_t i = 0; i < w.firms.size(); ++i) w.firms.skilled[i] = 0.0;
  w.regions[0].skilled_pool = 10.0;
  w.month = 0;
  phase_labour(w);
  double skilled = 0.0;
  for (double s : w.firms.skilled) skilled += s;
  EXPECT_NEAR(skilled, 10.0, 1e-6);
  EXPECT_NEAR(w.regions[0].skilled_pool, 0.0, 1e-9);
  EXPECT_GT(w.regions[0].skilled_openings, 0.0);
}

TEST(Labour, StateFirmsAdjustMoreSlowly) {
  World w = test::small_world(3000, 1, 1, [](RegionParams& p) {
    p.state_share = 0.5;
    p.private_share = 0.5;
    p.state_responsiveness = 0.1;
  });
  for (auto& a : w.firms.log_productivity) a += 0.3;
  std::vector<double> before = w.firms.employees;
  w.month = 0;
  phase_labour(w);
  double state_growth = 0, private_growth = 0, ns = 0, np = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    const double g = std::log(w.firms.employees[i] / before[i]);
    if (w.firms.ownership[i] == 1) state_growth += g, ++ns;
    if (w.firms.ownership[i] == 0) private_growth += g, ++np;
  }
  EXPECT_LT(state_growth / ns, 0.3 * private_growth / np);
}

}  // namespace rf
