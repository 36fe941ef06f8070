// `rainforest compare`: prints the comparison of scenarios (paired or unpaired tests, adjusted p), the
// precision the runs reached (--precision), the null model (--null), the Shapley decomposition of their gap and
// the assumptions varied (--robust).
#include <cmath>
#include <cstdio>
#include <string>

#include "sim/cli/commands.hpp"
#include "sim/studies/compare.hpp"

namespace rf::cli {

namespace {

std::string fmt(double v) {
  char buf[32];
  const double a = std::abs(v);
  if (a != 0.0 && (a >= 1e5 || a < 1e-3)) {
    std::snprintf(buf, sizeof buf, "%.3g", v);
  } else {
    std::snprintf(buf, sizeof buf, a >= 100 ? "%.0f" : "%.3g", v);
  }
  return buf;
}

std::string interval(const stats::Interval& i) {
  return fmt(i.mean) + " [" + fmt(i.low) + ", " + fmt(i.high) + "]";
}

std::string p_text(double p) {
  char b[16];
  std::snprintf(b, sizeof b, p < 1e-15 ? "<1e-15" : "%.2g", p);
  return b;
}

std::string effect_text(double d) {
  char b[16];
  std::snprintf(b, sizeof b, std::isnan(d) ? "n/a" : "%.2f", d);
  return b;
}

std::string runs_text(double n) {
  if (!std::isfinite(n)) return "never";
  char b[24];
  std::snprintf(b, sizeof b, "%.0f", std::ceil(n));
  return b;
}

/// Each scenario against the first: means with intervals, the (paired) difference, effect size,
/// raw and adjusted p-values.
void print_differences(const CompareResult& r, const CompareSettings& cs) {
  for (std::size_t k = 1; k < r.scenarios.size(); ++k) {
    const Differences& d = r.differences[k - 1];
    const std::string correction(stats::correction_name(d.correction));
    if (d.paired) {
      std::printf(
          "\n%s vs %s: %zu runs each with common seeds (base %llu), so run i of both is a pair. mean [95%% interval];\n"
          "paired t and Wilcoxon signed-rank tests (W* exact, W normal approximation with tie and continuity corrections);\n"
          "d_z = mean difference / sd of differences; p adjusted across the %zu outcomes by %s.\n",
          d.first.c_str(), d.second.c_str(), r.runs, static_cast<unsigned long long>(cs.seed), r.outcomes.size(),
          correction.c_str());
    } else {
      std::printf(
          "\n%s vs %s: %zu runs each with independent seeds (base %llu). mean [95%% interval]; Welch interval and test,\n"
          "Mann-Whitney rank test (normal approximation, tie-corrected); d = Cohen's d; p adjusted across the %zu outcomes "
          "by %s.\n",
          d.first.c_str(), d.second.c_str(), r.runs, static_cast<unsigned long long>(cs.seed), r.outcomes.size(),
          correction.c_str());
    }
    std::printf("%-28s %-30s %-30s %-32s %6s %8s %8s %9s %8s\n", "outcome", d.first.c_str(), d.second.c_str(),
                d.paired ? "paired difference (2nd - 1st)" : "difference (2nd - 1st)", d.paired ? "d_z" : "d",
                d.paired ? "p t" : "p Welch", "adj.", d.paired ? "p W" : "p rank", "adj.");
    for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
      const auto& row = d.rows[o];
      const auto& u = row.unpaired;
      const auto& p = row.paired;
      const double diff = d.paired ? p.difference : u.difference;
      const double low = d.paired ? p.diff_low : u.diff_low;
      const double high = d.paired ? p.diff_high : u.diff_high;
      const double effect = d.paired ? p.cohens_dz : u.cohens_d;
      const double p1 = d.paired ? p.t_p : u.welch_p, p1_adj = d.paired ? row.t_p_adjusted : row.welch_p_adjusted;
      const double p2 = d.paired ? p.wilcoxon.p : u.mann_whitney_p;
      const double p2_adj = d.paired ? row.wilcoxon_p_adjusted : row.rank_p_adjusted;
      const std::string p2_mark = d.paired && p.wilcoxon.exact ? "*" : "";
      std::printf("%-28s %-30s %-30s %-32s %6s %8s %8s %9s %8s\n", r.outcomes[o].c_str(), interval(r.intervals[0][o]).c_str(),
                  interval(r.intervals[k][o]).c_str(), (fmt(diff) + " [" + fmt(low) + ", " + fmt(high) + "]").c_str(),
                  effect_text(effect).c_str(), p_text(p1).c_str(), p_text(p1_adj).c_str(), (p_text(p2) + p2_mark).c_str(),
                  p_text(p2_adj).c_str());
    }
  }
}

/// The precision rule, why the runs stopped, and each outcome's status with the power analysis.
void print_precision(const CompareResult& r) {
  const PrecisionReport& p = *r.precision;
  std::printf("\nPrecision: %s.\n", p.rule_text().c_str());
  std::printf("Stopped after %zu runs per scenario (looks: %zu, %.1f s): %s.\n", p.stop.runs, p.stop.looks, p.stop.seconds,
              p.stop.reason == "resolved" ? "every headline outcome resolved" : (p.stop.reason + " reached").c_str());
  const auto unresolved = p.unresolved(r.outcomes);
  if (!unresolved.empty()) {
    std::printf("Unresolved headline outcomes:");
    for (const auto& u : unresolved) std::printf(" [%s]", u.c_str());
    std::printf("\n");
  }
  std::printf("Power analysis from the %zu runs: runs per scenario for the width target, and for the sign with power %.2f\n",
              p.stop.runs, p.rule.power);
  std::printf("at level %.3g if the true difference is the observed one (* headline outcome).\n", p.rule.sign_alpha());
  for (std::size_t c = 0; c < p.comparisons.size(); ++c) {
    std::printf("%-28s %-11s %10s %10s %10s %10s %10s %10s\n", p.comparisons[c].c_str(), "status", "difference", "half-width",
                "target", "sd/run", "n width", "n sign");
    for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
      const auto& s = p.resolutions[c][o];
      const std::string status = s.sign_resolved && s.width_resolved ? "sign+width"
                                 : s.sign_resolved                   ? "sign"
                                 : s.width_resolved                  ? "width"
                                                                     : (p.headline[o] ? "UNRESOLVED" : "unresolved");
      std::printf("%-28s %-11s %10s %10s %10s %10s %10s %10s\n", ((p.headline[o] ? "*" : " ") + r.outcomes[o]).c_str(),
                  status.c_str(), fmt(s.difference).c_str(), fmt(s.half_width).c_str(), fmt(s.target_half_width).c_str(),
                  fmt(s.sd_per_run).c_str(), runs_text(s.runs_for_width).c_str(), runs_text(s.runs_for_sign).c_str());
    }
  }
}

