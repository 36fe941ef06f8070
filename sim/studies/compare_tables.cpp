#include "sim/studies/compare_tables.hpp"

#include "sim/base/number_text.hpp"

namespace rf {

namespace {

/// Adjusts column `p` of the rows across outcomes and stores the result with `set`.
template <class Get, class Set>
void adjust(std::vector<DifferenceRow>& rows, stats::Correction c, Get get, Set set) {
  std::vector<double> p;
  p.reserve(rows.size());
  for (const auto& r : rows) p.push_back(get(r));
  const auto adjusted = stats::adjust_p_values(p, c);
  for (std::size_t o = 0; o < rows.size(); ++o) set(rows[o], adjusted[o]);
}

const char* kWilcoxonMethod =
    "two-sided; zero differences dropped (Wilcoxon); exact null distribution when at most 50 pairs remain and their "
    "absolute values do not tie (wilcoxon_exact = 1), else the normal approximation with tie-corrected variance and "
    "continuity correction 0.5";

}  // namespace

Differences differences(const std::string& first, const std::string& second, const OutcomeRuns& a, const OutcomeRuns& b,
                        bool paired, stats::Correction correction) {
  Differences d;
  d.first = first;
  d.second = second;
  d.paired = paired;
  d.correction = correction;
  for (std::size_t o = 0; o < a.size(); ++o) {
    DifferenceRow row;
    row.unpaired = stats::compare(a[o], b[o]);
    if (paired) row.paired = stats::compare_paired(a[o], b[o]);
    d.rows.push_back(row);
  }
  adjust(
      d.rows, correction, [](const DifferenceRow& r) { return r.unpaired.welch_p; },
      [](DifferenceRow& r, double p) { r.welch_p_adjusted = p; });
  adjust(
      d.rows, correction, [](const DifferenceRow& r) { return r.unpaired.mann_whitney_p; },
      [](DifferenceRow& r, double p) { r.rank_p_adjusted = p; });
  if (paired) {
    adjust(
        d.rows, correction, [](const DifferenceRow& r) { return r.paired.t_p; },
        [](DifferenceRow& r, double p) { r.t_p_adjusted = p; });
    adjust(
        d.rows, correction, [](const DifferenceRow& r) { return r.paired.wilcoxon.p; },
        [](DifferenceRow& r, double p) { r.wilcoxon_p_adjusted = p; });
  }
  return d;
}

void write_differences(ResultFile& file, const Differences& d, const std::vector<std::string>& outcomes) {
  const std::string correction(stats::correction_name(d.correction));
  const std::string design = d.paired ? "paired: runs share seeds (common random numbers)" : "independent seeds";
  Table diff{d.name(),
             "Difference of means (second minus first) with Welch interval, Cohen's d, Welch and Mann-Whitney p-values "
             "(two-sided), raw and adjusted across outcomes",
             outcomes,
             {"difference", "diff_ci_low", "diff_ci_high", "cohens_d", "welch_p", "mann_whitney_p", "welch_p_adjusted",
              "mann_whitney_p_adjusted"},
             {},
             {{"scenario", d.second}, {"baseline", d.first}, {"correction", correction}, {"design", design}}};
  for (const auto& r : d.rows) {
    const auto& c = r.unpaired;
    diff.values.insert(diff.values.end(), {c.difference, c.diff_low, c.diff_high, c.cohens_d, c.welch_p, c.mann_whitney_p,
                                           r.welch_p_adjusted, r.rank_p_adjusted});
  }
  file.write_table("/compare/differences", diff);
  if (!d.paired) return;
  Table paired{d.name(),
               "Paired differences (second minus first, run by run): mean with 95 % t interval, sd, Cohen's d_z, "
               "paired t and Wilcoxon signed-rank p-values (two-sided), raw and adjusted across outcomes",
               outcomes,
               {"difference", "diff_ci_low", "diff_ci_high", "sd_difference", "cohens_dz", "t_p", "t_p_adjusted", "wilcoxon_v",
                "wilcoxon_pairs", "wilcoxon_exact", "wilcoxon_p", "wilcoxon_p_adjusted"},
               {},
               {{"scenario", d.second},
                {"baseline", d.first},
                {"correction", correction},
                {"design", design},
                {"wilcoxon", kWilcoxonMethod}}};
  for (const auto& r : d.rows) {
    const auto& c = r.paired;
    paired.values.insert(paired.values.end(), {c.difference, c.diff_low, c.diff_high, c.sd_difference, c.cohens_dz, c.t_p,
                                               r.t_p_adjusted, c.wilcoxon.v_plus, static_cast<double>(c.wilcoxon.nonzero),
                                               c.wilcoxon.exact ? 1.0 : 0.0, c.wilcoxon.p, r.wilcoxon_p_adjusted});
  }
  file.write_table("/compare/paired", paired);
}

std::vector<std::string> PrecisionReport::unresolved(const std::vector<std::string>& outcomes) const {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    for (std::size_t o = 0; o < outcomes.size(); ++o) {
      if (headline[o] && !resolutions[c][o].resolved()) out.push_back(comparisons[c] + ": " + outcomes[o]);
    }
  }
  return out;
}

void write_precision(ResultFile& file, const PrecisionReport& p, const std::vector<std::string>& outcomes) {
  std::string unresolved;
  for (const auto& u : p.unresolved(outcomes)) unresolved += (unresolved.empty() ? "" : "; ") + u;
  const std::vector<std::pair<std::string, std::string>> attributes = {
      {"rule", p.rule_text()},
      {"relative_half_width", significant(p.rule.relative_half_width, 6)},
      {"pilot", std::to_string(p.rule.pilot)},
      {"batch", std::to_string(p.rule.batch)},
      {"max_runs", std::to_string(p.rule.max_runs)},
      {"max_seconds", significant(p.rule.max_seconds, 6)},
      {"looks_allowed", std::to_string(p.rule.looks())},
      {"sign_alpha", significant(p.rule.sign_alpha(), 6)},
      {"power", significant(p.rule.power, 6)},
      {"runs", std::to_string(p.stop.runs)},
      {"looks", std::to_string(p.stop.looks)},
      {"seconds", significant(p.stop.seconds, 6)},
      {"stop_reason", p.stop.reason},
      {"unresolved", unresolved}};
  for (std::size_t c = 0; c < p.comparisons.size(); ++c) {
    Table t{p.comparisons[c],
            "Each outcome against the precision rule at the last look, with the power analysis (runs per scenario)",
            outcomes,
            {"headline", "resolved", "sign_resolved", "width_resolved", "difference", "half_width", "target_half_width",
             "sd_per_run", "runs_for_width", "runs_for_sign", "runs_needed"},
            {},
            attributes};
    for (std::size_t o = 0; o < outcomes.size(); ++o) {
      const auto& r = p.resolutions[c][o];
      t.values.insert(t.values.end(), {p.headline[o] ? 1.0 : 0.0, r.resolved() ? 1.0 : 0.0, r.sign_resolved ? 1.0 : 0.0,
                                       r.width_resolved ? 1.0 : 0.0, r.difference, r.half_width, r.target_half_width,
                                       r.sd_per_run, r.runs_for_width, r.runs_for_sign, r.runs_needed()});
    }
    file.write_table("/compare/precision", t);
  }
}

}  // namespace rf
