#include "sim/studies/firm_demography.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace rf {

namespace {

FirmEvent event(EventKind kind, std::uint32_t firm, std::int32_t month, std::uint8_t region = 0) {
  FirmEvent e;
  e.kind = kind;
  e.firm = firm;
  e.month = month;
  e.region = region;
  return e;
}

/// A round of `amount` at a pre-money of three times it (a quarter of the firm) unless given.
FirmEvent round(std::uint32_t firm, std::int32_t month, double amount, double pre_money = -1.0) {
  FirmEvent e = event(EventKind::Round, firm, month);
  e.amount = amount;
  e.pre_money = pre_money < 0.0 ? 3.0 * amount : pre_money;
  return e;
}

FirmEvent exit_at(EventKind kind, std::uint32_t firm, std::int32_t month, double multiple, double price = 0.0) {
  FirmEvent e = event(kind, firm, month);
  e.multiple = multiple;
  e.price = price;
  return e;
}

/// Five firms born at month 0 of a 120-month run: firm 1 closes at 6, firms 2 and 4 at 30, firm 3 is
/// acquired at 20 (censored), firm 5 stays open. Firm 2 raised 5 and 15 and failed (multiple 0);
/// firm 3 raised 10 and sold at 12x; firm 6 (born before the run) raised 20 at month 40 and is
/// unresolved. A firm of region 1 is noise every function must ignore.
std::vector<FirmEvent> history() {
  std::vector<FirmEvent> e;
  for (std::uint32_t id = 1; id <= 5; ++id) e.push_back(event(EventKind::Birth, id, 0));
  e.push_back(event(EventKind::Birth, 99, 0, 1));
  e.push_back(round(2, 1, 5.0));
  e.push_back(round(3, 2, 10.0));
  e.push_back(event(EventKind::Failure, 1, 6));
  e.push_back(round(2, 10, 15.0));
  e.push_back(event(EventKind::Failure, 99, 10, 1));
  e.push_back(exit_at(EventKind::Acquisition, 3, 20, 12.0, 480.0));  // a quarter of 480 for 10
  e.push_back(exit_at(EventKind::Failure, 2, 30, 0.0));
  e.push_back(event(EventKind::Failure, 4, 30));
  e.push_back(round(6, 40, 20.0));
  return e;
}

}  // namespace

TEST(FirmDemography, KaplanMeierCountsClosuresAndCensorsExitsAndTheRunEnd) {
  const auto e = history();
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 5, 120), 1.0);
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 12, 120), 0.8);         // 1 of 5 closed at 6
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 36, 120), 0.8 / 3.0);   // the acquired firm left the risk set: 2 of 3 at 30
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 119, 120), 0.8 / 3.0);  // the open firm is observed to the last month, 119
  EXPECT_TRUE(std::isnan(born_survival(e, 0, 120, 120)));      // nobody is observed that long
  EXPECT_DOUBLE_EQ(born_survival(e, 1, 12, 120), 0.0);         // region 1: its only firm closed at 10
}

TEST(FirmDemography, LifeTableHazardByAgeYear) {
  const auto e = history();
  EXPECT_DOUBLE_EQ(born_hazard(e, 0, 0, 120), 0.2);         // 1 closure of 5 entering the first year
  EXPECT_DOUBLE_EQ(born_hazard(e, 0, 12, 120), 0.0);        // 4 enter, the acquired one counts half
  EXPECT_DOUBLE_EQ(born_hazard(e, 0, 24, 120), 2.0 / 3.0);  // 3 enter, 2 close at 30
  EXPECT_DOUBLE_EQ(born_hazard(e, 0, 36, 120), 0.0);        // the open firm alone
  EXPECT_TRUE(std::isnan(born_hazard(e, 0, 120, 120)));
}

TEST(FirmDemography, MultipleSharesByFinancingsFirmsAndCapital) {
  const auto e = history();
  std::size_t resolved = 0;
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Financings, {}, &resolved), 2.0 / 3.0);
  EXPECT_EQ(resolved, 2U);  // firm 6 is unresolved
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Firms), 0.5);
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Capital), 20.0 / 30.0);
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 10.0, false, MultipleWeight::Financings), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 12.5, false, MultipleWeight::Financings), 0.0);
  EXPECT_TRUE(std::isnan(multiple_share(e, 1, 1.0, true, MultipleWeight::Firms)));
}

TEST(FirmDemography, MultipleSharesOfAFundedCohortFollowedForAFixedTime) {
  // Firm 2: first round at 1, closed 29 months later (two financings at 0x); firm 3: first round
  // at 2, sold 18 months later at 12x; firm 6: first round at 40, unresolved.
  const auto e = history();
  std::size_t resolved = 0;
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Financings, {2, 0}, &resolved), 1.0);
  EXPECT_EQ(resolved, 1U);  // the cohort of months 0-1 is firm 2 alone
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Financings, {36, 19}, &resolved), 0.0);
  EXPECT_EQ(resolved, 1U);  // firm 2's closure, 29 months after its first round, falls outside
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 10.0, false, MultipleWeight::Financings, {36, 30}), 1.0 / 3.0);
  EXPECT_TRUE(std::isnan(multiple_share(e, 0, 1.0, true, MultipleWeight::Firms, {0, 18})));  // the sale at 18 falls outside
}

