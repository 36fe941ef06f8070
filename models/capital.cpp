#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "models/economics.hpp"
#include "models/funds.hpp"
#include "models/phases.hpp"
#include "models/policy_risk.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// screening_rate is per bn CNY of capital; fund capital is in m CNY.
constexpr double kMillionCnyPerBillion = 1000.0;

bool seeks_equity(const World& w, const SectorLabourTable& labour, std::size_t i) {
  const Firms& f = w.firms;
  if (!f.alive[i] || f.listed[i] || f.pending_fund[i] >= 0) return false;
  if (f.ownership[i] != static_cast<std::uint8_t>(Ownership::Private) || f.birth_month[i] < 0) return false;
  const RegionParams& p = w.regions[f.region[i]].p;
  if (w.month - f.birth_month[i] >= p.seeking_age) return false;
  if (short_of_runway(f, p, i)) return true;
  // A funded firm raises its next round before its cash runs out at its planned burn (wages, fixed
  // cost and the development its last round planned), as venture-backed firms do.
  if (f.equity_burn[i] > 0.0 && f.cash[i] < p.runway_months * (wage_bill(f, p, i) + p.fixed_cost + f.equity_burn[i])) {
    return true;
  }
  // A financing gap: growth to the target size needs more cash than the firm holds.
  const SectorLabour& sl = labour[f.region[i]][f.sector[i]];
  const double wage = sl.wage;
  const double target = target_employment_at(sl.log_terms, log_tfp(f, p, i), p.labour_elasticity);
  return target > p.growth_gap_ratio * f.employees[i] && f.cash[i] < p.growth_cash_months * wage * (target - f.employees[i]);
}

/// A fund that screened firm i within the last rescreen_months has its answer: the firm returns
/// only after that wait, with new evidence.
bool screenable(const World& w, std::size_t i) {
  const std::int32_t last = w.firms.screened_month[i];
  return last < 0 || w.month - last >= w.regions[w.firms.region[i]].p.rescreen_months;
}

/// Extra hurdle a fund applies: exits expected after its horizon and, for a firm that needs compute
/// (an AI firm or adopter), the expected loss of the innovation value of vouchers and data from
/// policy reversals over that horizon (models/policy_risk.hpp).
double hurdle_for(double horizon, const RegionParams& p, std::uint8_t sector, bool needs_compute) {
  const double cycle = is_tech(sector) ? p.cycle_tech : p.cycle_other;
  const double late = std::max(0.0, cycle - horizon) / horizon;
  return p.hurdle + late + fund_policy_discount(p, horizon, needs_compute);
}

/// A designer-mode guidance fund: picks winners in its target sector (lower bar, larger rounds).
bool is_designer(const Funds& funds, std::size_t k, const RegionParams& p) {
  return funds.type[k] == FundType::Guidance && p.guidance_mode == static_cast<int>(GuidanceMode::Designer);
}

/// Evidence since firm i's last round (a first round needs none): a patent, or smoothed revenue up by
/// milestone_revenue_growth on what it was at that round.
bool met_milestone(const Firms& f, const RegionParams& p, std::size_t i) {
  if (f.rounds[i] == 0) return true;
  if (f.patents[i] > f.round_patents[i]) return true;
  return f.revenue_avg[i] > 0.0 && f.revenue_avg[i] >= (1.0 + p.milestone_revenue_growth) * f.round_revenue[i];
}

struct Terms {
  RoundStage stage;
  double amount;
  double pre_money;
};

