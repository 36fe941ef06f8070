// Firm-level economics shared by several mechanisms (see docs/MODEL.md, "Production and demand").
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "models/world.hpp"

namespace rf {

/// Whether firm i needs compute and data: an AI firm or an adopter of AI. The data and compute
/// factors of innovation (7.9) and the policy-risk values of those levers (7.1) apply to it.
inline bool uses_compute(const Firms& f, std::size_t i) {
  return f.sector[i] == static_cast<std::uint8_t>(Sector::AI) || f.ai[i] != 0;
}

/// Monthly wage of an unskilled employee in m CNY.
inline double base_wage(const RegionParams& p) {
  return p.pay * 1e-6;
}

/// Skilled share of employment a firm aims for: tech firms aim for a multiple of the region's
/// target, up to a cap.
inline double skilled_target_share(const RegionParams& p, std::uint8_t sector) {
  return is_tech(sector) ? std::min(p.tech_skilled_cap, p.tech_skilled_multiple * p.skilled_share_target)
                         : p.skilled_share_target;
}

/// Monthly wage bill of firm i in m CNY: the base wage for everyone, plus the skilled premium
/// for its skilled staff.
inline double wage_bill(const Firms& f, const RegionParams& p, std::size_t i) {
  return base_wage(p) * (f.employees[i] + (p.skilled_premium - 1.0) * f.skilled[i]);
}

/// Firm i holds less cash than runway_months of its wages and fixed cost: it seeks equity
/// (models/capital.cpp), and a funded firm in this state sells at a fire-sale price (models/exits.cpp).
inline bool short_of_runway(const Firms& f, const RegionParams& p, std::size_t i) {
  return f.cash[i] < p.runway_months * (wage_bill(f, p, i) + p.fixed_cost);
}

/// Average wage per employee at the target skill mix.
inline double average_wage(const RegionParams& p, std::uint8_t sector) {
  return base_wage(p) * (1.0 + (p.skilled_premium - 1.0) * skilled_target_share(p, sector));
}

/// Equity-funded development this month, m CNY: a firm that raised equity spends it on R&D at the
/// rate planned at its last round (its unspent equity over round_runway_months, models/capital.cpp),
/// until it is spent and while its cash allows (market phase; read before cash changes).
inline double equity_development_burn(const Firms& f, const RegionParams& /*p*/, std::size_t i) {
  if (f.equity_unspent[i] <= 0.0) return 0.0;
  return std::min({f.equity_burn[i], f.equity_unspent[i], std::max(0.0, f.cash[i])});
}

/// The part of that development an AI firm spends on compute (training), m CNY at the world price:
/// it enters the firm's compute need, and its bill (after vouchers) replaces it in the cash outflow.
inline double development_compute_spend(const Firms& f, const RegionParams& p, std::size_t i) {
  if (f.sector[i] != static_cast<std::uint8_t>(Sector::AI)) return 0.0;
  return p.compute_share_development * equity_development_burn(f, p, i);
}

/// Mean knowledge of firm i over the sector dimensions.
inline double mean_knowledge(const Firms& f, std::size_t i) {
  double k = 0.0;
  for (int d = 0; d < kSectors; ++d) k += f.knowledge[i][d];
  return k / kSectors;
}

/// Log productivity lost to a shortage of compute this month: elasticity times log(use / need)
/// when a firm gets less than it needs at the world price (compute phase), else 0.
inline double compute_shortfall(const Firms& f, const RegionParams& p, std::size_t i) {
  if (f.compute_need[i] <= 0.0 || f.compute_use[i] >= f.compute_need[i]) return 0.0;
  return p.compute_output_elasticity * std::log(std::max(f.compute_use[i] / f.compute_need[i], 1e-6));
}

/// log A: own productivity (permanent and transitory) plus the AI ('+AI') and knowledge premia,
/// less what a shortage of compute costs.
inline double log_tfp(const Firms& f, const RegionParams& p, std::size_t i) {
  return f.log_productivity[i] + f.log_productivity_transitory[i] + (f.ai[i] ? p.productivity_gain : 0.0) +
         p.knowledge_productivity * mean_knowledge(f, i) + compute_shortfall(f, p, i);
}

/// Sets firm i's latent quality: its log (what investors learn about) and the quality itself,
/// exp(log_quality), which the innovation rate multiplies by every month. The quality never
/// changes after birth, so its `exp` is taken once here.
inline void set_log_quality(Firms& f, std::size_t i, double log_quality) {
  f.log_quality[i] = log_quality;
  f.quality[i] = std::exp(log_quality);
}

/// Speed of AI diffusion in a sector, a multiple of the Bass coefficients (capital-intensive
/// sectors automate more easily, 001_b3f1eab579f37dab).
inline double adoption_speed(const RegionParams& p, std::uint8_t sector) {
  const double speeds[kSectors] = {p.adoption_speed_ai, p.adoption_speed_hardtech, p.adoption_speed_heavy,
                                   p.adoption_speed_services};
  return speeds[sector];
}

/// pow(x, y), skipping the call when x is exactly 1: pow(1, y) is 1 for every y, NaN included (C
/// Annex F), so the result is the same bits. Factors such as (1 + knowledge)^e or (skilled share /
/// target)^e are exactly 1 for many firms in a month.
inline double pow_unless_one(double x, double y) {
  return x == 1.0 ? 1.0 : std::pow(x, y);
}

/// sd at or below the reference size, falling as (employees / reference)^-exponent above it.
inline double size_scaled_sd(double sd, double exponent, double reference, double employees) {
  if (sd <= 0.0 || exponent <= 0.0 || employees <= reference) return sd;
  return sd * std::pow(employees / reference, -exponent);
}

/// Spread of a firm's monthly permanent productivity shock: a large firm's many lines average
/// their shocks out.
inline double shock_sd(const RegionParams& p, double employees) {
  return size_scaled_sd(p.productivity_shock_sd, p.shock_size_exponent, p.shock_reference_employees, employees);
}

/// Spread of the monthly innovation of the transitory productivity component: order-level noise
/// that a firm with many customers and staff averages away.
inline double transitory_shock_sd(const RegionParams& p, double employees) {
  return size_scaled_sd(p.transitory_shock_sd, p.transitory_size_exponent, p.shock_reference_employees, employees);
}

/// log(alpha * price / wage): the part of the target size that is the same for every firm of a
/// region and sector in a month, so a phase can compute it once per sector (target_employment_at).
inline double log_labour_terms(double price, double wage, double alpha) {
  return std::log(alpha * price / wage);
}

/// target_employment with its firm-independent log already computed (log_labour_terms): the same
/// bits, one `log` per sector and month instead of one per firm.
inline double target_employment_at(double log_terms, double log_a, double alpha) {
  return std::exp((log_terms + log_a) / (1.0 - alpha));
}

/// Employment at which the marginal revenue product equals the average wage:
/// L* = (alpha * price * A / w)^(1 / (1 - alpha)).
inline double target_employment(double log_a, double price, double wage, double alpha) {
  return target_employment_at(log_labour_terms(price, wage, alpha), log_a, alpha);
}

/// What the target size needs of a region and sector, fixed while prices are (a phase): the
/// average wage and log(alpha * price / wage). The labour and capital phases compute them once per
/// sector instead of once per firm: a `log` less per firm and the same bits (same operations on
/// the same values).
struct SectorLabour {
  double wage = 0.0;
  double log_terms = 0.0;
};
using SectorLabourTable = std::vector<std::array<SectorLabour, kSectors>>;

/// SectorLabour of every region and sector at the regions' current prices.
inline SectorLabourTable sector_labour(const World& w) {
  SectorLabourTable table(w.regions.size());
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    const RegionState& r = w.regions[k];
    for (int s = 0; s < kSectors; ++s) {
      const double wage = average_wage(r.p, static_cast<std::uint8_t>(s));
      table[k][s] = {wage, log_labour_terms(r.price[s], wage, r.p.labour_elasticity)};
    }
  }
  return table;
}

