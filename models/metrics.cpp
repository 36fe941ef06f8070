#include "models/metrics.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "models/economics.hpp"
#include "models/funds.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {
// Wedges sampled per region for the clustering estimate: standard error at most 0.011.
constexpr std::uint32_t kClusteringSamples = 2000;

const MetricSpec kMetrics[] = {
#define RF_METRIC(NAME, UNIT, DESC) {#NAME, UNIT, DESC},
#include "models/metrics.def"
#undef RF_METRIC
};

/// Share of sampled wedges (two neighbours of a node) that are closed, averaged per node:
/// an unbiased estimate of the average local clustering over nodes of degree >= 2.
double sampled_clustering(const World& w, std::size_t region, std::uint32_t samples) {
  const Firms& f = w.firms;
  std::vector<std::uint32_t> candidates;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.alive[i] && f.region[i] == region && w.graph.degree(i) >= 2) candidates.push_back(static_cast<std::uint32_t>(i));
  }
  if (candidates.empty()) return 0.0;
  Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(region), static_cast<std::uint32_t>(Decision::Metrics),
           static_cast<std::uint32_t>(w.month));
  const auto n = static_cast<std::uint32_t>(candidates.size());
  const bool exact = n <= samples;
  double closed = 0.0;
  const std::uint32_t draws = exact ? n : samples;
  for (std::uint32_t k = 0; k < draws; ++k) {
    const std::uint32_t i = exact ? candidates[k] : candidates[s.below(n)];
    const auto row = w.graph.neighbours(i);
    const auto deg = static_cast<std::uint32_t>(row.size());
    const std::uint32_t a = s.below(deg);
    std::uint32_t b = s.below(deg - 1);
    if (b >= a) ++b;
    closed += w.graph.has_edge(row[a], row[b]) ? 1.0 : 0.0;
  }
  return closed / static_cast<double>(draws);
}

}  // namespace

bool is_unicorn(const Firms& f, const RegionParams& p, std::size_t i) {
  return f.alive[i] && is_tech(f.sector[i]) && !f.listed[i] && f.ownership[i] != static_cast<std::uint8_t>(Ownership::State) &&
         f.valuation[i] >= p.unicorn_valuation;
}

std::span<const MetricSpec> metric_table() {
  return kMetrics;
}

namespace {
/// exp(log A) of living firm i. The market phase took the exp of most firms' log A this month;
/// where log A is still the same bits, that value is the same bits too, so it is reused (an
/// acquirer's knowledge, for one, changed after the market phase: its exp is taken again).
double tfp(const World& w, std::size_t i) {
  const double log_a = log_tfp(w.firms, w.regions[w.firms.region[i]].p, i);
  const bool same = i < w.market_tfp.size() && w.market_log_tfp[i] == log_a;
  return same ? w.market_tfp[i] : std::exp(log_a);
}
}  // namespace