TEST(FirmDemography, ResolutionRoutesMoneyLosingAcquisitionsAndACalendarWindow) {
  // Firm 2 closed (a failure for its investors), firm 3 was sold at 12x, firm 6 is unresolved.
  const auto e = history();
  ShareCounts c;
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Failure, {}, &c), 0.5);
  EXPECT_EQ(c.base, 2U);
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Acquisition), 0.5);
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Ipo), 0.0);
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Acquisition, {36, 19}), 1.0);  // firm 2's closure falls outside
  EXPECT_TRUE(std::isnan(resolution_share(e, 1, FundedExit::Failure)));              // region 1 funded nobody
  EXPECT_DOUBLE_EQ(acquisition_price_share(e, 0, 1.0, {}, &c), 0.0);                 // sold for 480, 48 times the 10 raised
  EXPECT_EQ(c.base, 1U);
  EXPECT_DOUBLE_EQ(acquisition_price_share(e, 0, 48.0), 0.0);
  EXPECT_DOUBLE_EQ(acquisition_price_share(e, 0, 48.5), 1.0);
  // A calendar window of resolutions: from month 21 only firm 2's closure (at 30) counts.
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Failure, {0, 0, 21}, &c), 1.0);
  EXPECT_EQ(c.base, 1U);
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 1.0, true, MultipleWeight::Financings, {0, 0, 20}), 2.0 / 3.0);  // the sale at 20 counts
  EXPECT_TRUE(std::isnan(resolution_share(e, 0, FundedExit::Failure, {0, 0, 31})));
  EXPECT_TRUE(std::isnan(acquisition_price_share(e, 0, 1.0, {2, 0})));  // the cohort of months 0-1 has no sale
}

TEST(FirmDemography, SharesSayHowManySimulatedItemsTheyRestOn) {
  // Firm 2's two financings at 0x and firm 3's one at 12x; firm 2 closed, firm 3 was sold for 480.
  const auto e = history();
  ShareCounts c;
  multiple_share(e, 0, 1.0, true, MultipleWeight::Capital, {}, nullptr, &c);
  EXPECT_EQ(c.hits, 2U);  // financings, unweighted, whatever the weight of the share
  EXPECT_EQ(c.base, 3U);
  resolution_share(e, 0, FundedExit::Failure, {}, &c);
  EXPECT_EQ(c.hits, 1U);
  EXPECT_EQ(c.base, 2U);
  acquisition_price_share(e, 0, 1.0, {}, &c);
  EXPECT_EQ(c.hits, 0U);
  EXPECT_EQ(c.base, 1U);
  funded_outcome_share(e, 0, 48, FundedOutcome::Private, 0, &c);
  EXPECT_EQ(c.hits, 1U);  // firm 6
  EXPECT_EQ(c.base, 3U);
}

TEST(FirmDemography, EachFinancingHasItsOwnMultiple) {
  // Round A buys half the firm for 10 (pre 10), round B a quarter for 30 (pre 90), which dilutes A
  // to 0.375; the firm sells for 400: A returns 150 (15x), B 100 (3.3x), the firm 250 / 40 = 6.25x.
  const std::vector<FirmEvent> e = {event(EventKind::Birth, 1, 0), round(1, 1, 10.0, 10.0), round(1, 13, 30.0, 90.0),
                                    exit_at(EventKind::Acquisition, 1, 40, 6.25, 400.0)};
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 10.0, false, MultipleWeight::Financings), 0.5);  // round A only
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 10.0, false, MultipleWeight::Capital), 0.25);    // 10 of 40
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 10.0, false, MultipleWeight::Firms), 0.0);       // 6.25x
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 4.0, true, MultipleWeight::Financings), 0.5);    // round B at 3.3x
}

TEST(FirmDemography, FundedCohortOutcomes) {
  const auto e = history();
  ShareCounts c;
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Exit, 0, &c), 0.5);
  EXPECT_EQ(c.base, 2U);  // firm 6 was first funded at 40
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Failure), 0.5);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Private), 0.0);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::SecondRound), 0.5);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 48, FundedOutcome::Private), 1.0 / 3.0);
  EXPECT_TRUE(std::isnan(funded_outcome_share(e, 0, 1, FundedOutcome::Exit)));
  // Followed 12 months from the first round: firm 3's sale (18 months after) and firm 2's closure
  // (29 after) fall outside, firm 2's second round (9 after) inside; at 19 months the sale counts.
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Exit, 12), 0.0);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Private, 12), 1.0);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::SecondRound, 12), 0.5);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::SecondRound, 9), 0.0);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Exit, 19), 0.5);
}

TEST(FirmDemography, AListedFirmStaysObservedAndKeepsItsIpoMultiple) {
  // Two firms born at 0 of a 60-month run: firm 1 raises 10, lists at 12 (3x) and closes at 24;
  // firm 2 stays open. The closure after the IPO is a failure for survival, but the investors'
  // outcome is the IPO.
  std::vector<FirmEvent> e = {event(EventKind::Birth, 1, 0), event(EventKind::Birth, 2, 0), round(1, 1, 10.0),
                              exit_at(EventKind::Ipo, 1, 12, 3.0), exit_at(EventKind::Failure, 1, 24, 0.0)};
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 23, 60), 1.0);  // not censored at the IPO
  EXPECT_DOUBLE_EQ(born_survival(e, 0, 24, 60), 0.5);
  EXPECT_DOUBLE_EQ(multiple_share(e, 0, 3.0, false, MultipleWeight::Firms), 1.0);
  EXPECT_DOUBLE_EQ(funded_outcome_share(e, 0, 36, FundedOutcome::Exit), 1.0);
  EXPECT_DOUBLE_EQ(resolution_share(e, 0, FundedExit::Ipo), 1.0);  // resolved by its listing, not its closure
}

}  // namespace rf