void print_decomposition(const CompareResult& r) {
  const ShapleyDecomposition& d = *r.decomposition;
  const auto& names = r.scenarios;
  std::printf(
      "\nShapley decomposition of %s - %s over %zu lever groups (%s, %zu runs each): the part of the gap closed by\n"
      "moving %s's group to %s's values. Every region parameter in which they differ is in one group:\n",
      names[0].c_str(), names[1].c_str(), d.groups.size(), d.exact ? "exact over all coalitions" : "sampled orders of the groups",
      d.runs, names[1].c_str(), names[0].c_str());
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    std::string list;
    for (const auto& p : d.parameters[g]) list += (list.empty() ? "" : ", ") + p;
    std::printf("    %-20s %s%s\n", d.groups[g].c_str(), d.automatic[g] ? "(from the diff) " : "", list.c_str());
  }
  if (!d.unchanged.empty()) {
    std::string list;
    for (const auto& u : d.unchanged) list += (list.empty() ? "" : ", ") + u;
    std::printf("Groups of the file in which the scenarios agree (left out): %s\n", list.c_str());
  }
  std::printf("mean [95%% interval over runs]; the residual is the gap over these runs minus what all groups close.\n");
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    std::printf("\n%s: gap %s - %s = %s (%s over the %zu runs); all groups together close %s; residual %s\n",
                r.outcomes[o].c_str(), names[0].c_str(), names[1].c_str(), fmt(d.gap[o]).c_str(), fmt(d.gap_runs[o]).c_str(),
                d.runs, interval(d.explained[o]).c_str(), fmt(d.gap_runs[o] - d.explained[o].mean).c_str());
    for (std::size_t g = 0; g < d.groups.size(); ++g) {
      std::printf("    %-20s %s\n", d.groups[g].c_str(), interval(d.phi[g][o]).c_str());
    }
  }
}

