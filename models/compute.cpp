#include <algorithm>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

/// Supply curve: price at utilisation u.
double supply_price(const RegionParams& p, double u) {
  return p.base_price * (1.0 + p.congestion * u * u / (1.0 - u));
}

/// Utilisation where demand at the supply price equals u * capacity. Demand is isoelastic,
/// D(p) = S * (p / base)^-eta, so only the sum S of voucher-weighted needs matters.
double clearing_utilisation(const RegionParams& p, double weighted_need) {
  constexpr double kMaxUtilisation = 0.999;
  if (p.capacity_pflops <= 0.0 || weighted_need <= 0.0) return 0.0;
  auto excess = [&](double u) {
    return weighted_need * std::pow(supply_price(p, u) / p.base_price, -p.price_elasticity) - u * p.capacity_pflops;
  };
  if (excess(kMaxUtilisation) >= 0.0) return kMaxUtilisation;  // demand exceeds capacity: rationed
  double lo = 0.0, hi = kMaxUtilisation;
  for (int it = 0; it < 60; ++it) {  // excess falls in u: bisection converges to double precision
    const double mid = 0.5 * (lo + hi);
    (excess(mid) > 0.0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

/// Compute market: firms' needs at the voucher-lowered price set demand; the price clears the
/// market on the supply curve; demand above capacity is rationed; vouchers are paid in birth
/// order until the budget is spent.
void phase_compute_market(World& w) {
  Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  std::vector<double> weighted(n_regions, 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.compute_use[i] = 0.0;
    f.compute_bill[i] = 0.0;
    if (!f.alive[i]) continue;
    const RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    const double per_employee =
        f.sector[i] == static_cast<std::uint8_t>(Sector::AI) ? p.need_ai : (f.ai[i] ? p.need_adopter : 0.0);
    f.compute_need[i] = per_employee * f.employees[i];
    if (f.compute_need[i] <= 0.0) continue;
    const bool voucher = r.voucher_left > 0.0 && f.voucher_ytd[i] < p.voucher_cap;
    const double discount = 1.0 - (voucher ? r.lever.voucher_rate : 0.0);
    // compute_use holds the firm's demand factor until the price is known.
    f.compute_use[i] = f.compute_need[i] * std::pow(std::max(discount, 1e-6), -p.price_elasticity);
    weighted[f.region[i]] += f.compute_use[i];
  }
  std::vector<double> factor(n_regions, 0.0);
  for (std::size_t k = 0; k < n_regions; ++k) {
    RegionState& r = w.regions[k];
    const double u = clearing_utilisation(r.p, weighted[k]);
    r.compute_utilisation = u;
    r.compute_price = supply_price(r.p, u);
    const double demand = weighted[k] * std::pow(r.compute_price / r.p.base_price, -r.p.price_elasticity);
    factor[k] = demand > 0.0 ? std::pow(r.compute_price / r.p.base_price, -r.p.price_elasticity) *
                                   std::min(1.0, u * r.p.capacity_pflops / demand)
                             : 0.0;
  }
  // Bills and vouchers, in slot (birth) order: first come, first served.
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.compute_use[i] <= 0.0) continue;
    RegionState& r = w.regions[f.region[i]];
    f.compute_use[i] *= factor[f.region[i]];
    const double bill = r.compute_price * f.compute_use[i];
    double voucher = std::min({r.lever.voucher_rate * bill, r.p.voucher_cap - f.voucher_ytd[i], r.voucher_left, r.budget_left});
    voucher = std::max(0.0, voucher);
    f.voucher_ytd[i] += voucher;
    r.voucher_left -= voucher;
    r.budget_left -= voucher;
    r.flow.voucher_spend += voucher;
    r.flow.budget_spent += voucher;
    f.compute_bill[i] = bill - voucher;
  }
}

}  // namespace rf
