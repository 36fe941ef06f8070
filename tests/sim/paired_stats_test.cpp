// Paired tests: the signed-rank statistic and p against a textbook example and scipy, the
// paired t test against scipy, and a paired effect that the unpaired tests miss.
#include "sim/base/paired_stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/base/stats.hpp"

namespace rf {

namespace {
// Hollander & Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., p. 39, Example 3.1:
// Hamilton depression scale factor IV of nine patients at the first (x) and second (y) visit
// after a tranquilliser. The same data are the example of R's wilcox.test (V = 40).
const std::vector<double> kFirstVisit = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
const std::vector<double> kSecondVisit = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
}  // namespace

TEST(SignedRank, TextbookExampleIsExact) {
  std::vector<double> d;
  for (std::size_t i = 0; i < kFirstVisit.size(); ++i) d.push_back(kFirstVisit[i] - kSecondVisit[i]);
  const auto w = stats::wilcoxon_signed_rank(d);
  EXPECT_TRUE(w.exact);
  EXPECT_EQ(w.nonzero, 9u);
  EXPECT_DOUBLE_EQ(w.v_plus, 40.0);
  // scipy.stats.wilcoxon(x - y) (scipy 1.10.1): statistic min(V+, V-) = 5, p = 0.0390625 = 20 / 512.
  EXPECT_NEAR(w.p, 0.0390625, 1e-12);
}

TEST(SignedRank, TiesAndZerosUseTheCorrectedNormalApproximation) {
  // Two zeros (dropped) and tied absolute values; scipy.stats.wilcoxon(d, zero_method="wilcox",
  // correction=True, method="approx") (scipy 1.10.1) gives statistic 10, p = 0.02486437074506212.
  const std::vector<double> d = {0, 2, -1, 3, 3, -3, 4, 5, 5, 6, 0, 7, 1, -1};
  const auto w = stats::wilcoxon_signed_rank(d);
  EXPECT_FALSE(w.exact);
  EXPECT_EQ(w.nonzero, 12u);
  EXPECT_DOUBLE_EQ(w.v_plus, 68.0);  // 78 - 10
  EXPECT_NEAR(w.p, 0.02486437074506212, 1e-12);
}

TEST(SignedRank, ExactAndApproximateAgreeOnTwentyPairs) {
  // scipy.stats.wilcoxon(e, method="exact") -> statistic 96, p = 0.7561664581298828;
  // method="approx", correction=True -> p = 0.7509949671586461 (scipy 1.10.1).
  const std::vector<double> e = {2.341, -2.256, 0.718, -0.268, -0.153, 0.084,  -1.72, 0.068, -0.565, 3.623,
                                 0.526, -0.053, 0.019, -0.368, -0.755, -0.091, 0.782, 0.061, 1.258,  0.1};
  const auto w = stats::wilcoxon_signed_rank(e);
  EXPECT_TRUE(w.exact);
  EXPECT_DOUBLE_EQ(std::min(w.v_plus, 210.0 - w.v_plus), 96.0);
  EXPECT_NEAR(w.p, 0.7561664581298828, 1e-12);
}

TEST(SignedRank, NoNonzeroDifferenceIsNoEvidence) {
  const std::vector<double> d = {0.0, 0.0, 0.0};
  EXPECT_DOUBLE_EQ(stats::wilcoxon_signed_rank(d).p, 1.0);
}

TEST(PairedT, MatchesScipyOnTheTextbookExample) {
  // scipy.stats.ttest_rel(y, x): t = -3.0353754156485917, p = 0.016176627434908095; mean
  // difference -0.431889, 95 % interval [-0.7599990654813076, -0.10377871229647023].
  const auto c = stats::compare_paired(kFirstVisit, kSecondVisit);
  EXPECT_NEAR(c.difference, -0.43188888888888893, 1e-12);
  EXPECT_NEAR(c.sd_difference, 0.4268554920709246, 1e-12);
  EXPECT_NEAR(c.t_p, 0.016176627434908095, 1e-10);
  EXPECT_NEAR(c.diff_low, -0.7599990654813076, 1e-10);
  EXPECT_NEAR(c.diff_high, -0.10377871229647023, 1e-10);
  EXPECT_NEAR(c.cohens_dz, -0.43188888888888893 / 0.4268554920709246, 1e-12);
}

TEST(PairedT, FindsAPairedEffectTheUnpairedTestsMiss) {
  // Runs differ a lot from one another (sd ~ 7) but the second scenario adds 0.5 to each run,
  // give or take 0.2: the pairs show it, two independent samples do not.
  std::vector<double> a, b;
  for (int i = 0; i < 30; ++i) {
    a.push_back(10.0 * std::sin(1.3 * i));
    b.push_back(a.back() + 0.5 + 0.2 * std::sin(2.9 * i));
  }
  const auto paired = stats::compare_paired(a, b);
  const auto unpaired = stats::compare(a, b);
  EXPECT_LT(paired.t_p, 1e-10);
  EXPECT_LT(paired.wilcoxon.p, 1e-6);
  EXPECT_GT(paired.cohens_dz, 2.0);
  EXPECT_LT(paired.diff_low, 0.5);
  EXPECT_GT(paired.diff_high, 0.5);
  EXPECT_LT(paired.diff_high - paired.diff_low, 0.2);
  EXPECT_GT(unpaired.welch_p, 0.5);
  EXPECT_GT(unpaired.mann_whitney_p, 0.5);
  EXPECT_NEAR(unpaired.difference, paired.difference, 1e-12);
}

TEST(PairedT, ConstantDifferenceHasNoEffectSizeButAResolvedSign) {
  const std::vector<double> a = {1, 2, 3, 4}, b = {2, 3, 4, 5};
  const auto c = stats::compare_paired(a, b);
  EXPECT_TRUE(std::isnan(c.cohens_dz));
  EXPECT_DOUBLE_EQ(c.t_p, 0.0);
  EXPECT_DOUBLE_EQ(c.diff_low, 1.0);
}

TEST(Quantiles, MatchTables) {
  EXPECT_NEAR(stats::normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(stats::student_t_quantile(0.975, 29), 2.045229642132703, 1e-10);
}

}  // namespace rf