/// The round firm i can raise (docs/MODEL.md 7.12). With a milestone, its next stage (a first round
/// is seed; after C, C again) at the stage's median size and a pre-money of the stage's median, or the
/// firm's fundamental value or last post-money if higher. Without one, a bridge at its current stage:
/// the stage's size at the price that sells round_dilution of the firm's fundamental value or less,
/// pre = max(F, amount (1 - d) / d), which is below its last post-money unless its value has grown.
Terms round_terms(const Firms& f, const RegionParams& p, std::size_t i, bool milestone, double size_multiple) {
  if (milestone) {
    const auto stage = static_cast<RoundStage>(std::min<int>(f.funding_stage[i], kRoundStages - 1));
    const double pre = std::max({stage_pre_money(p, stage), f.fundamental_value[i], f.post_money[i]});
    return {stage, size_multiple * stage_round_size(p, stage), pre};
  }
  const auto stage = static_cast<RoundStage>(std::max(0, f.funding_stage[i] - 1));
  const double amount = size_multiple * stage_round_size(p, stage);
  return {stage, amount, std::max(f.fundamental_value[i], amount * (1.0 - p.round_dilution) / p.round_dilution)};
}

/// Fund k commits a round to firm i, from its reserve (a follow-on) or its uncalled capital; it is
/// paid decision_latency months later (returned to the fund if the firm closes first, models/exits.cpp).
void commit(World& w, std::size_t i, std::size_t k, const Terms& t, bool from_reserve) {
  Firms& f = w.firms;
  (from_reserve ? w.funds.reserve[k] : w.funds.uncalled[k]) -= t.amount;
  f.pending_fund[i] = static_cast<std::int32_t>(k);
  f.pending_month[i] = w.month + static_cast<std::int32_t>(w.regions[f.region[i]].p.decision_latency);
  f.pending_amount[i] = t.amount;
  f.pending_pre_money[i] = t.pre_money;
  f.pending_stage[i] = static_cast<std::uint8_t>(t.stage);
  f.pending_reserve[i] = from_reserve ? 1 : 0;
}

void pay_round(World& w, std::size_t i) {
  Firms& f = w.firms;
  const auto k = static_cast<std::size_t>(f.pending_fund[i]);
  const double amount = f.pending_amount[i];
  const double pre_money = f.pending_pre_money[i];
  f.pending_fund[i] = -1;  // a firm that closed while the fund was deciding has had it returned (exits.cpp)
  RegionState& r = w.regions[f.region[i]];
  w.funds.called[k] += amount;  // capital is called when it is invested
  // A down round: priced below the post-money of the firm's last round.
  if (f.rounds[i] > 0 && pre_money < f.post_money[i]) r.flow.down_rounds += 1.0;
  // The post-money is the firm's mark until its next round or exit (docs/MODEL.md 7.11).
  f.post_money[i] = pre_money + amount;
  f.post_money_month[i] = w.month;
  f.valuation[i] = f.post_money[i];
  // Earlier investors are diluted: their stakes scale by pre / post, so the stakes never sum above 1.
  const double retained = pre_money / (pre_money + amount);
  for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    w.holdings[static_cast<std::size_t>(h)].share *= retained;
  }
  w.holdings.push_back({static_cast<std::int32_t>(k), amount / (pre_money + amount), f.holding_head[i]});
  f.holding_head[i] = static_cast<std::int32_t>(w.holdings.size() - 1);
  f.cash[i] += amount;
  f.funding_total[i] += amount;
  f.equity_unspent[i] += amount;
  // The firm plans to spend its unspent equity over round_runway_months (docs/MODEL.md 7.11).
  f.equity_burn[i] = f.equity_unspent[i] / r.p.round_runway_months;
  const std::uint8_t stage = f.pending_stage[i];
  f.funding_stage[i] = std::max<std::uint8_t>(f.funding_stage[i], stage + 1);
  f.round_revenue[i] = f.revenue_avg[i];
  f.round_patents[i] = f.patents[i];
  if (f.rounds[i] < 255) ++f.rounds[i];
  r.flow.invested[static_cast<int>(w.funds.type[k])] += amount;
  r.flow.received += amount;
  r.flow.funded += 1.0;
  if (f.rounds[i] == 1) r.flow.first_funded += 1.0;  // rounds was just incremented
  r.flow.funded_quality += f.log_quality[i];
  FirmEvent& e = w.record_event(i, EventKind::Round);
  e.amount = amount;
  e.pre_money = pre_money;
  e.fund_type = static_cast<std::int8_t>(w.funds.type[k]);
  e.stage = static_cast<std::int8_t>(stage);
}