void collect_metrics(const World& w, std::span<double> row, bool network_month) {
  const Firms& f = w.firms;
  const std::size_t n_regions = w.regions.size();
  struct Tally {
    double alive = 0, privately = 0, tech = 0, ai_sector = 0, employment = 0, ai = 0, weighted_a = 0, revenue = 0, compute = 0;
    std::array<double, kSectors> sector_firms{}, sector_ai{};
    double rd = 0, unicorns = 0, unicorns_born = 0, unicorns_funded = 0, degree = 0, incubated = 0;
  };
  std::vector<Tally> t(n_regions);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    Tally& x = t[f.region[i]];
    const RegionState& r = w.regions[f.region[i]];
    x.alive += 1.0;
    x.privately += f.ownership[i] == static_cast<std::uint8_t>(Ownership::Private) ? 1.0 : 0.0;
    x.tech += is_tech(f.sector[i]) ? 1.0 : 0.0;
    x.ai_sector += f.sector[i] == static_cast<std::uint8_t>(Sector::AI) ? 1.0 : 0.0;
    x.employment += f.employees[i];
    x.ai += f.ai[i];
    x.sector_firms[f.sector[i]] += 1.0;
    x.sector_ai[f.sector[i]] += f.ai[i];
    x.weighted_a += f.employees[i] * tfp(w, i);
    x.revenue += f.revenue[i];
    x.compute += f.compute_bill[i];
    x.rd += f.rd_spend[i];
    if (is_unicorn(f, r.p, i)) {
      x.unicorns += 1.0;
      x.unicorns_born += f.birth_month[i] >= 0 ? 1.0 : 0.0;
      x.unicorns_funded += f.funding_total[i] > 0.0 ? 1.0 : 0.0;
    }
    x.degree += w.graph.degree(i);
    x.incubated += f.incubated_until[i] > w.month ? 1.0 : 0.0;
  }
  std::vector<double> giant(n_regions, std::numeric_limits<double>::quiet_NaN());
  if (network_month) {
    std::uint32_t count = 0;
    const auto component = connected_components(w.graph, count);
    std::vector<double> size(count, 0.0);
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f.alive[i]) size[component[i]] += 1.0;
    }
    std::uint32_t largest = 0;
    for (std::uint32_t c = 1; c < count; ++c) {
      if (size[c] > size[largest]) largest = c;
    }
    std::vector<double> in_giant(n_regions, 0.0);
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f.alive[i] && count > 0 && component[i] == largest) in_giant[f.region[i]] += 1.0;
    }
    for (std::size_t k = 0; k < n_regions; ++k) giant[k] = t[k].alive > 0 ? in_giant[k] / t[k].alive : 0.0;
  }
  std::vector<double> uni_knowledge(n_regions, 0.0);
  for (const auto& u : w.universities) uni_knowledge[u.region] += u.knowledge;
  std::vector<double> fund_capital(n_regions, 0.0);
  std::vector<double> fund_committed(n_regions, 0.0);
  for (std::size_t j = 0; j < w.funds.size(); ++j) {
    const std::uint8_t reg = w.funds.region[j];
    fund_capital[reg] += w.funds.uncalled[j] + w.funds.reserve[j];
    if (fund_alive(w.funds, w.regions[reg].p, j, w.month)) fund_committed[reg] += w.funds.committed[j];
  }

  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t k = 0; k < n_regions; ++k) {
    const RegionState& r = w.regions[k];
    const Tally& x = t[k];
    const RegionFlows& fl = r.flow;
    auto set = [&](Metric m, double v) { row[k * kMetricCount + static_cast<std::size_t>(m)] = v; };
    auto ratio = [](double a, double b) { return b > 0.0 ? a / b : 0.0; };
    const double value_added = x.revenue - x.compute;
    int reversed = 0;
    for (auto until : r.reversed_until) reversed += until > w.month ? 1 : 0;
    set(Metric::firms_alive, x.alive);
    set(Metric::births_graduate, fl.births[static_cast<int>(Origin::Graduate)]);
    set(Metric::births_academic, fl.births[static_cast<int>(Origin::Academic)]);
    set(Metric::births_corporate, fl.births[static_cast<int>(Origin::Corporate)]);
    set(Metric::births_refounder, fl.births[static_cast<int>(Origin::Refounder)]);
    set(Metric::births_other, fl.births[static_cast<int>(Origin::Other)]);
    set(Metric::deaths, fl.deaths);
    set(Metric::private_share, ratio(x.privately, x.alive));
    set(Metric::private_firms, x.privately);
    set(Metric::tech_firms, x.tech);
    set(Metric::ai_firms, x.ai_sector);
    set(Metric::employment, x.employment);
    set(Metric::startups_funded, fl.funded);
    set(Metric::firms_first_funded, fl.first_funded);
    set(Metric::funded_quality, fl.funded_quality);
    set(Metric::invested_vc, fl.invested[static_cast<int>(FundType::Venture)]);
    set(Metric::invested_patient, fl.invested[static_cast<int>(FundType::Patient)]);
    set(Metric::invested_guidance, fl.invested[static_cast<int>(FundType::Guidance)]);
    set(Metric::fund_capital, fund_capital[k]);
    set(Metric::fund_committed, fund_committed[k]);
    set(Metric::funds_raised, fl.funds_raised);
    set(Metric::down_rounds, fl.down_rounds);
    set(Metric::exits_ipo, fl.exits_ipo);
    set(Metric::exits_acquisition, fl.exits_acq);
    set(Metric::exit_proceeds, fl.exit_proceeds);
    set(Metric::unicorns, x.unicorns);
    set(Metric::unicorns_born, x.unicorns_born);
    set(Metric::unicorns_funded, x.unicorns_funded);
    set(Metric::ai_adoption_share, ratio(x.ai, x.alive));
    const Metric by_sector[kSectors] = {Metric::ai_adoption_ai, Metric::ai_adoption_hardtech, Metric::ai_adoption_heavy,
                                        Metric::ai_adoption_services};
    for (int s = 0; s < kSectors; ++s) set(by_sector[s], ratio(x.sector_ai[s], x.sector_firms[s]));
    set(Metric::mean_productivity, ratio(x.weighted_a, x.employment));
    set(Metric::value_added, value_added);
    set(Metric::rd_spend, x.rd);
    set(Metric::rd_intensity, ratio(x.rd, value_added));
    set(Metric::innovations, fl.innovations);
    set(Metric::innovations_ai, fl.innovations_ai);
    set(Metric::patents, fl.patents);
    set(Metric::compute_utilisation, r.compute_utilisation);
    set(Metric::compute_price, r.compute_price);
    set(Metric::voucher_spend, fl.voucher_spend);
    set(Metric::compute_used, fl.compute_used);
    set(Metric::compute_spend, fl.compute_spend);
    set(Metric::compute_spend_ai, fl.compute_spend_ai);
    set(Metric::compute_capacity, r.compute_capacity);
    set(Metric::compute_imported, r.compute_imported);
    set(Metric::budget_spent, fl.budget_spent);
    set(Metric::reversals_active, reversed);
    set(Metric::incubated, x.incubated);
    set(Metric::university_knowledge, uni_knowledge[k]);
    set(Metric::graduates_produced, fl.graduates_produced);
    set(Metric::graduates_retained, fl.graduates_retained);
    set(Metric::graduates_emigrated, fl.graduates_emigrated);
    set(Metric::graduates_immigrated, fl.graduates_immigrated);
    set(Metric::skilled_pool, r.skilled_pool);
    set(Metric::mean_degree, ratio(x.degree, x.alive));
    set(Metric::clustering, network_month ? sampled_clustering(w, k, kClusteringSamples) : nan);
    set(Metric::giant_component_share, giant[k]);
  }
}