/// The null model: the gap of two identical cities, and how often it reaches each observed gap.
void print_null_model(const CompareResult& r) {
  const NullModel& m = *r.null;
  const std::size_t pairs = m.gaps.empty() ? 0 : m.gaps.front().pairs;
  std::printf(
      "\nNull model: %s run twice with independent seeds, %zu pairs of identical cities. Their gap (copy - first):\n"
      "median [2.5 %%, 97.5 %% quantiles] over pairs; then, for each comparison, the share of pairs whose |gap| is at\n"
      "least the observed |mean difference| (how often chance alone separates two real cities, one history each, by\n"
      "that much; k/n: the pairs it rests on).\n",
      m.copy_of.c_str(), pairs);
  std::printf("%-28s %-34s", "outcome", "gap of identical cities");
  for (const auto& c : m.comparisons) std::printf(" %-26s", (c + " - " + m.copy_of).c_str());
  std::printf("\n");
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    const NullGap& g = m.gaps[o];
    std::printf("%-28s %-34s", r.outcomes[o].c_str(), (fmt(g.median) + " [" + fmt(g.q025) + ", " + fmt(g.q975) + "]").c_str());
    for (const auto& row : m.chance) {
      const NullChance& c = row[o];
      char share[64];
      std::snprintf(share, sizeof share, "%s: %.2f (%zu/%zu)", fmt(c.observed).c_str(), c.share(), c.at_least, c.pairs);
      std::printf(" %-26s", share);
    }
    std::printf("\n");
  }
}

/// --robust: per outcome the baseline difference, the shares of the assumption space where it
/// keeps its sign (resolved), flips (resolved) or is unresolved, and the assumptions that move it most.
void print_robust(const CompareResult& r) {
  const RobustReport& rr = *r.robust;
  const auto& names = r.scenarios;
  std::size_t joint = 0;
  for (const auto& d : rr.dimensions) joint += d.joint() ? 1 : 0;
  std::printf(
      "\nAssumptions varied: %zu points of a Latin hypercube (seed %llu) over %zu assumptions (%zu varied jointly in both\n"
      "scenarios, %zu in one), %zu paired runs per scenario at each point; %zu of %zu points valid. Per outcome, the\n"
      "difference %s - %s at the scenarios' own values, and the share of valid points where it is resolved (paired t,\n"
      "p adjusted by %s < %.2g) with the same sign, with the other sign, or unresolved.\n",
      rr.points, static_cast<unsigned long long>(rr.seed), rr.dimensions.size(), joint, rr.dimensions.size() - joint, rr.runs,
      rr.valid_points(), rr.points, names[1].c_str(), names[0].c_str(), rr.correction.c_str(), rr.alpha);
  if (!rr.held.empty()) {
    std::printf("Held at their values (changed without a range of their own):\n");
    for (const auto& h : rr.held) std::printf("    %s\n", h.c_str());
  }
  for (std::size_t p = 0; p < rr.points; ++p) {
    if (!rr.valid[p]) std::printf("Point %zu left out: %s\n", p, rr.invalid[p].c_str());
  }
  std::printf("%-28s %-22s %6s %7s %10s  %s\n", "outcome", "baseline (adj. p)", "kept", "flipped", "unresolved",
              "assumptions moving the difference most (Spearman rho)");
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    std::string top;
    const auto order = rr.ranking(o);
    for (std::size_t i = 0; i < order.size() && i < 3; ++i) {
      char rho[32];
      std::snprintf(rho, sizeof rho, " %+.2f", rr.rank_correlation[order[i]][o]);
      top += (top.empty() ? "" : ", ") + rr.dimensions[order[i]].name + rho;
    }
    char share[3][16];
    std::snprintf(share[0], sizeof share[0], "%.2f", rr.kept[o]);
    std::snprintf(share[1], sizeof share[1], "%.2f", rr.flipped[o]);
    std::snprintf(share[2], sizeof share[2], "%.2f", rr.unresolved[o]);
    std::printf("%-28s %-22s %6s %7s %10s  %s\n", r.outcomes[o].c_str(),
                (fmt(rr.baseline_difference[o]) + " (" + p_text(rr.baseline_p_adjusted[o]) + ")").c_str(), share[0], share[1],
                share[2], top.c_str());
  }
  std::printf(
      "|rho| above %.2f differs from 0 at the 5 %% level over %zu points; all of them: /compare/robust/rank_correlation.\n",
      rr.rank_correlation_threshold(), rr.valid_points());
}

}  // namespace

int compare(const CompareSettings& settings) {
  const CompareResult r = run_compare(settings);
  if (r.already_complete) {
    if (!settings.quiet) std::printf("%s is already complete: nothing to resume\n", settings.out.c_str());
    return 0;
  }
  std::printf("%zu scenarios x %zu runs in %.1f s on %u threads\n", r.scenarios.size(), r.runs, r.seconds, settings.threads);
  print_differences(r, settings);
  if (r.precision) print_precision(r);
  if (r.null) print_null_model(r);
  if (r.decomposition) print_decomposition(r);
  if (r.robust) print_robust(r);
  if (!settings.quiet) std::printf("\nwrote %s\n", settings.out.c_str());
  return 0;
}

}  // namespace rf::cli
