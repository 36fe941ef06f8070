// `rainforest compare`: prints the comparison of scenarios and the Shapley decomposition of their gap.
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

void print_differences(const CompareResult& r, const CompareSettings& cs) {
  const auto& names = r.scenarios;
  for (std::size_t k = 1; k < names.size(); ++k) {
    std::printf("\n%s vs %s: %zu runs each, common seeds (base %llu); mean [95%% interval]\n", names[0].c_str(), names[k].c_str(),
                cs.runs, static_cast<unsigned long long>(cs.seed));
    std::printf("%-20s %-32s %-32s %-32s %7s %9s %9s\n", "outcome", names[0].c_str(), names[k].c_str(), "difference (2nd - 1st)",
                "d", "p Welch", "p rank");
    for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
      const auto& c = r.differences[k - 1][o];
      char d_text[16];
      std::snprintf(d_text, sizeof d_text, std::isnan(c.cohens_d) ? "n/a" : "%.2f", c.cohens_d);
      std::printf("%-20s %-32s %-32s %-32s %7s %9s %9s\n", r.outcomes[o].c_str(), interval(r.intervals[0][o]).c_str(),
                  interval(r.intervals[k][o]).c_str(),
                  (fmt(c.difference) + " [" + fmt(c.diff_low) + ", " + fmt(c.diff_high) + "]").c_str(), d_text,
                  p_text(c.welch_p).c_str(), p_text(c.mann_whitney_p).c_str());
    }
  }
}

void print_decomposition(const CompareResult& r) {
  const ShapleyDecomposition& d = *r.decomposition;
  const auto& names = r.scenarios;
  std::printf(
      "\nShapley decomposition of %s - %s over %zu lever groups (%s, %zu runs each): the part of the gap closed by\n"
      "moving %s's group to %s's values. mean [95%% interval over runs]\n",
      names[0].c_str(), names[1].c_str(), d.groups.size(), d.exact ? "exact over all coalitions" : "sampled orders of the groups",
      d.runs, names[1].c_str(), names[0].c_str());
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    std::printf(
        "\n%s: gap %s - %s = %s; all groups together close %s; not explained by the groups (size, other parameters): %s\n",
        r.outcomes[o].c_str(), names[0].c_str(), names[1].c_str(), fmt(d.gap[o]).c_str(), interval(d.explained[o]).c_str(),
        fmt(d.gap[o] - d.explained[o].mean).c_str());
    for (std::size_t g = 0; g < d.groups.size(); ++g) {
      std::printf("    %-20s %s\n", d.groups[g].c_str(), interval(d.phi[g][o]).c_str());
    }
  }
}

}  // namespace

int compare(const CompareSettings& settings) {
  const CompareResult r = run_compare(settings);
  print_differences(r, settings);
  if (r.decomposition) print_decomposition(r);
  if (!settings.quiet) std::printf("\nwrote %s\n", settings.out.c_str());
  return 0;
}

}  // namespace rf::cli