void check_accounting(const World& w) {
  constexpr double kTol = 1e-6;
  for (const auto& r : w.regions) {
    const RegionFlows& fl = r.flow;
    const double invested = fl.invested[0] + fl.invested[1] + fl.invested[2];
    auto fail = [&](const std::string& what) {
      throw ModelError("accounting identity failed in region '" + r.name + "', month " + std::to_string(w.month) + ": " + what,
                       "This is a bug in rainforest: please report it with the scenario and seed.");
    };
    if (std::abs(invested - fl.received) > kTol * (1.0 + invested)) fail("funds invested != capital firms received");
    if (r.voucher_left < -kTol) fail("voucher spending exceeded the annual voucher budget");
    if (r.budget_left < -kTol * (1.0 + r.p.science_budget)) fail("the science budget was overspent");
    if (std::abs(fl.graduates_produced - fl.graduates_retained - fl.graduates_emigrated) > kTol) {
      fail("graduates produced != retained + emigrated");
    }
  }
  for (std::size_t j = 0; j < w.funds.size(); ++j) {
    if (!(w.funds.uncalled[j] >= -kTol) || !(w.funds.reserve[j] >= -kTol)) {
      throw ModelError("a fund's capital became negative or NaN in month " + std::to_string(w.month),
                       "This is a bug in rainforest: please report it with the scenario and seed.");
    }
  }
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    if (!std::isfinite(f.cash[i]) || !std::isfinite(f.employees[i]) || !std::isfinite(f.log_productivity[i])) {
      throw ModelError("firm " + std::to_string(f.id[i]) + " has a non-finite state in month " + std::to_string(w.month),
                       "Parameters may be at an extreme; otherwise this is a bug: please report it.");
    }
  }
}

}  // namespace rf