/// Noise of a screening signal in region r: it falls with data openness.
double screening_noise(const RegionState& r) {
  return r.p.screening_noise * (1.0 - r.p.noise_reduction * r.lever.data_openness);
}

/// A funded firm seeking its next round asks its investors first, most recent first: the first
/// that is alive, holds the round in reserve and whose bar the updated belief clears leads it
/// (a follow-on). With a milestone the round is the next stage's; without, a bridge at the current
/// stage (docs/MODEL.md 7.12). Returns whether a round was committed.
bool insider_round(World& w, std::size_t i) {
  Firms& f = w.firms;
  const RegionState& r = w.regions[f.region[i]];
  const RegionParams& p = r.p;
  Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::FollowOn), static_cast<std::uint32_t>(w.month));
  const double noise = screening_noise(r);
  f.screened_month[i] = w.month;
  update_belief(f, i, f.log_quality[i] + noise * s.normal(), noise);
  const bool milestone = met_milestone(f, p, i);
  for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    const auto k = static_cast<std::size_t>(w.holdings[static_cast<std::size_t>(h)].fund);
    if (!fund_alive(w.funds, p, k, w.month)) continue;
    const bool designer = is_designer(w.funds, k, p);
    const Terms t = round_terms(f, p, i, milestone, designer ? p.designer_round_multiple : 1.0);
    if (w.funds.reserve[k] < t.amount) continue;
    const bool needs_compute = uses_compute(f, i);
    const double bar = hurdle_for(w.funds.horizon[k], p, f.sector[i], needs_compute) - (designer ? p.designer_hurdle_cut : 0.0);
    if (f.belief_mean[i] < bar) continue;
    commit(w, i, k, t, true);
    return true;
  }
  return false;
}

}  // namespace

/// Normal-normal updating of the investors' belief about firm i's log quality with one signal of
/// standard deviation `noise`: the precision-weighted mean of belief and signal (docs/MODEL.md
/// 7.12). A noiseless signal reveals the quality.
void update_belief(Firms& f, std::size_t i, double signal, double noise) {
  if (noise <= 0.0) {
    f.belief_mean[i] = f.log_quality[i];
    f.belief_precision[i] = std::numeric_limits<double>::infinity();
    return;
  }
  if (std::isinf(f.belief_precision[i])) return;
  const double precision = 1.0 / (noise * noise);
  f.belief_mean[i] = (f.belief_precision[i] * f.belief_mean[i] + precision * signal) / (f.belief_precision[i] + precision);
  f.belief_precision[i] += precision;
}

