#include <cmath>

#include "models/budget_year.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"

namespace rf {

void phase_government(World& w) {
  // Budget years are calendar years: one starts at month 0 and each January; a first year that
  // starts later than January gets the share of its annual budgets for the months left.
  const MonthIndex date = w.sim.start + w.month;
  const bool new_year = w.month == 0 || month_of_year(date) == 0;
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    RegionState& r = w.regions[k];
    const RegionParams& p = r.p;
    if (new_year) {
      // Fiscal rule: the science budget grows at fiscal_growth a year. The levers it pays for
      // (vouchers, the guidance fund) keep the annual amounts the scenario gives them, as their
      // policies state them; a timeline changes them at their dates.
      r.fiscal_factor = fiscal_factor(w, r);
      r.budget_left = p.science_budget * r.fiscal_factor * share_of_year_left(w);
      r.voucher_left = p.voucher_budget * share_of_year_left(w);
    }
    Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(Decision::Reversal),
             static_cast<std::uint32_t>(w.month));
    if (p.reversal_probability > 0.0 && s.bernoulli(p.reversal_probability)) {
      const auto lever = s.below(kReversibleLevers);
      r.reversed_until[lever] = w.month + static_cast<std::int32_t>(std::lround(p.reversal_months));
    }
    auto active = [&](Lever l) { return r.reversed_until[static_cast<int>(l)] <= w.month; };
    r.lever.voucher_rate = active(Lever::Vouchers) ? p.voucher_rate : 0.0;
    r.lever.guidance_fund = active(Lever::GuidanceFund) ? p.guidance_fund : 0.0;
    r.lever.insurance_months = active(Lever::FailureInsurance) ? p.failure_insurance_months : 0.0;
    r.lever.data_openness = active(Lever::DataOpenness) ? p.data_openness : 0.0;

    // The guidance fund receives a twelfth of its annual injection, if the budget allows.
    double injection = std::min(r.lever.guidance_fund / 12.0, r.budget_left);
    injection = std::max(0.0, injection);
    // The government is a limited partner of this year's guidance fund (the newest; models/funds.cpp).
    Funds& funds = w.funds;
    for (std::size_t j = funds.size(); j-- > 0;) {
      if (funds.region[j] != k || funds.type[j] != FundType::Guidance) continue;
      funds.committed[j] += injection;
      funds.uncalled[j] += (1.0 - p.fund_reserve_share) * injection;
      funds.reserve[j] += p.fund_reserve_share * injection;
      break;
    }
    r.flow.funds_raised += injection;
    r.budget_left -= injection;
    r.flow.budget_spent += injection;
  }
  if (new_year) {
    std::fill(w.firms.voucher_ytd.begin(), w.firms.voucher_ytd.end(), 0.0);
  }
}

}  // namespace rf
