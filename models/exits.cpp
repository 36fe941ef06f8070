#include <algorithm>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// Pays every fund holding equity in firm i its share of the valuation, and clears the stakes.
double pay_out(World& w, std::size_t i) {
  Firms& f = w.firms;
  double total = 0.0;
  for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    const Holding& stake = w.holdings[static_cast<std::size_t>(h)];
    const double proceeds = stake.share * f.valuation[i];
    w.funds[static_cast<std::size_t>(stake.fund)].capital += proceeds;
    total += proceeds;
  }
  f.holding_head[i] = -1;
  return total;
}

/// A round committed to a firm that closes before it is paid goes back to its fund.
void withdraw_pending_round(World& w, std::size_t i) {
  Firms& f = w.firms;
  if (f.pending_fund[i] < 0) return;
  w.funds[static_cast<std::size_t>(f.pending_fund[i])].capital += f.pending_amount[i];
  f.pending_fund[i] = -1;
}

}  // namespace

/// Funded firms list or are acquired depending on exit-market liquidity; firms out of cash close,
/// also while a fund is deciding on their round (state-owned ones only past their soft budget);
/// failed founders may found again, more often
/// with failure insurance.
void phase_exits(World& w) {
  Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    const bool state = f.ownership[i] == static_cast<std::uint8_t>(Ownership::State);
    const double floor = state ? -p.state_soft_budget_months * wage_bill(f, p, i) : 0.0;
    Stream hazard(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Exit), static_cast<std::uint32_t>(w.month));
    const bool closes = hazard.bernoulli(p.exit_hazard);
    // A round still being decided does not keep a firm open: it must last until the money comes.
    const bool out_of_cash = f.cash[i] < floor;
    const bool shrunk = f.employees[i] < p.closing_employees;
    if (out_of_cash || shrunk || closes) {
      FirmEvent& e = w.record_event(i, EventKind::Failure);
      e.cause = out_of_cash ? FailureCause::Cash : (shrunk ? FailureCause::Shrink : FailureCause::Exogenous);
      e.cash = f.cash[i];
      if (f.funding_total[i] > 0.0) e.multiple = 0.0;
      withdraw_pending_round(w, i);
      f.alive[i] = 0;
      r.skilled_pool += f.skilled[i];  // staff return to the labour market
      ++w.dead_slots;
      r.flow.deaths += 1.0;
      f.holding_head[i] = -1;  // the funds' stakes are worth nothing
      if (f.ownership[i] == static_cast<std::uint8_t>(Ownership::Private)) {
        Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Refound),
                 static_cast<std::uint32_t>(w.month));
        if (s.bernoulli(std::min(1.0, p.refounding_probability * insurance_founding_factor(r)))) r.pending_refounds += 1.0;
      }
      continue;
    }
    if (f.funding_total[i] <= 0.0 || f.listed[i]) continue;
    Stream& s = hazard;
    const bool ipo_ready = f.valuation[i] >= p.ipo_valuation_share * p.unicorn_valuation;
    const bool old_enough = f.birth_month[i] >= 0 && w.month - f.birth_month[i] >= p.acquisition_age;
    EventKind kind = EventKind::Ipo;
    if (ipo_ready && s.bernoulli(p.ipo_rate)) {
      r.flow.exits_ipo += 1.0;
    } else if (old_enough && s.bernoulli(p.acquisition_rate)) {
      r.flow.exits_acq += 1.0;
      kind = EventKind::Acquisition;
    } else {
      continue;
    }
    f.listed[i] = 1;
    const double proceeds = pay_out(w, i);
    r.flow.exit_proceeds += proceeds;
    FirmEvent& e = w.record_event(i, kind);
    e.price = f.valuation[i];
    e.multiple = proceeds / f.funding_total[i];
  }
}

}  // namespace rf
