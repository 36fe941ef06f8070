// Fund life cycles and the stage table of equity rounds (docs/MODEL.md 7.12): what a fund may
// invest from, the round a firm can raise at each stage, and the multiple limited partners look at.
#pragma once
#include <algorithm>
#include <cstdint>

#include "models/world.hpp"

namespace rf {

/// Fund k may make new investments (from uncalled capital): it is in its investment period.
inline bool fund_investing(const Funds& funds, const RegionParams& p, std::size_t k, std::int32_t month) {
  return month - funds.vintage[k] < p.fund_investment_period;
}

/// Fund k is alive (may follow on from reserve, holds its undrawn capital): it is within its life.
inline bool fund_alive(const Funds& funds, const RegionParams& p, std::size_t k, std::int32_t month) {
  return month - funds.vintage[k] < p.fund_life;
}

/// Median pre-money valuation of a round at `stage` (m CNY; the table premoney_seed .. premoney_c).
inline double stage_pre_money(const RegionParams& p, RoundStage stage) {
  const double table[kRoundStages] = {p.premoney_seed, p.premoney_a, p.premoney_b, p.premoney_c};
  return table[static_cast<int>(stage)];
}

/// Median size of a round at `stage`: the amount that buys round_dilution of the firm at the stage's
/// median pre-money, pre x d / (1 - d).
inline double stage_round_size(const RegionParams& p, RoundStage stage) {
  return stage_pre_money(p, stage) * p.round_dilution / (1.0 - p.round_dilution);
}

/// A fund's mandate covers new money in a round at `stage`: seed funds seed and A, growth funds A on.
inline bool mandate_covers(Mandate m, RoundStage stage) {
  return m == Mandate::Seed ? stage <= RoundStage::A : stage >= RoundStage::A;
}

/// What the region's recent vintages have made for their limited partners: (distributed + NAV) over
/// called, summed over the funds of region `region` raised in the last fundraising_window months that
/// have called capital (NAV: each stake at the mark of its living, unlisted firm); 1 when no such fund
/// has called any (docs/MODEL.md 7.12).
double recent_multiple(const World& w, std::size_t region);

/// The month-0 funds of region `region` (models/population.cpp calls it from make_world).
void make_initial_funds(World& w, std::size_t region);

/// Commitments the region's limited partners make this year to new funds of one type: the base
/// (the type's capital over the fund life in years) times min(multiple, fundraising_cap)^elasticity.
double fundraising_amount(const RegionParams& p, double capital, double multiple);

}  // namespace rf
