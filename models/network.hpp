// Firm-firm ties: formation by proximity, preferential attachment and triadic closure; decay.
#pragma once
#include "models/world.hpp"
#include "sim/base/rng.hpp"

namespace rf {

/// The tie between firms a and b (either order), with the spillover decay 2^(-distance / half
/// distance) of each end's region as its weights (MODEL.md 7.8); firms never move, so the decay
/// is computed once here rather than every month.
Edge make_tie(const World& w, std::uint32_t a, std::uint32_t b);

/// Proposes a partner for firm i: the end of a random tie (preferential attachment), a
/// neighbour's neighbour (triadic closure) or a random firm; returns -1 when the candidate is
/// unusable (itself, dead, already tied, or beyond the region's search radius).
std::int64_t propose_partner(const World& w, std::size_t i, Stream& s);

/// Forms the month-0 ties by running the search in rounds until the mean degree is reached.
void build_initial_network(World& w);

// The monthly phase itself, phase_network, is declared with the others in models/phases.hpp.

}  // namespace rf
