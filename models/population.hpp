// Creating a run's agents: the initial population, universities, funds and new firms.
#pragma once
#include <span>

#include "models/params.hpp"
#include "models/world.hpp"
#include "sim/base/rng.hpp"

namespace rf {

/// Builds month-0 state of one run from validated parameters (regions unscaled; `sim.scale`
/// is applied here) and the run's seed.
World make_world(const SimulationParams& sim, std::span<const RegionSpec> regions, std::uint64_t seed);

struct NewFirm {
  std::uint8_t region = 0;
  Sector sector = Sector::Services;
  Ownership ownership = Ownership::Private;
  Origin origin = Origin::Other;
  double employees = 1.0;
  double log_quality_premium = 0.0;
  std::int64_t parent = -1;      // slot of the parent (spin-outs), -1 none
  std::int16_t university = -1;  // academic spin-off's university, -1 none
};

/// Appends a firm; its draws come from its own stream (new id, Decision::Init).
std::size_t add_firm(World& w, const NewFirm& spec);

/// Sector drawn from a region's sector shares (services take the remainder).
Sector draw_sector(const RegionParams& p, Stream& s);

/// Technology sector (AI or hard tech) drawn in proportion to the region's shares.
Sector draw_tech_sector(const RegionParams& p, Stream& s);

/// Sector of a graduate's firm: technology with probability graduate_tech_share, else as any entrant.
Sector draw_graduate_sector(const RegionParams& p, Stream& s);

/// Ownership drawn from a region's shares.
Ownership draw_ownership(const RegionParams& p, Stream& s);

/// Share of a region's research budget and graduates that its k-th university (0-based) has:
/// the largest has largest_share, the others split the rest evenly.
double university_share(const RegionParams& p, std::size_t k);

/// Size with P(S > s) ~ s^-alpha on [min, max], by inversion of a uniform draw u in [0, 1).
double truncated_pareto(double min, double max, double alpha, double u);

}  // namespace rf
