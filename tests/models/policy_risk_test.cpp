#include "models/policy_risk.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "models/params.hpp"

namespace rf {

namespace {
/// E by direct summation of the definition, for comparison with the closed form.
double off_share_by_sum(double pi, int levers, int r, int h) {
  const double q = pi / levers;
  double sum = 0.0;
  for (int t = 1; t <= h; ++t) sum += 1.0 - std::pow(1.0 - q, std::min(t, r));
  return sum / h;
}
}  // namespace

TEST(PolicyRisk, ExpectedOffShareIsZeroWithoutReversalsAndOneWhenEveryMonthHitsTheLever) {
  EXPECT_EQ(expected_off_share(0.0, 4, 12, 48), 0.0);
  EXPECT_EQ(expected_off_share(0.01, 4, 12, 0), 0.0);
  EXPECT_EQ(expected_off_share(0.01, 4, 0, 48), 0.0);
  // One lever and a reversal every month: off from month 1 on.
  EXPECT_DOUBLE_EQ(expected_off_share(1.0, 1, 12, 48), 1.0);
  EXPECT_NEAR(expected_off_share(1.0 - 1e-12, 1, 12, 48), 1.0, 1e-9);
}

TEST(PolicyRisk, ExpectedOffShareMatchesItsDefinitionAndIsMonotoneAndBounded) {
  for (const double pi : {0.0005, 0.002, 0.005, 0.05, 0.5}) {
    for (const int r : {1, 6, 12, 24}) {
      for (const int h : {1, 12, 24, 48, 120}) {
        const double e = expected_off_share(pi, 4, r, h);
        EXPECT_NEAR(e, off_share_by_sum(pi, 4, r, h), 1e-12) << pi << " " << r << " " << h;
        EXPECT_GE(e, 0.0);
        EXPECT_LE(e, 1.0);
        EXPECT_GT(expected_off_share(pi * 1.5, 4, r, h), e);
        EXPECT_GE(expected_off_share(pi, 4, r + 1, h), e);
      }
    }
  }
  // Small q: E is just below q times the mean of min(t, R) (1 - (1 - q)^n <= n q).
  const double first_order = 0.0005 * (78.0 + 36.0 * 12.0) / 48.0;
  EXPECT_LT(expected_off_share(0.002, 4, 12, 48), first_order);
  EXPECT_GT(expected_off_share(0.002, 4, 12, 48), 0.99 * first_order);
}

TEST(PolicyRisk, LeversAtZeroAreWorthNothingAndMoreOfALeverIsWorthMore) {
  EXPECT_EQ(voucher_value(0.8, 0.3, 0.0), 0.0);
  EXPECT_NEAR(voucher_value(0.8, 0.3, 0.25), -0.8 * 0.3 * std::log(0.75), 1e-15);
  EXPECT_GT(voucher_value(0.8, 0.3, 0.3), voucher_value(0.8, 0.3, 0.25));
  EXPECT_EQ(data_innovation_value(0.5, 0.0), 0.0);
  EXPECT_NEAR(data_innovation_value(0.5, 1.0), std::log(1.5), 1e-15);
}

TEST(PolicyRisk, GuidanceFundAndInsuranceAreWorthNothingToAScreenOrToR_D) {
  RegionParams p;
  for (const bool compute : {false, true}) {
    const LeverValues fund = fund_lever_values(p, compute);
    const LeverValues rd = rd_lever_values(p, compute);
    EXPECT_EQ(fund[Lever::GuidanceFund], 0.0);
    EXPECT_EQ(fund[Lever::FailureInsurance], 0.0);
    EXPECT_EQ(rd[Lever::GuidanceFund], 0.0);
    EXPECT_EQ(rd[Lever::FailureInsurance], 0.0);
    // A screening already made cannot be undone by a later suspension: openness is worth
    // something to a fund only through the innovation of a firm that needs compute.
    EXPECT_EQ(fund[Lever::DataOpenness] > 0.0, compute);
    EXPECT_EQ(fund[Lever::Vouchers] > 0.0, compute);
    EXPECT_EQ(rd[Lever::Vouchers] > 0.0, compute);
  }
}

TEST(PolicyRisk, NoReversalsLeaveTheHurdleAndR_DUnchangedAndMoreReversalsCutMore) {
  RegionParams p;
  p.reversal_probability = 0.0;
  EXPECT_EQ(fund_policy_discount(p, 48.0, true), 0.0);
  EXPECT_EQ(rd_policy_factor(p, true), 1.0);
  double last_discount = 0.0, last_factor = 1.0;
  for (const double pi : {0.0005, 0.002, 0.005, 0.05}) {
    p.reversal_probability = pi;
    const double d = fund_policy_discount(p, 48.0, true);
    const double f = rd_policy_factor(p, true);
    EXPECT_GT(d, last_discount);
    EXPECT_LT(f, last_factor);
    EXPECT_GT(f, 0.0);
    EXPECT_EQ(rd_policy_factor(p, false), 1.0);            // data and vouchers do nothing for its R&D
    EXPECT_EQ(fund_policy_discount(p, 48.0, false), 0.0);  // nor for its value to a fund
    last_discount = d;
    last_factor = f;
  }
  // With nothing to lose there is nothing to discount.
  p.data_openness = 0.0;
  p.voucher_rate = 0.0;
  EXPECT_EQ(fund_policy_discount(p, 48.0, true), 0.0);
  EXPECT_EQ(rd_policy_factor(p, true), 1.0);
}

}  // namespace rf
