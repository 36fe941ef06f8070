#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/policy_risk.hpp"
#include "models/slot_parts.hpp"

namespace rf {

namespace {
// Stage is a reporting class (the snapshot's `stage` column); no mechanism reads it.
constexpr double kScaleUpEmployees = 20.0;
constexpr double kMatureEmployees = 250.0;
constexpr std::int32_t kYoungMonths = 120;  // founded during the last ten years

/// exp(x) of the clamped growth weight. Most firms do not grow, so x is clamped to 0, and exp(0) is
/// exactly 1 (C Annex F): skipping the call there leaves every bit as it was.
double growth_premium(double x) {
  return x == 0.0 ? 1.0 : std::exp(x);
}
}  // namespace

/// Smoothed fundamentals and the fundamental value of firm i after a month with `revenue`, and its
/// mark (docs/MODEL.md 7.11): revenue_avg is an exponential average of revenue (started at the
/// firm's first revenue, so a newborn firm shows no growth), revenue_growth an exponential average of
/// the annualised log growth of revenue_avg, and the fundamental value a multiple of annual average
/// revenue with a bounded premium for that growth. A funded firm that has not listed keeps the
/// post-money of its last round as its mark for mark_months; every other firm, and a funded one
/// whose last round is older, is marked at its fundamental value.
void update_value(Firms& f, const RegionParams& p, std::size_t i, double revenue, std::int32_t month) {
  const double previous = f.revenue_avg[i];
  if (previous > 0.0) {
    f.revenue_avg[i] += (revenue - previous) / p.revenue_average_months;
    const double growth = f.revenue_avg[i] > 0.0 ? 12.0 * std::log(f.revenue_avg[i] / previous) : 0.0;
    f.revenue_growth[i] += (growth - f.revenue_growth[i]) / p.revenue_average_months;
  } else {
    f.revenue_avg[i] = std::max(0.0, revenue);
  }
  f.fundamental_value[i] =
      p.valuation_multiple * 12.0 * f.revenue_avg[i] *
      growth_premium(std::clamp(p.valuation_growth_weight * f.revenue_growth[i], 0.0, p.valuation_growth_cap));
  const bool marked_at_round = f.post_money[i] > 0.0 && !f.listed[i] && month - f.post_money_month[i] < p.mark_months;
  f.valuation[i] = marked_at_round ? f.post_money[i] : f.fundamental_value[i];
}

/// Finite sector demand: the sector's spending D is shared by output, so the price is D / Q and
/// over-entry (or picked winners kept alive) lowers everyone's price. Then revenue, costs, cash,
/// valuation and stage of every firm.
void phase_market(World& w) {
  Firms& f = w.firms;
  w.output.resize(f.size());
  w.market_log_tfp.resize(f.size());
  w.market_tfp.resize(f.size());
  for (auto& r : w.regions) {
    r.output.fill(0.0);
    r.firms.fill(0.0);
    for (int s = 0; s < kSectors; ++s) r.demand[s] *= std::pow(1.0 + sector_demand_growth(r.p, s), 1.0 / 12.0);
  }
  // Each firm's output in parts (its own slots only), then the sector sums in slot order, so the
  // sums are the same bits on any number of threads.
  for_slot_parts(f.size(), w.threads, [&w, &f](unsigned /*part*/, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!f.alive[i]) {
        w.output[i] = 0.0;
        continue;
      }
      const RegionParams& p = w.regions[f.region[i]].p;
      w.market_log_tfp[i] = log_tfp(f, p, i);
      w.market_tfp[i] = std::exp(w.market_log_tfp[i]);
      w.output[i] = w.market_tfp[i] * std::pow(f.employees[i], p.labour_elasticity);
    }
  });
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    RegionState& r = w.regions[f.region[i]];
    r.output[f.sector[i]] += w.output[i];
    r.firms[f.sector[i]] += 1.0;
  }
  for (auto& r : w.regions) {
    for (int s = 0; s < kSectors; ++s) {
      // Tradable (tech) sectors: more local firms reach more outside buyers.
      const bool tradable = is_tech(static_cast<std::uint8_t>(s)) && r.initial_firms[s] > 0.0;
      const double reach = tradable ? std::pow(std::max(r.firms[s], 1.0) / r.initial_firms[s], r.p.tradable_elasticity) : 1.0;
      r.price[s] = r.output[s] > 0.0 ? r.demand[s] * reach / r.output[s] : 1.0;
    }
  }
  // Policy risk on R&D (models/policy_risk.hpp), per region, for firms that need compute (AI
  // firms and adopters, to which data and vouchers are worth something) and for the others.
  std::vector<std::array<double, 2>> rd_risk(w.regions.size());
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    rd_risk[k] = {rd_policy_factor(w.regions[k].p, false), rd_policy_factor(w.regions[k].p, true)};
  }
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    const std::uint8_t s = f.sector[i];
    const double revenue = r.price[s] * w.output[i];
    const double wages = wage_bill(f, p, i);
    double fixed = p.fixed_cost;
    if (f.incubated_until[i] > w.month) {
      const double relief = std::min(fixed * p.incubator_cost_relief, std::max(0.0, r.budget_left));
      fixed -= relief;
      r.budget_left -= relief;
      r.flow.budget_spent += relief;
    }
    const bool needs_compute = uses_compute(f, i);
    double rd = f.cash[i] > 0.0 ? rd_share(p, s) * rd_risk[f.region[i]][needs_compute ? 1 : 0] * revenue : 0.0;
    double rd_paid = rd;  // R&D paid from cash here; training compute is paid through the compute bill
    if (f.equity_unspent[i] > 0.0) {
      // Venture money funds development: a share of the unspent equity, while cash allows.
      const double burn = equity_development_burn(f, p, i);
      rd += burn;
      rd_paid += burn - development_compute_spend(f, p, i);
      f.equity_unspent[i] -= burn;
    }
    f.rd_spend[i] = rd;
    f.revenue[i] = revenue;
    f.cash[i] += revenue - wages - fixed - rd_paid - f.compute_bill[i];
    update_value(f, p, i, revenue, w.month);
    const bool young = f.birth_month[i] >= 0 && w.month - f.birth_month[i] < kYoungMonths;
    const double size = f.employees[i];
    f.stage[i] = static_cast<std::uint8_t>(
        size >= kMatureEmployees || !young
            ? (size >= kScaleUpEmployees ? Stage::Mature : Stage::Startup)
            : (size >= kScaleUpEmployees || f.funding_total[i] > 0.0 ? Stage::ScaleUp : Stage::Startup));
  }
}

}  // namespace rf
