#include "models/population.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/economics.hpp"
#include "models/funds.hpp"
#include "models/network.hpp"
#include "models/param_table.hpp"

namespace rf {

Sector draw_sector(const RegionParams& p, Stream& s) {
  const double u = s.uniform();
  if (u < p.share_ai) return Sector::AI;
  if (u < p.share_ai + p.share_hardtech) return Sector::HardTech;
  if (u < p.share_ai + p.share_hardtech + p.share_heavy) return Sector::Heavy;
  return Sector::Services;
}

Sector draw_tech_sector(const RegionParams& p, Stream& s) {
  const double tech = p.share_ai + p.share_hardtech;
  if (tech <= 0.0) return s.bernoulli(0.5) ? Sector::AI : Sector::HardTech;
  return s.uniform() * tech < p.share_ai ? Sector::AI : Sector::HardTech;
}

Sector draw_graduate_sector(const RegionParams& p, Stream& s) {
  return s.uniform() < p.graduate_tech_share ? draw_tech_sector(p, s) : draw_sector(p, s);
}

Ownership draw_ownership(const RegionParams& p, Stream& s) {
  const double u = s.uniform();
  if (u < p.private_share) return Ownership::Private;
  if (u < p.private_share + p.state_share) return Ownership::State;
  return Ownership::Foreign;
}

double truncated_pareto(double min, double max, double alpha, double u) {
  const double tail = std::pow(min / max, alpha);
  return min * std::pow(1.0 - u * (1.0 - tail), -1.0 / alpha);
}

namespace {

std::int16_t pick_university(const World& w, std::uint8_t region, Stream& s) {
  double total = 0.0;
  for (const auto& u : w.universities) {
    if (u.region == region) total += u.budget;
  }
  if (total <= 0.0) return -1;
  double x = s.uniform() * total;
  for (std::size_t k = 0; k < w.universities.size(); ++k) {
    const auto& u = w.universities[k];
    if (u.region != region) continue;
    x -= u.budget;
    if (x < 0.0) return static_cast<std::int16_t>(k);
  }
  return -1;
}

}  // namespace

std::size_t add_firm(World& w, const NewFirm& spec) {
  Firms& f = w.firms;
  const std::size_t i = f.size();
  f.resize(i + 1);
  const std::uint32_t id = w.next_firm_id++;
  const RegionState& r = w.regions[spec.region];
  const RegionParams& p = r.p;
  Stream s(w.seed, Entity::Firm, id, static_cast<std::uint32_t>(Decision::Init), 0);
  const auto sector = static_cast<std::uint8_t>(spec.sector);

  f.id[i] = id;
  f.alive[i] = 1;
  f.region[i] = spec.region;
  f.sector[i] = sector;
  f.ownership[i] = static_cast<std::uint8_t>(spec.ownership);
  f.origin[i] = static_cast<std::uint8_t>(spec.origin);
  f.stage[i] = static_cast<std::uint8_t>(Stage::Startup);
  f.birth_month[i] = spec.origin == Origin::Initial ? -1 : w.month;
  f.incubated_until[i] = -1;
  f.pending_fund[i] = -1;
  f.holding_head[i] = -1;
  if (spec.parent >= 0) {
    const auto par = static_cast<std::size_t>(spec.parent);
    f.x[i] = static_cast<float>(f.x[par] + p.spinout_spread_km * s.normal());
    f.y[i] = static_cast<float>(f.y[par] + p.spinout_spread_km * s.normal());
    const auto inherited = static_cast<float>(p.spinout_knowledge_share);
    for (int d = 0; d < kSectors; ++d) f.knowledge[i][d] = inherited * f.knowledge[par][d];
  } else {
    f.x[i] = static_cast<float>(p.centre_x_km + p.spread_km * s.normal());
    f.y[i] = static_cast<float>(p.centre_y_km + p.spread_km * s.normal());
  }
  const double wage = average_wage(p, sector);
  // An initial firm is at its target size; an entrant starts small and aims at its potential.
  const bool entrant = spec.origin != Origin::Initial;
  const double potential =
      entrant && p.entrant_potential_exponent > 0.0
          ? truncated_pareto(p.min_employees, p.entrant_max_potential, p.entrant_potential_exponent, s.uniform())
          : spec.employees;
  f.employees[i] = spec.employees;
  f.skilled[i] = spec.employees * skilled_target_share(p, sector);
  const double noise = entrant ? p.productivity_sd * s.normal() : 0.0;
  f.log_productivity[i] = log_tfp_for_size(potential, r.price[sector], wage, p.labour_elasticity) + noise;
  set_log_quality(f, i, p.quality_sd * s.normal() - 0.5 * p.quality_sd * p.quality_sd + spec.log_quality_premium);
  // Investors start from the entrants' quality distribution (its mean and spread, the origin's
  // premium included); with no spread the quality is known.
  f.screened_month[i] = -1;
  f.belief_mean[i] = p.quality_sd > 0.0 ? -0.5 * p.quality_sd * p.quality_sd + spec.log_quality_premium : f.log_quality[i];
  f.belief_precision[i] = p.quality_sd > 0.0 ? 1.0 / (p.quality_sd * p.quality_sd) : std::numeric_limits<double>::infinity();
  f.cash[i] = p.initial_cash_months * spec.employees * wage;
  f.university[i] = spec.university;
  if (spec.university < 0 && rd_share(p, sector) > 0.0 && s.bernoulli(p.link_probability)) {
    f.university[i] = pick_university(w, spec.region, s);
  }
  if (spec.university >= 0) {
    const auto k =
        static_cast<float>(p.spinoff_knowledge_share * w.universities[static_cast<std::size_t>(spec.university)].knowledge);
    for (int d = 0; d < kSectors; ++d) f.knowledge[i][d] = k;
  }
  w.record_event(i, entrant ? EventKind::Birth : EventKind::Initial);
  // Entrants adopt AI at founding about as often as the firms of their sector around them.
  const double adopt = std::min(1.0, p.entrant_adoption_ratio * r.adopted_share[sector]);
  if (entrant && adopt > 0.0 &&
      Stream(w.seed, Entity::Firm, id, static_cast<std::uint32_t>(Decision::AdoptionAtBirth), 0).bernoulli(adopt)) {
    f.ai[i] = 1;
    w.record_event(i, EventKind::Adoption);
  }
  return i;
}

double university_share(const RegionParams& p, std::size_t k) {
  const auto n = static_cast<std::size_t>(p.count);
  if (n == 1) return 1.0;
  return k == 0 ? p.largest_share : (1.0 - p.largest_share) / static_cast<double>(n - 1);
}

namespace {

void make_universities(World& w, std::size_t region) {
  const RegionParams& p = w.regions[region].p;
  const auto n = static_cast<std::size_t>(p.count);
  for (std::size_t k = 0; k < n; ++k) {
    const double share = university_share(p, k);
    University u;
    u.region = static_cast<std::uint8_t>(region);
    u.budget = p.research_budget * share;
    u.graduates = p.graduates_per_year * share;
    u.x = static_cast<float>(p.centre_x_km);
    u.y = static_cast<float>(p.centre_y_km);
    w.universities.push_back(u);
  }
}

void make_initial_firms(World& w, std::size_t region) {
  RegionState& r = w.regions[region];
  const RegionParams& p = r.p;
  Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(region), static_cast<std::uint32_t>(Decision::Init), 0);
  const auto n = static_cast<std::size_t>(std::llround(p.initial_firms));
  for (std::size_t k = 0; k < n; ++k) {
    NewFirm spec;
    spec.region = static_cast<std::uint8_t>(region);
    spec.origin = Origin::Initial;
    spec.sector = draw_sector(p, s);
    spec.ownership = draw_ownership(p, s);
    double size = truncated_pareto(p.min_employees, p.max_employees, p.size_tail_exponent, s.uniform());
    if (spec.ownership == Ownership::State) size = std::min(p.max_employees, size * p.state_size_factor);
    spec.employees = size;
    add_firm(w, spec);
  }
  // Sector demand is set so that every initial firm is at its target size at price 1.
  r.demand.fill(0.0);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.region[i] != region) continue;
    const double q = std::exp(log_tfp(w.firms, p, i)) * std::pow(w.firms.employees[i], p.labour_elasticity);
    r.demand[w.firms.sector[i]] += q;
    r.initial_firms[w.firms.sector[i]] += 1.0;
  }
  // A sector that drew no initial firm (tiny scale or share) still has buyers: as many as
  // its expected number of firms would serve at the region's mean output per firm.
  double total_output = 0.0, total_firms = 0.0;
  for (int k = 0; k < kSectors; ++k) {
    total_output += r.demand[k];
    total_firms += r.initial_firms[k];
  }
  const double shares[kSectors] = {p.share_ai, p.share_hardtech, p.share_heavy,
                                   1.0 - p.share_ai - p.share_hardtech - p.share_heavy};
  const double mean_output = total_firms > 0.0 ? total_output / total_firms : 1.0;
  for (int k = 0; k < kSectors; ++k) {
    if (r.initial_firms[k] == 0.0) {
      r.demand[k] = std::max(shares[k] * static_cast<double>(n), 1.0) * mean_output;
      r.initial_firms[k] = 1.0;  // the reference count for tradable reach
    }
  }
  for (auto& d : r.demand) d *= p.demand_headroom;
  double employment = 0.0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.region[i] == region) employment += w.firms.employees[i];
  }
  r.skilled_pool = p.initial_pool * employment;
}

}  // namespace

World make_world(const SimulationParams& sim, std::span<const RegionSpec> regions, std::uint64_t seed) {
  World w;
  w.seed = seed;
  w.sim = sim;
  for (const auto& spec : regions) {
    RegionState r;
    r.name = spec.name;
    r.p = spec.params;
    apply_scale(r.p, sim.scale);
    r.world_price = r.p.import_price;
    r.compute_price = r.world_price;
    w.regions.push_back(r);
  }
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    make_universities(w, k);
    make_initial_funds(w, k);
  }
  for (std::size_t k = 0; k < w.regions.size(); ++k) make_initial_firms(w, k);
  build_initial_network(w);
  return w;
}

}  // namespace rf
