#include <algorithm>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/funds.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// Pays every fund holding equity in firm i its share of the exit price, which the fund distributes
/// to its limited partners, and clears the stakes.
double pay_out(World& w, std::size_t i, double price) {
  Firms& f = w.firms;
  double total = 0.0;
  for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    const Holding& stake = w.holdings[static_cast<std::size_t>(h)];
    const double proceeds = stake.share * price;
    w.funds.distributed[static_cast<std::size_t>(stake.fund)] += proceeds;  // to the limited partners, not reinvested
    total += proceeds;
  }
  f.holding_head[i] = -1;
  return total;
}

/// A round committed to a firm that closes before it is paid goes back to its fund: to its uncalled
/// capital if it came from there and the fund still invests, else to its reserve (nothing, if the
/// fund's life has ended: its undrawn capital went back to its limited partners).
void withdraw_pending_round(World& w, std::size_t i) {
  Firms& f = w.firms;
  if (f.pending_fund[i] < 0) return;
  const auto k = static_cast<std::size_t>(f.pending_fund[i]);
  const RegionParams& p = w.regions[w.funds.region[k]].p;
  if (fund_alive(w.funds, p, k, w.month)) {
    const bool uncalled = f.pending_reserve[i] == 0 && fund_investing(w.funds, p, k, w.month);
    (uncalled ? w.funds.uncalled[k] : w.funds.reserve[k]) += f.pending_amount[i];
  }
  f.pending_fund[i] = -1;
}

/// The incumbents that may acquire: per region and sector, the acquirer_pool largest living private
/// firms by employees (ties by id), found once a month when the first acquisition needs them.
class Incumbents {
 public:
  const std::vector<std::uint32_t>& of(const World& w, std::size_t i) {
    if (largest_.empty()) find(w);
    return largest_[w.firms.region[i] * kSectors + w.firms.sector[i]];
  }

 private:
  void find(const World& w) {
    const Firms& f = w.firms;
    largest_.assign(w.regions.size() * kSectors, {});
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f.alive[i] && f.ownership[i] == static_cast<std::uint8_t>(Ownership::Private)) {
        largest_[f.region[i] * kSectors + f.sector[i]].push_back(static_cast<std::uint32_t>(i));
      }
    }
    for (std::size_t b = 0; b < largest_.size(); ++b) {
      auto& slots = largest_[b];
      const auto keep = std::min(slots.size(), static_cast<std::size_t>(w.regions[b / kSectors].p.acquirer_pool));
      std::partial_sort(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(keep), slots.end(),
                        [&f](std::uint32_t x, std::uint32_t y) {
                          return f.employees[x] != f.employees[y] ? f.employees[x] > f.employees[y] : f.id[x] < f.id[y];
                        });
      slots.resize(keep);
    }
  }
  std::vector<std::vector<std::uint32_t>> largest_;
};

/// The acquirer of firm i: one of the largest living private firms of its sector and region that
/// is larger than i, drawn uniformly (Decision::Acquirer); -1 if there is none.
std::int64_t pick_acquirer(const World& w, Incumbents& incumbents, std::size_t i) {
  const Firms& f = w.firms;
  std::vector<std::uint32_t> eligible;
  for (const auto a : incumbents.of(w, i)) {
    if (a != i && f.alive[a] && f.employees[a] > f.employees[i]) eligible.push_back(a);
  }
  if (eligible.empty()) return -1;
  Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Acquirer), static_cast<std::uint32_t>(w.month));
  return eligible[s.below(static_cast<std::uint32_t>(eligible.size()))];
}

}  // namespace

/// The acquirer takes over the target's staff, patents and knowledge (the better of the two in
/// each dimension). The target's cash is part of the price its owners receive (below), so it does
/// not pass to the acquirer; the value part is paid in the acquirer's shares, no cash leaves it.
void absorb_target(Firms& f, std::size_t acquirer, std::size_t target) {
  f.employees[acquirer] += f.employees[target];
  f.skilled[acquirer] += f.skilled[target];
  f.patents[acquirer] += f.patents[target];
  for (int d = 0; d < kSectors; ++d) f.knowledge[acquirer][d] = std::max(f.knowledge[acquirer][d], f.knowledge[target][d]);
}

/// Firms out of cash close, also while a fund is deciding on their round (state-owned ones only
/// past their soft budget); failed founders may found again, more often with failure insurance.
/// Funded firms exit at a price that follows their value: large ones list once the exit market is
/// open; others are bought by an incumbent of their sector, more often when they grow, at a
/// fire-sale discount when short of runway (docs/MODEL.md 7.13).
void phase_exits(World& w) {
  Firms& f = w.firms;
  Incumbents incumbents;
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
      if (f.funding_total[i] > 0.0 && !f.listed[i]) e.multiple = 0.0;  // a listed firm's investors were paid at its IPO
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
    const double value = f.fundamental_value[i];
    // Listing needs size (the STAR market's value and revenue criteria) and, for a technology
    // firm, an open exit market for it.
    const bool market_open = !is_tech(f.sector[i]) || p.star_market_open;
    const bool ipo_ready = market_open && value >= p.ipo_min_value && 12.0 * f.revenue_avg[i] >= p.ipo_min_revenue;
    const bool old_enough = f.birth_month[i] >= 0 && w.month - f.birth_month[i] >= p.acquisition_age;
    if (ipo_ready && s.bernoulli(p.ipo_rate)) {
      r.flow.exits_ipo += 1.0;
      f.listed[i] = 1;
      f.valuation[i] = value;  // a listed firm is marked at its fundamental value
      const double proceeds = pay_out(w, i, value);
      r.flow.exit_proceeds += proceeds;
      FirmEvent& e = w.record_event(i, EventKind::Ipo);
      e.price = value;
      e.multiple = proceeds / f.funding_total[i];
      continue;
    }
    if (!old_enough) continue;
    // A firm short of runway (and no round coming) sells at a discount; others are bought more
    // often the faster their smoothed revenue grows.
    const bool distressed = short_of_runway(f, p, i) && f.pending_fund[i] < 0;
    const double propensity =
        distressed ? p.fire_sale_rate
                   : std::min(1.0, p.acquisition_rate * std::exp(p.acquisition_growth_weight * f.revenue_growth[i]));
    if (!s.bernoulli(propensity)) continue;
    const std::int64_t acquirer = pick_acquirer(w, incumbents, i);
    if (acquirer < 0) continue;
    const auto a = static_cast<std::size_t>(acquirer);
    // The business at its value (less the fire-sale discount) plus the cash it holds: a firm that
    // has just raised a round is not sold for nothing because it has no revenue yet.
    const double price = (distressed ? (1.0 - p.fire_sale_discount) * value : value) + std::max(0.0, f.cash[i]);
    r.flow.exits_acq += 1.0;
    const double proceeds = pay_out(w, i, price);
    r.flow.exit_proceeds += proceeds;
    FirmEvent& e = w.record_event(i, EventKind::Acquisition);
    e.price = price;
    e.multiple = proceeds / f.funding_total[i];
    e.acquirer = f.id[a];
    // The target leaves the population like a closed firm; its staff stay with the acquirer.
    absorb_target(f, a, i);
    withdraw_pending_round(w, i);
    f.alive[i] = 0;
    ++w.dead_slots;
  }
}

}  // namespace rf
