#include <algorithm>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
// A numerical guard, far above any firm: at extreme parameters a target can overflow.
constexpr double kTargetGuard = 1e7;  // employees

}  // namespace

/// Firms move employment toward the size where marginal revenue equals the wage; skilled staff
/// come from the regional pool, rationed when it is short.
void phase_labour(World& w) {
  Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  std::vector<double> requests(n_regions, 0.0);
  std::vector<double> released(n_regions, 0.0);
  const auto table = sector_labour(w);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    const std::uint8_t s = f.sector[i];
    const SectorLabour& sl = table[f.region[i]][s];
    const double target = target_employment_at(sl.log_terms, log_tfp(f, p, i), p.labour_elasticity);
    const double speed = p.adjustment_speed * responsiveness(f, p, i);
    double change = speed * (std::min(target, kTargetGuard) - f.employees[i]);
    if (change > 0.0 && p.growth_cash_months > 0.0) {
      // Growth must be financed: cash for growth_cash_months of the added wages.
      change = std::min(change, std::max(0.0, f.cash[i]) / (sl.wage * p.growth_cash_months));
    }
    f.employees[i] += change;
    const double skilled_target = skilled_target_share(p, s) * f.employees[i];
    if (f.skilled[i] < skilled_target) {
      requests[f.region[i]] += skilled_target - f.skilled[i];
    } else {
      const double release = f.skilled[i] - skilled_target;
      f.skilled[i] = skilled_target;
      released[f.region[i]] += release;
    }
  }
  std::vector<double> fill(n_regions, 1.0);
  for (std::size_t k = 0; k < n_regions; ++k) {
    RegionState& r = w.regions[k];
    r.skilled_pool += released[k];
    fill[k] = requests[k] > r.skilled_pool ? r.skilled_pool / requests[k] : 1.0;
    r.skilled_pool -= requests[k] * fill[k];
    r.skilled_openings = requests[k] * (1.0 - fill[k]);
  }
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    const double skilled_target = skilled_target_share(p, f.sector[i]) * f.employees[i];
    if (f.skilled[i] < skilled_target) f.skilled[i] += (skilled_target - f.skilled[i]) * fill[f.region[i]];
  }
}

}  // namespace rf
