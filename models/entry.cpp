#include <cmath>

#include "models/economics.hpp"
#include "models/network.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

namespace {

/// Gives new firm i a place in one of its region's incubators for incubation_months, while
/// places (incubators x incubator_capacity) are free.
void offer_incubator_place(World& w, RegionState& r, std::size_t i) {
  if (r.incubated < r.p.incubators * r.p.incubator_capacity) {
    w.firms.incubated_until[i] = w.month + static_cast<std::int32_t>(r.p.incubation_months);
    r.incubated += 1.0;
  }
}

void add_firms(World& w, std::uint8_t region, Origin origin, std::uint32_t count, Stream& s) {
  const RegionParams& p = w.regions[region].p;
  RegionState& r = w.regions[region];
  for (std::uint32_t k = 0; k < count; ++k) {
    NewFirm spec;
    spec.region = region;
    spec.origin = origin;
    spec.employees = p.startup_size;
    const bool founder_led = origin == Origin::Graduate || origin == Origin::Refounder;
    spec.sector = origin == Origin::Graduate ? draw_graduate_sector(p, s) : draw_sector(p, s);
    spec.ownership = founder_led ? Ownership::Private : draw_ownership(p, s);
    const std::size_t i = add_firm(w, spec);
    if (spec.ownership == Ownership::Private) offer_incubator_place(w, r, i);
  }
}

}  // namespace

void phase_entry(World& w) {
  Firms& f = w.firms;
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    RegionState& r = w.regions[k];
    const auto region = static_cast<std::uint8_t>(k);
    Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(Decision::Entry),
             static_cast<std::uint32_t>(w.month));
    const auto graduates = static_cast<std::uint32_t>(r.pending_graduate_founders);
    add_firms(w, region, Origin::Graduate, graduates, s);
    r.flow.births[static_cast<int>(Origin::Graduate)] += graduates;
    r.pending_graduate_founders = 0.0;

    const auto refounders = static_cast<std::uint32_t>(r.pending_refounds);
    add_firms(w, region, Origin::Refounder, refounders, s);
    r.flow.births[static_cast<int>(Origin::Refounder)] += refounders;
    r.pending_refounds = 0.0;

    const std::uint32_t ordinary = s.poisson(r.p.entry_rate * r.alive);
    add_firms(w, region, Origin::Other, ordinary, s);
    r.flow.births[static_cast<int>(Origin::Other)] += ordinary;
  }

  // Academic spin-offs: researchers found firms, far more often when they may keep their posts.
  for (std::size_t u = 0; u < w.universities.size(); ++u) {
    const University uni = w.universities[u];
    RegionState& r = w.regions[uni.region];
    const RegionParams& p = r.p;
    Stream s(w.seed, Entity::University, static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(Decision::Spinoff),
             static_cast<std::uint32_t>(w.month));
    const double allowed = p.academic_entrepreneurship ? 1.0 : p.spinoff_without_share;
    const std::uint32_t n = s.poisson(p.spinoff_rate * uni.budget / 12.0 * allowed);
    for (std::uint32_t k = 0; k < n; ++k) {
      NewFirm spec;
      spec.region = uni.region;
      spec.origin = Origin::Academic;
      spec.sector = draw_tech_sector(p, s);
      spec.employees = p.startup_size;
      spec.log_quality_premium = p.academic_quality_premium;
      spec.university = static_cast<std::int16_t>(u);
      offer_incubator_place(w, r, add_firm(w, spec));
    }
    r.flow.births[static_cast<int>(Origin::Academic)] += n;
  }

  // Spin-outs: staff of large private firms leave to found firms near their parent.
  const std::size_t existing = f.size();
  for (std::size_t i = 0; i < existing; ++i) {
    if (!f.alive[i] || f.ownership[i] != static_cast<std::uint8_t>(Ownership::Private)) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    if (f.employees[i] < p.large_firm_employees) continue;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Spinout), static_cast<std::uint32_t>(w.month));
    const std::uint32_t n = s.poisson(p.spinout_rate * f.employees[i]);
    for (std::uint32_t k = 0; k < n; ++k) {
      NewFirm spec;
      spec.region = f.region[i];
      spec.origin = Origin::Corporate;
      spec.sector = static_cast<Sector>(f.sector[i]);
      spec.employees = p.startup_size;
      spec.parent = static_cast<std::int64_t>(i);
      const std::size_t child = add_firm(w, spec);
      w.pending_ties.push_back(make_tie(w, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(child)));
    }
    w.regions[f.region[i]].flow.births[static_cast<int>(Origin::Corporate)] += n;
  }
}

}  // namespace rf
