#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

// Highest utilisation of local capacity; demand beyond it is imported or, with no import
// ceiling below the local price, rationed.
constexpr double kMaxUtilisation = 0.999;

/// Local supply curve: the price at utilisation u, relative to the world price.
double local_markup(const RegionParams& p, double u) {
  return 1.0 + p.congestion * u * u / (1.0 - u);
}

/// Utilisation at which the local price reaches the import price p_w (1 + import_markup): local
/// capacity is never used beyond it, because imported cloud capacity is then cheaper.
double import_utilisation(const RegionParams& p) {
  if (p.congestion <= 0.0) return kMaxUtilisation;
  // congestion u^2 / (1 - u) = m  <=>  congestion u^2 + m u - m = 0.
  const double m = p.import_markup;
  const double u = (-m + std::sqrt(m * m + 4.0 * p.congestion * m)) / (2.0 * p.congestion);
  return std::min(u, kMaxUtilisation);
}

/// The month's market in one region, given the sum S of voucher-weighted needs: demand at
/// relative price x (price over the world price) is S x^-eta (isoelastic around the world price).
struct Clearing {
  double relative_price = 1.0;  // price / world price
  double utilisation = 0.0;     // of local capacity
  double local = 0.0;           // PFLOPS-months from local capacity
  double imported = 0.0;        // PFLOPS-months of imported cloud capacity
  double filled = 1.0;          // share of demand served (below 1 only when rationed)
};

Clearing clear_market(const RegionParams& p, double capacity, double weighted_need) {
  Clearing c;
  if (weighted_need <= 0.0) return c;
  const double eta = p.price_elasticity;
  auto demand = [&](double x) { return weighted_need * std::pow(x, -eta); };
  const double u_import = capacity > 0.0 ? import_utilisation(p) : 0.0;
  const double ceiling = capacity > 0.0 ? local_markup(p, u_import) : 1.0 + p.import_markup;
  if (demand(ceiling) >= u_import * capacity) {
    // Local capacity is used up to the import point; the rest comes from outside at the ceiling,
    // unless the ceiling is the local curve's end (no cheaper import): then demand is rationed.
    c.relative_price = ceiling;
    c.utilisation = u_import;
    c.local = u_import * capacity;
    const bool importable = capacity <= 0.0 || u_import < kMaxUtilisation;
    c.imported = importable ? demand(ceiling) - c.local : 0.0;
    c.filled = importable ? 1.0 : c.local / demand(ceiling);
    return c;
  }
  double lo = 0.0, hi = u_import;
  for (int it = 0; it < 60; ++it) {  // excess demand falls in u: bisection converges to double precision
    const double mid = 0.5 * (lo + hi);
    (demand(local_markup(p, mid)) > mid * capacity ? lo : hi) = mid;
  }
  c.utilisation = 0.5 * (lo + hi);
  c.relative_price = local_markup(p, c.utilisation);
  c.local = demand(c.relative_price);
  return c;
}

/// Compute a firm needs this month at the world price, in PFLOPS-months: inference, the share of
/// its revenue its kind of firm spends on compute (AI firms, AI adopters, none otherwise), and for
/// AI firms training, the compute part of this month's equity-funded development (market.cpp).
double compute_need(const Firms& f, const RegionParams& p, double world_price, std::size_t i) {
  const bool ai_firm = f.sector[i] == static_cast<std::uint8_t>(Sector::AI);
  const double share = ai_firm ? p.compute_share_ai : f.ai[i] ? p.compute_share_adopter : 0.0;
  const double development = ai_firm ? development_compute_spend(f, p, i) : 0.0;
  return (share * std::max(0.0, f.revenue[i]) + development) / world_price;
}

/// A firm's demand factor at the voucher-lowered price, discount^-eta, for a firm without (index
/// 0) and with (index 1) a voucher in each region. Only these two values occur in a month, so they
/// are computed once per region instead of a `pow` per firm (the same bits).
std::vector<std::array<double, 2>> voucher_demand_factors(const World& w) {
  std::vector<std::array<double, 2>> factors(w.regions.size());
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    const RegionState& r = w.regions[k];
    for (const bool voucher : {false, true}) {
      const double discount = 1.0 - (voucher ? r.lever.voucher_rate : 0.0);
      factors[k][voucher ? 1 : 0] = std::pow(std::max(discount, 1e-6), -r.p.price_elasticity);
    }
  }
  return factors;
}

}  // namespace

/// Compute market: firms' needs at the voucher-lowered price set demand; local capacity (public
/// centres plus commercial capacity) supplies on a rising cost curve, imported cloud capacity at
/// the world price with a mark-up caps the price; commercial capacity grows when the price stays
/// above cost and depreciates; vouchers are paid in birth order until the budget is spent.
void phase_compute_market(World& w) {
  Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  std::vector<double> weighted(n_regions, 0.0);
  const auto demand_factors = voucher_demand_factors(w);
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.compute_need[i] = 0.0;
    f.compute_use[i] = 0.0;
    f.compute_bill[i] = 0.0;
    if (!f.alive[i]) continue;
    const RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    f.compute_need[i] = compute_need(f, p, r.world_price, i);
    if (f.compute_need[i] <= 0.0) continue;
    const bool voucher = r.voucher_left > 0.0 && f.voucher_ytd[i] < p.voucher_cap;
    // compute_use holds the firm's demand factor until the price is known.
    f.compute_use[i] = f.compute_need[i] * demand_factors[f.region[i]][voucher ? 1 : 0];
    weighted[f.region[i]] += f.compute_use[i];
  }
  std::vector<double> factor(n_regions, 0.0);
  for (std::size_t k = 0; k < n_regions; ++k) {
    RegionState& r = w.regions[k];
    const RegionParams& p = r.p;
    if (r.commercial_pflops < 0.0 && weighted[k] > 0.0) {
      // Commercial capacity is sized at the first month with demand, to serve it at the
      // utilisation assumed for an established market.
      r.commercial_pflops = weighted[k] / p.initial_utilisation;
    }
    const double commercial = std::max(0.0, r.commercial_pflops);
    const double capacity = commercial + p.capacity_pflops;
    const Clearing c = clear_market(p, capacity, weighted[k]);
    r.compute_utilisation = c.utilisation;
    r.compute_price = r.world_price * c.relative_price;
    r.compute_imported = c.imported;
    r.compute_capacity = capacity;
    factor[k] = std::pow(c.relative_price, -p.price_elasticity) * c.filled;
    // Investment: commercial capacity grows with the margin of the price over the world price
    // beyond a hurdle, in proportion to the quantity bought; installed capacity depreciates.
    const double margin = c.relative_price - 1.0 - p.investment_margin;
    if (r.commercial_pflops >= 0.0) {
      r.commercial_pflops =
          commercial * (1.0 - p.capacity_depreciation) + p.capacity_response * std::max(0.0, margin) * (c.local + c.imported);
    }
    r.world_price *= std::pow(1.0 - p.import_price_decline, 1.0 / 12.0);  // next month's world price
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
    r.flow.compute_used += f.compute_use[i];
    r.flow.compute_spend += bill;
    if (f.sector[i] == static_cast<std::uint8_t>(Sector::AI)) r.flow.compute_spend_ai += bill;
    f.compute_bill[i] = bill - voucher;
  }
}

}  // namespace rf
