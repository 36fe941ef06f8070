#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
struct Totals {
  double produced = 0, retained = 0, emigrated = 0, immigrated = 0;
};
Totals run_talent(World& w, std::size_t region, int months) {
  Totals t;
  for (w.month = 0; w.month < months; ++w.month) {
    for (auto& r : w.regions) r.flow = RegionFlows{};
    phase_government(w);
    phase_talent(w);
    const auto& fl = w.regions[region].flow;
    t.produced += fl.graduates_produced;
    t.retained += fl.graduates_retained;
    t.emigrated += fl.graduates_emigrated;
    t.immigrated += fl.graduates_immigrated;
  }
  return t;
}
}  // namespace

TEST(Talent, EveryGraduateIsAccountedFor) {
  World w = test::small_world(20000, 3, 2);
  const Totals t = run_talent(w, 0, 24);
  EXPECT_GT(t.produced, 0.0);
  EXPECT_DOUBLE_EQ(t.produced, t.retained + t.emigrated);
}

TEST(Talent, HigherPayAttractsGraduatesOfTheOtherRegion) {
  World w = test::small_world(20000, 3, 2);
  w.regions[1].p.pay = 2.0 * w.regions[0].p.pay;
  const Totals t0 = run_talent(w, 0, 24);
  World v = test::small_world(20000, 3, 2);
  const Totals t1 = run_talent(v, 0, 24);
  EXPECT_LT(t0.retained / t0.produced, t1.retained / t1.produced);
}

TEST(Talent, ProgrammeRaisesRetention) {
  auto retention = [](double level) {
    World w = test::small_world(20000, 5, 1, [level](RegionParams& p) { p.talent_programme = level; });
    const Totals t = run_talent(w, 0, 36);
    return t.retained / t.produced;
  };
  EXPECT_GT(retention(1.0), retention(0.0) + 0.02);
}

TEST(Talent, NoUniversitiesNoGraduates) {
  World w = test::small_world(2000, 5, 1, [](RegionParams& p) { p.count = 0; });
  EXPECT_DOUBLE_EQ(run_talent(w, 0, 12).produced, 0.0);
}

TEST(Talent, InsuranceRaisesGraduateFounding) {
  auto founders = [](double months) {
    World w = test::small_world(50000, 9, 1, [months](RegionParams& p) {
      p.failure_insurance_months = months;
      p.founding_probability = 0.05;
    });
    double n = 0.0;
    for (w.month = 0; w.month < 24; ++w.month) {
      phase_government(w);
      phase_talent(w);
      n += w.regions[0].pending_graduate_founders;
    }
    return n;
  };
  EXPECT_GT(founders(18.0), 1.2 * founders(0.0));
}

}  // namespace rf
