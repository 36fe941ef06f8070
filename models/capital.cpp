#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/policy_risk.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// screening_rate is per bn CNY of capital; fund capital is in m CNY.
constexpr double kMillionCnyPerBillion = 1000.0;

bool seeks_equity(const World& w, std::size_t i) {
  const Firms& f = w.firms;
  if (!f.alive[i] || f.listed[i] || f.pending_fund[i] >= 0) return false;
  if (f.ownership[i] != static_cast<std::uint8_t>(Ownership::Private) || f.birth_month[i] < 0) return false;
  const RegionParams& p = w.regions[f.region[i]].p;
  if (w.month - f.birth_month[i] >= p.seeking_age) return false;
  if (short_of_runway(f, p, i)) return true;
  // A financing gap: growth to the target size needs more cash than the firm holds.
  const RegionState& r = w.regions[f.region[i]];
  const double wage = average_wage(p, f.sector[i]);
  const double target = target_employment(log_tfp(f, p, i), r.price[f.sector[i]], wage, p.labour_elasticity);
  return target > p.growth_gap_ratio * f.employees[i] && f.cash[i] < p.growth_cash_months * wage * (target - f.employees[i]);
}

/// A fund that screened firm i within the last rescreen_months has its answer: the firm returns
/// only after that wait, with new evidence.
bool screenable(const World& w, std::size_t i) {
  const std::int32_t last = w.firms.screened_month[i];
  return last < 0 || w.month - last >= w.regions[w.firms.region[i]].p.rescreen_months;
}

/// Extra hurdle a fund applies: exits expected after its horizon, and the expected loss of the
/// levers' value to the firm from policy reversals over that horizon (models/policy_risk.hpp). A
/// firm that needs compute (an AI firm or adopter) also stands to lose the innovation value of
/// vouchers and data.
double hurdle_for(const Fund& fund, const RegionParams& p, std::uint8_t sector, bool uses_compute) {
  const double cycle = is_tech(sector) ? p.cycle_tech : p.cycle_other;
  const double late = std::max(0.0, cycle - fund.horizon) / fund.horizon;
  const double bar = p.hurdle + late;
  return bar + fund_policy_discount(p, fund.horizon, bar, uses_compute);
}

void pay_round(World& w, std::size_t i) {
  Firms& f = w.firms;
  const auto fund_index = static_cast<std::size_t>(f.pending_fund[i]);
  const Fund& fund = w.funds[fund_index];
  const double amount = f.pending_amount[i];
  f.pending_fund[i] = -1;  // a firm that closed while the fund was deciding has had it returned (exits.cpp)
  RegionState& r = w.regions[f.region[i]];
  // Priced at the firm's fundamental value (at least the amount: a stake is at most one half); the
  // post-money is the firm's mark until its next round or exit (docs/MODEL.md 7.11).
  const double pre_money = std::max(f.fundamental_value[i], amount);
  f.post_money[i] = pre_money + amount;
  f.post_money_month[i] = w.month;
  f.valuation[i] = f.post_money[i];
  // Earlier investors are diluted: their stakes scale by pre / post, so the stakes never sum above 1.
  const double retained = pre_money / (pre_money + amount);
  for (std::int32_t h = f.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    w.holdings[static_cast<std::size_t>(h)].share *= retained;
  }
  w.holdings.push_back({static_cast<std::int32_t>(fund_index), amount / (pre_money + amount), f.holding_head[i]});
  f.holding_head[i] = static_cast<std::int32_t>(w.holdings.size() - 1);
  f.cash[i] += amount;
  f.funding_total[i] += amount;
  f.equity_unspent[i] += amount;
  if (f.rounds[i] < 255) ++f.rounds[i];
  r.flow.invested[static_cast<int>(fund.type)] += amount;
  r.flow.received += amount;
  r.flow.funded += 1.0;
  r.flow.funded_quality += f.log_quality[i];
  FirmEvent& e = w.record_event(i, EventKind::Round);
  e.amount = amount;
  e.pre_money = pre_money;
  e.fund_type = static_cast<std::int8_t>(fund.type);
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

/// Funds screen seeking firms, each at most once per funding episode, update the investors'
/// belief about a firm's quality with a signal whose noise falls with data openness, and back the
/// firm if the posterior mean clears their hurdle; a positive decision is paid after the decision
/// latency. A fund screens at most its partners' capacity.
void phase_capital(World& w) {
  Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  // Seeking firms grouped by region (counting sort keeps slot order inside a region).
  // Each firm is tested once; the seekers, found in slot order, are then placed by region.
  w.seeking_offsets.assign(n_regions + 1, 0);
  w.seeking_found.clear();
  std::vector<double> seekers(n_regions, 0.0);  // all seekers, screened recently or not (funding climate)
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!seeks_equity(w, i)) continue;
    seekers[f.region[i]] += 1.0;
    if (!screenable(w, i)) continue;
    w.seeking_found.push_back(static_cast<std::uint32_t>(i));
    ++w.seeking_offsets[f.region[i] + 1];
  }
  for (std::size_t k = 0; k < n_regions; ++k) w.seeking_offsets[k + 1] += w.seeking_offsets[k];
  w.seeking.resize(w.seeking_found.size());
  {
    std::vector<std::size_t> pos(w.seeking_offsets.begin(), w.seeking_offsets.end() - 1);
    for (const auto i : w.seeking_found) w.seeking[pos[f.region[i]]++] = i;
  }
  for (std::size_t fi = 0; fi < w.funds.size(); ++fi) {
    Fund& fund = w.funds[fi];
    const RegionState& r = w.regions[fund.region];
    const RegionParams& p = r.p;
    const std::size_t begin = w.seeking_offsets[fund.region];
    const auto pool = static_cast<std::uint32_t>(w.seeking_offsets[fund.region + 1] - begin);
    if (pool == 0 || fund.capital <= 0.0) continue;
    const bool designer = fund.type == FundType::Guidance && p.guidance_mode == static_cast<int>(GuidanceMode::Designer);
    const double noise = p.screening_noise * (1.0 - p.noise_reduction * r.lever.data_openness);
    Stream s(w.seed, Entity::Fund, static_cast<std::uint32_t>(fi), static_cast<std::uint32_t>(Decision::Screening),
             static_cast<std::uint32_t>(w.month));
    // Deal flow: more capital looks at more firms, up to what the partners can screen.
    const double capacity = p.fund_partners * p.partner_screens;
    const std::uint32_t candidates = s.poisson(std::min(p.screening_rate * fund.capital / kMillionCnyPerBillion, capacity));
    for (std::uint32_t c = 0; c < std::min(candidates, pool); ++c) {
      // Without replacement within the fund: a partial shuffle of the region's seekers.
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
      const bool uses_compute = f.sector[i] == static_cast<std::uint8_t>(Sector::AI) || f.ai[i];
      const double bar = hurdle_for(fund, p, f.sector[i], uses_compute) - (designer ? p.designer_hurdle_cut : 0.0);
      if (f.belief_mean[i] < bar) continue;
      const double growth = std::pow(p.round_growth, std::min<std::int64_t>(f.rounds[i], p.round_growth_limit));
      const double amount = std::min(fund.capital, p.round_size * growth * (designer ? p.designer_round_multiple : 1.0));
      if (amount <= 0.0) break;
      fund.capital -= amount;
      f.pending_fund[i] = static_cast<std::int32_t>(fi);
      f.pending_month[i] = w.month + static_cast<std::int32_t>(p.decision_latency);
      f.pending_amount[i] = amount;
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
