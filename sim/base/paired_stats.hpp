// Tests for paired samples: runs of two scenarios that share their seeds (common random numbers)
// differ by the scenario and not by the draws, so the run-by-run differences are the data.
// Distributions come from Boost.Math.
#pragma once
#include <cstddef>
#include <span>

namespace rf::stats {

/// Wilcoxon signed-rank test of the differences d_i against a median of 0 (two-sided).
/// Zero differences are dropped (Wilcoxon's convention, scipy's zero_method="wilcox"); the
/// absolute values of the rest are ranked, ties getting their average rank.
struct SignedRank {
  double v_plus = 0;        // V: sum of the ranks of the positive differences (R's statistic)
  std::size_t nonzero = 0;  // pairs that enter the test
  bool exact = false;       // exact null distribution, else the normal approximation
  double p = 1;             // two-sided p-value
};
/// Exact p from the null distribution of V (all 2^n sign patterns) when at most
/// `kExactSignedRankPairs` differences are nonzero and none of their absolute values tie;
/// otherwise the normal approximation with the tie correction of the variance and a continuity
/// correction of 0.5 (as scipy.stats.wilcoxon(..., correction=True) and R's wilcox.test).
/// Fewer than one nonzero difference gives p = 1.
SignedRank wilcoxon_signed_rank(std::span<const double> differences);
inline constexpr std::size_t kExactSignedRankPairs = 50;

struct PairedComparison {
  double difference = 0;               // mean of b_i - a_i
  double diff_low = 0, diff_high = 0;  // 95 % t interval of the mean difference (n - 1 degrees of freedom)
  double sd_difference = 0;            // sample sd of b_i - a_i
  double cohens_dz = 0;                // difference / sd_difference (NaN if every pair differs by the same amount)
  double t_p = 1;                      // two-sided paired t test
  SignedRank wilcoxon;
};
/// Pairs a[i] with b[i]; a and b must have the same size, at least 2.
PairedComparison compare_paired(std::span<const double> a, std::span<const double> b);

/// Quantiles of the standard normal and of Student's t (Boost.Math), for intervals and power.
double normal_quantile(double p);
double student_t_quantile(double p, double df);

}  // namespace rf::stats