/// log A that makes `employees` the target size at `price`.
inline double log_tfp_for_size(double employees, double price, double wage, double alpha) {
  return std::log(wage / (alpha * price)) + (1.0 - alpha) * std::log(employees);
}

/// Target R&D share of revenue by sector, before policy risk.
inline double rd_share(const RegionParams& p, std::uint8_t sector) {
  const double shares[kSectors] = {p.rd_share_ai, p.rd_share_hardtech, p.rd_share_heavy, p.rd_share_services};
  return shares[sector];
}

inline double sector_demand_growth(const RegionParams& p, int sector) {
  const double g[kSectors] = {p.demand_growth_ai, p.demand_growth_hardtech, p.demand_growth_heavy, p.demand_growth_services};
  return g[sector];
}

/// Distance in km between two points (firm positions are floats: they widen exactly).
inline double distance_km(double x0, double y0, double x1, double y1) {
  const double dx = x0 - x1;
  const double dy = y0 - y1;
  return std::sqrt(dx * dx + dy * dy);
}

/// Distance in km between the centres of two regions.
inline double region_distance_km(const RegionParams& a, const RegionParams& b) {
  return distance_km(a.centre_x_km, a.centre_y_km, b.centre_x_km, b.centre_y_km);
}

/// Tie search radius of a region given its effective data openness.
inline double search_radius(const RegionState& r) {
  return r.p.radius_closed_km + (r.p.radius_open_km - r.p.radius_closed_km) * r.lever.data_openness;
}

/// Months of failure insurance that the unit of insurance_founding_boost refers to ("ratio per
/// 18 months", the 18 months of 004_393a6ffeb23f60f8).
inline constexpr double kInsuranceReferenceMonths = 18.0;

/// Factor by which a region's effective failure insurance raises founding and re-founding:
/// 1 + b * I / 18, b = insurance_founding_boost, I the insured months after reversals.
inline double insurance_founding_factor(const RegionState& r) {
  return 1.0 + r.p.insurance_founding_boost * r.lever.insurance_months / kInsuranceReferenceMonths;
}

/// Responsiveness of firm i: state-owned firms adjust more slowly.
inline double responsiveness(const Firms& f, const RegionParams& p, std::size_t i) {
  return f.ownership[i] == static_cast<std::uint8_t>(Ownership::State) ? p.state_responsiveness : 1.0;
}

}  // namespace rf
