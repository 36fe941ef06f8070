#include "models/funds.hpp"

#include <cmath>
#include <vector>

#include "models/budget_year.hpp"
#include "models/phases.hpp"

namespace rf {

std::size_t Funds::add(FundType t, std::uint8_t reg, Mandate m, std::int32_t month, double fund_horizon, double amount,
                       double reserve_share) {
  type.push_back(t);
  region.push_back(reg);
  mandate.push_back(m);
  vintage.push_back(month);
  horizon.push_back(fund_horizon);
  committed.push_back(amount);
  uncalled.push_back((1.0 - reserve_share) * amount);
  reserve.push_back(reserve_share * amount);
  called.push_back(0.0);
  distributed.push_back(0.0);
  return type.size() - 1;
}

double recent_multiple(const World& w, std::size_t region) {
  const Funds& funds = w.funds;
  const RegionParams& p = w.regions[region].p;
  std::vector<double> nav(funds.size(), 0.0);
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.listed[i] || f.region[i] != region) continue;
    for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
      const Holding& stake = w.holdings[static_cast<std::size_t>(h)];
      nav[static_cast<std::size_t>(stake.fund)] += stake.share * f.valuation[i];
    }
  }
  double value = 0.0, called = 0.0;
  for (std::size_t k = 0; k < funds.size(); ++k) {
    if (funds.region[k] != region || funds.called[k] <= 0.0) continue;
    if (w.month - funds.vintage[k] > p.fundraising_window) continue;
    value += funds.distributed[k] + nav[k];
    called += funds.called[k];
  }
  return called > 0.0 ? value / called : 1.0;
}

double fundraising_amount(const RegionParams& p, double capital, double multiple) {
  const double base = capital * 12.0 / p.fund_life;
  if (p.fundraising_elasticity == 0.0) return base;
  return base * std::pow(std::min(std::max(multiple, 0.0), p.fundraising_cap), p.fundraising_elasticity);
}

namespace {

/// Raises `count` funds of one type together committing `amount`; venture funds take the seed
/// mandate in the share seed_fund_share (by number), patient and guidance funds the seed mandate.
void raise(World& w, std::size_t region, FundType type, std::int64_t count, double amount, double horizon) {
  const RegionParams& p = w.regions[region].p;
  for (std::int64_t j = 0; j < count; ++j) {
    const bool seed =
        type != FundType::Venture || (static_cast<double>(j) + 0.5) / static_cast<double>(count) < p.seed_fund_share;
    w.funds.add(type, static_cast<std::uint8_t>(region), seed ? Mandate::Seed : Mandate::Growth, w.month, horizon,
                amount / static_cast<double>(count), p.fund_reserve_share);
  }
}

/// Funds of a type raised in one year: the month-0 number spread over the fund life, at least one.
std::int64_t funds_per_year(const RegionParams& p, std::int64_t funds) {
  if (funds <= 0) return 0;
  return std::max<std::int64_t>(1, std::llround(static_cast<double>(funds) * 12.0 / p.fund_life));
}

}  // namespace

void make_initial_funds(World& w, std::size_t region) {
  const RegionParams& p = w.regions[region].p;
  const auto reg = static_cast<std::uint8_t>(region);
  // The month-0 stock: funds raised evenly over the last fund life, each having drawn its new-money
  // part evenly over its investment period and its reserve evenly over its life.
  auto stock = [&](FundType type, std::int64_t n, double capital, double horizon) {
    for (std::int64_t k = 0; k < n; ++k) {
      const double age = (static_cast<double>(k) + 0.5) * p.fund_life / static_cast<double>(n);
      const bool seed = type != FundType::Venture || (static_cast<double>(k) + 0.5) / static_cast<double>(n) < p.seed_fund_share;
      const std::size_t j =
          w.funds.add(type, reg, seed ? Mandate::Seed : Mandate::Growth, -static_cast<std::int32_t>(std::lround(age)), horizon,
                      capital / static_cast<double>(n), p.fund_reserve_share);
      w.funds.uncalled[j] *= std::max(0.0, 1.0 - age / p.fund_investment_period);
      w.funds.reserve[j] *= std::max(0.0, 1.0 - age / p.fund_life);
    }
  };
  stock(FundType::Venture, p.vc_funds, p.vc_capital, p.vc_horizon);
  stock(FundType::Patient, p.patient_funds, p.patient_capital, p.patient_horizon);
  w.funds.add(FundType::Guidance, reg, Mandate::Seed, 0, p.patient_horizon, 0.0, p.fund_reserve_share);
}

/// Investment periods end (what is left of a fund's new money joins its reserve) and lives end (the
/// undrawn capital goes back to the limited partners); each January after the first month, every
/// region raises new funds from its limited partners in response to its recent vintages' multiple,
/// and a new guidance fund opens for the year's injections (docs/MODEL.md 7.12).
void phase_funds(World& w) {
  Funds& funds = w.funds;
  for (std::size_t k = 0; k < funds.size(); ++k) {
    const RegionParams& p = w.regions[funds.region[k]].p;
    if (!fund_alive(funds, p, k, w.month)) {
      funds.uncalled[k] = 0.0;
      funds.reserve[k] = 0.0;
    } else if (!fund_investing(funds, p, k, w.month) && funds.uncalled[k] > 0.0) {
      funds.reserve[k] += funds.uncalled[k];
      funds.uncalled[k] = 0.0;
    }
  }
  if (w.month == 0 || month_of_year(w.sim.start + w.month) != 0) return;
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    RegionState& r = w.regions[k];
    const RegionParams& p = r.p;
    const double multiple = recent_multiple(w, k);
    const double venture = p.vc_funds > 0 ? fundraising_amount(p, p.vc_capital, multiple) : 0.0;
    const double patient = p.patient_funds > 0 ? fundraising_amount(p, p.patient_capital, multiple) : 0.0;
    raise(w, k, FundType::Venture, funds_per_year(p, p.vc_funds), venture, p.vc_horizon);
    raise(w, k, FundType::Patient, funds_per_year(p, p.patient_funds), patient, p.patient_horizon);
    raise(w, k, FundType::Guidance, 1, 0.0, p.patient_horizon);
    r.flow.funds_raised += venture + patient;
  }
}

}  // namespace rf
