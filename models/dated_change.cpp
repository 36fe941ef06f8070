#include "models/dated_change.hpp"

#include <algorithm>
#include <string>

#include "models/budget_year.hpp"
#include "models/population.hpp"
#include "sim/base/errors.hpp"

namespace rf {

namespace {

struct Fixed {
  std::string_view path, why;
};

// Everything else is read while the run steps, so a change at a date takes effect that month.
constexpr Fixed kFixedAfterStart[] = {
    {"simulation.months", "it is the run's horizon"},
    {"simulation.start", "it is the run's calendar"},
    {"simulation.scale", "the population is built at this scale at month 0"},
    {"simulation.network_metrics_every", "it is an output option"},
    {"simulation.snapshot_firms", "it is an output option"},
    {"simulation.event_log", "it is an output option"},
    {"firms.initial_firms", "it sizes the month-0 population"},
    {"firms.max_employees", "it bounds the month-0 size distribution"},
    {"firms.size_tail_exponent", "it shapes the month-0 size distribution"},
    {"firms.state_size_factor", "it sizes the month-0 state-owned firms"},
    {"market.demand_headroom", "it sets month-0 demand"},
    {"talent.initial_pool", "it sets the month-0 skilled pool"},
    {"universities.count", "universities are founded at month 0"},
    {"capital.vc_funds", "funds are founded at month 0"},
    {"capital.patient_funds", "funds are founded at month 0"},
    {"capital.vc_capital", "it is the funds' month-0 capital; public money added later comes through policy.guidance_fund"},
    {"capital.patient_capital", "it is the funds' month-0 capital; public money added later comes through policy.guidance_fund"},
    {"network.initial_degree", "it sets the month-0 ties"},
    {"network.initial_topology", "it sets the month-0 ties"},
    {"network.rewiring", "it sets the month-0 ties"},
};

double scaled_value(const World& w, const ParamSpec& spec, double value) {
  return spec.scaled ? value * w.sim.scale : value;
}

/// The science budget of the current budget year under the fiscal rule (scaled).
double science_budget_this_year(const World& w, const RegionState& r) {
  return r.p.science_budget * fiscal_factor(w, r);
}

/// What is left of a budget this year after its annual amount moved from `before` to `after`:
/// the months left gain (or lose) their share of the difference, and a cut also holds them to
/// the new annual rate, so money unspent earlier in the year does not outlive the cut.
double adjusted_left(double left, double before, double after, double share_left) {
  double v = left + (after - before) * share_left;
  if (after < before) v = std::min(v, after * share_left);
  return std::max(0.0, v);
}

}  // namespace

std::string_view fixed_after_start(const ParamSpec& spec) {
  for (const auto& f : kFixedAfterStart) {
    if (f.path == spec.path()) return f.why;
  }
  return {};
}

void change_region_parameter(World& w, std::size_t region, const ParamSpec& spec, double value) {
  if (spec.scope != Scope::Region || !fixed_after_start(spec).empty()) {
    throw ModelError("parameter " + spec.path() + " cannot change during a run", "This is a bug: please report it.");
  }
  RegionState& r = w.regions[region];
  const std::string path = spec.path();
  const double share_left = share_of_year_left(w);
  if (path == "policy.science_budget") {
    const double before = science_budget_this_year(w, r);
    spec.set(&r.p, scaled_value(w, spec, value));
    r.fiscal_base_year = budget_year(w);
    r.fiscal_factor = 1.0;
    r.budget_left = adjusted_left(r.budget_left, before, r.p.science_budget, share_left);
    return;
  }
  if (path == "policy.fiscal_growth") {
    // The current year's budget stays; the new rate grows it from the next budget year.
    r.p.science_budget = science_budget_this_year(w, r);
    r.fiscal_base_year = budget_year(w);
    spec.set(&r.p, value);
    return;
  }
  if (path == "policy.voucher_budget") {
    const double before = r.p.voucher_budget;
    spec.set(&r.p, scaled_value(w, spec, value));
    r.voucher_left = adjusted_left(r.voucher_left, before, r.p.voucher_budget, share_left);
    return;
  }
  spec.set(&r.p, scaled_value(w, spec, value));
  if (path == "compute.import_price") {
    r.world_price = r.p.import_price;  // a new price level; it declines at import_price_decline from here
  } else if (spec.group == "universities") {
    std::size_t k = 0;
    for (auto& u : w.universities) {
      if (u.region != region) continue;
      u.budget = r.p.research_budget * university_share(r.p, k);
      u.graduates = r.p.graduates_per_year * university_share(r.p, k);
      ++k;
    }
  } else if (path == "capital.vc_horizon" || path == "capital.patient_horizon") {
    Funds& funds = w.funds;
    for (std::size_t k = 0; k < funds.size(); ++k) {
      if (funds.region[k] != region) continue;
      // guidance funds wait like patient ones
      funds.horizon[k] = funds.type[k] == FundType::Venture ? r.p.vc_horizon : r.p.patient_horizon;
    }
  }
}

void change_simulation_parameter(World& w, const ParamSpec& spec, double value) {
  if (spec.scope != Scope::Simulation || !fixed_after_start(spec).empty()) {
    throw ModelError("parameter " + spec.path() + " cannot change during a run", "This is a bug: please report it.");
  }
  spec.set(&w.sim, value);
}

}  // namespace rf