/// A funded seeker asks its investors first (a follow-on from reserve, or a bridge without a
/// milestone); then funds in their investment period screen seekers whose next round their stage
/// mandate covers, each seeker at most once per funding episode, update the investors' belief about
/// its quality with a signal whose noise falls with data openness, and back it if the posterior mean
/// clears their hurdle and their uncalled capital holds the round. A positive decision is paid
/// after the decision latency. A fund screens at most its partners' capacity.
void phase_capital(World& w) {
  Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  std::vector<double> seekers(n_regions, 0.0);  // all seekers, screened recently or not (funding climate)
  w.seeking_found.clear();
  const SectorLabourTable labour = sector_labour(w);  // prices are fixed from the market phase on
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!seeks_equity(w, labour, i)) continue;
    seekers[f.region[i]] += 1.0;
    if (!screenable(w, i)) continue;
    // Insiders first; a funded firm without a milestone has no round to offer new investors.
    if (f.rounds[i] > 0 && (insider_round(w, i) || !met_milestone(f, w.regions[f.region[i]].p, i))) continue;
    w.seeking_found.push_back(static_cast<std::uint32_t>(i));
  }
  // The open seekers grouped by region and the stage of their next round (counting sort keeps slot
  // order inside a group), so that the stages a mandate covers are one contiguous range.
  auto group = [&f](std::size_t i) {
    return f.region[i] * static_cast<std::size_t>(kRoundStages) + std::min<std::size_t>(f.funding_stage[i], kRoundStages - 1);
  };
  w.seeking_offsets.assign(n_regions * kRoundStages + 1, 0);
  for (const auto i : w.seeking_found) ++w.seeking_offsets[group(i) + 1];
  for (std::size_t g = 0; g + 1 < w.seeking_offsets.size(); ++g) w.seeking_offsets[g + 1] += w.seeking_offsets[g];
  w.seeking.resize(w.seeking_found.size());
  {
    std::vector<std::size_t> pos(w.seeking_offsets.begin(), w.seeking_offsets.end() - 1);
    for (const auto i : w.seeking_found) w.seeking[pos[group(i)]++] = i;
  }
  Funds& funds = w.funds;
  for (std::size_t fi = 0; fi < funds.size(); ++fi) {
    const RegionState& r = w.regions[funds.region[fi]];
    const RegionParams& p = r.p;
    if (funds.uncalled[fi] <= 0.0 || !fund_investing(funds, p, fi, w.month)) continue;
    const std::size_t base = funds.region[fi] * static_cast<std::size_t>(kRoundStages);
    const bool seed = funds.mandate[fi] == Mandate::Seed;
    const std::size_t begin = w.seeking_offsets[base + (seed ? 0 : 1)];
    const std::size_t end = w.seeking_offsets[base + (seed ? 2 : kRoundStages)];
    const auto pool = static_cast<std::uint32_t>(end - begin);
    if (pool == 0) continue;
    const bool designer = is_designer(funds, fi, p);
    const double noise = screening_noise(r);
    Stream s(w.seed, Entity::Fund, static_cast<std::uint32_t>(fi), static_cast<std::uint32_t>(Decision::Screening),
             static_cast<std::uint32_t>(w.month));
    // Deal flow: more uncalled capital looks at more firms, up to what the partners can screen.
    const double capacity = p.fund_partners * p.partner_screens;
    const std::uint32_t candidates = s.poisson(std::min(p.screening_rate * funds.uncalled[fi] / kMillionCnyPerBillion, capacity));
    for (std::uint32_t c = 0; c < std::min(candidates, pool); ++c) {
      // Without replacement within the fund: a partial shuffle of the seekers its mandate covers.
      std::swap(w.seeking[begin + c], w.seeking[begin + c + s.below(pool - c)]);
      const std::size_t i = w.seeking[begin + c];
      const double draw = s.normal();
      if (f.pending_fund[i] >= 0) continue;  // backed by another fund this month
      if (designer && f.sector[i] != p.guidance_target) continue;
      // One signal per funding episode: the first fund to look reads it, and every fund that
      // looks at the firm this month decides on the same belief (no fresh draw, no lottery).
      if (f.screened_month[i] != w.month) {
        f.screened_month[i] = w.month;
        update_belief(f, i, f.log_quality[i] + noise * draw, noise);
      }
      // Designers pick winners: a lower bar and concentrated, larger rounds.
      const bool needs_compute = uses_compute(f, i);
      const double bar = hurdle_for(funds.horizon[fi], p, f.sector[i], needs_compute) - (designer ? p.designer_hurdle_cut : 0.0);
      if (f.belief_mean[i] < bar) continue;
      const Terms t = round_terms(f, p, i, true, designer ? p.designer_round_multiple : 1.0);
      if (funds.uncalled[fi] < t.amount) continue;  // a round is the table's size or nothing
      commit(w, i, fi, t, false);
    }
  }
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.pending_fund[i] >= 0 && f.pending_month[i] <= w.month) pay_round(w, i);
  }
  // The funding climate would-be founders look at: rounds per seeking firm, averaged over about
  // climate_months.
  for (std::size_t k = 0; k < n_regions; ++k) {
    RegionState& r = w.regions[k];
    const double rate = seekers[k] > 0.0 ? r.flow.funded / seekers[k] : 0.0;
    r.funding_climate += (rate - r.funding_climate) / r.p.climate_months;
  }
}

}  // namespace rf
