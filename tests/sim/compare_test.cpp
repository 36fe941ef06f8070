// The comparison: statistics, Shapley weights, and a small Hangzhou vs Nanjing run whose
// differences must point the way the documents observe.
#include "sim/studies/compare.hpp"

#include <H5Cpp.h>
#include <gtest/gtest.h>

#include <vector>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "scratch.hpp"
#include "sim/base/stats.hpp"

namespace rf {

namespace fs = std::filesystem;

TEST(Stats, StudentTMatchesTables) {
  EXPECT_NEAR(stats::t_quantile(0.975, 29), 2.04523, 1e-4);  // standard t table
  EXPECT_NEAR(stats::t_quantile(0.975, 1e9), 1.95996, 1e-4);
  EXPECT_NEAR(stats::t_cdf(0.0, 5), 0.5, 1e-12);
  EXPECT_NEAR(stats::incomplete_beta(2, 3, 0.4), 0.5248, 1e-4);
}

TEST(Stats, MedianOfOddEvenAndEmptySamples) {
  const std::vector<double> odd = {5.0, 1.0, 3.0};
  const std::vector<double> even = {4.0, 1.0, 3.0, 2.0};
  EXPECT_EQ(stats::median(odd), 3.0);
  EXPECT_EQ(stats::median(even), 2.5);
  EXPECT_EQ(stats::median(std::vector<double>{}), 0.0);
}

TEST(Stats, WelchAndRankTestsSeparateShiftedSamples) {
  std::vector<double> a, b, c;
  for (int i = 0; i < 30; ++i) {
    a.push_back(std::sin(i * 1.3));
    b.push_back(std::sin(i * 1.3) + 2.0);
    c.push_back(std::sin(i * 1.7));
  }
  const auto shifted = stats::compare(a, b);
  EXPECT_NEAR(shifted.difference, 2.0, 1e-12);
  EXPECT_LT(shifted.welch_p, 1e-10);
  EXPECT_LT(shifted.mann_whitney_p, 1e-6);
  EXPECT_GT(shifted.cohens_d, 2.0);
  EXPECT_LT(shifted.diff_low, 2.0);
  EXPECT_GT(shifted.diff_high, 2.0);
  const auto same = stats::compare(a, c);
  EXPECT_GT(same.welch_p, 0.05);
  EXPECT_GT(same.mann_whitney_p, 0.05);
}

TEST(Shapley, WeightsOfAllCoalitionsWithoutAPlayerSumToOne) {
  for (std::size_t n = 1; n <= 10; ++n) {
    const auto w = shapley_weights(n);
    double total = 0.0;
    for (std::size_t s = 0; s < n; ++s) {
      total += w[s] * std::tgamma(static_cast<double>(n)) /
               (std::tgamma(static_cast<double>(s) + 1) * std::tgamma(static_cast<double>(n - s)));
    }
    EXPECT_NEAR(total, 1.0, 1e-9) << n;
  }
}

namespace {
std::vector<double> read_table(const std::string& file, const std::string& path) {
  H5::H5File f(file, H5F_ACC_RDONLY);
  H5::DataSet d = f.openDataSet(path);
  hsize_t dims[2] = {0, 0};
  d.getSpace().getSimpleExtentDims(dims);
  std::vector<double> v(dims[0] * dims[1]);
  d.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}
/// Hangzhou vs Nanjing with the shipped outcomes, quiet, on two threads.
CompareSettings city_comparison(const fs::path& out, std::vector<std::string> overrides, std::size_t runs) {
  CompareSettings cs;
  cs.scenario_files = {std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml",
                       std::string(RF_SOURCE_DIR) + "/scenarios/nanjing.yaml"};
  cs.outcomes_file = std::string(RF_SOURCE_DIR) + "/scenarios/compare/outcomes.yaml";
  cs.overrides = std::move(overrides);
  cs.runs = runs;
  cs.threads = 2;
  cs.quiet = true;
  cs.force = true;
  cs.out = out.string();
  return cs;
}

}  // namespace

// Statistical tier: a small version of the main comparison (1/4 of the preset scale, 30 runs).
// The documents observe Hangzhou ahead in startup births, funded startups and graduate
// retention, and Nanjing's universities producing more graduates and research. Each direction
// must hold with p < 0.01 (Welch; for startup births, whose distribution is heavy-tailed, the
// rank test). Dragons are too rare at this scale to test here; see docs/MODEL.md section 9.
TEST(CompareStatistics, HangzhouVsNanjingDirections) {
  const test::Scratch scratch;
  const fs::path out = scratch.file("compare.h5");
  CompareSettings cs = city_comparison(out, {"simulation.scale=0.0025", "simulation.snapshot_firms=false"}, 30);
  const auto outcomes = run_compare(cs).outcomes;
  const auto diff = read_table(cs.out, "/compare/differences/nanjing_minus_hangzhou");
  // Rows are the outcomes (counts followed by their rates); columns: difference, low, high, d,
  // welch_p, rank p, and the two adjusted p-values.
  auto row = [&](const std::string& outcome, std::size_t column) {
    const auto it = std::find(outcomes.begin(), outcomes.end(), outcome);
    EXPECT_NE(it, outcomes.end()) << outcome;
    return diff[static_cast<std::size_t>(it - outcomes.begin()) * 8 + column];
  };
  EXPECT_LT(row("startup_births", 0), 0.0);
  EXPECT_LT(row("startup_births", 5), 0.01);
  EXPECT_LT(row("funded_startups", 0), 0.0);
  EXPECT_LT(row("funded_startups", 4), 0.01);
  EXPECT_LT(row("graduate_retention", 0), 0.0);
  EXPECT_LT(row("graduate_retention", 4), 0.01);
  EXPECT_GT(row("graduates_produced", 0), 0.0);
  EXPECT_LT(row("graduates_produced", 4), 0.01);
  EXPECT_GT(row("research_stock", 0), 0.0);
  fs::remove(out);
}

TEST(Compare, DecompositionAttributesTheWholeGapExactly) {
  // The file's three groups, plus an automatic group for every other parameter in which the
  // presets differ: the Shapley values add up to what all groups close together, and moving all
  // groups turns Nanjing into Hangzhou, so the residual is 0 up to rounding.
  const test::Scratch scratch;
  const fs::path out = scratch.file("decompose.h5");
  const fs::path groups = scratch.file("groups.yaml");
  {
    std::ofstream g(groups);
    g << "groups:\n  - name: capital\n    parameters: [capital.vc_capital, capital.decision_latency]\n"
         "  - name: universities\n    parameters: [universities.count, universities.graduates_per_year]\n"
         "  - name: stability\n    parameters: [policy.reversal_probability]\n";
  }
  CompareSettings cs =
      city_comparison(out, {"simulation.scale=0.001", "simulation.months=24", "simulation.snapshot_firms=false"}, 4);
  cs.groups_file = groups.string();
  cs.decompose = true;
  cs.decompose_runs = 4;
  const auto result = run_compare(cs);
  const auto& names = result.outcomes;
  const ShapleyDecomposition& d = *result.decomposition;
  ASSERT_GT(d.groups.size(), 3u) << "automatic groups join the file's";
  EXPECT_EQ(d.groups[0], "capital");
  EXPECT_FALSE(d.automatic[0]);
  EXPECT_TRUE(d.automatic.back());
  EXPECT_NE(std::find(d.groups.begin(), d.groups.end(), "city_size"), d.groups.end());
  // Every parameter in which the presets differ is in exactly one group.
  std::vector<std::string> listed;
  for (const auto& g : d.parameters) listed.insert(listed.end(), g.begin(), g.end());
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(std::adjacent_find(listed.begin(), listed.end()), listed.end()) << "a parameter in two groups";
  EXPECT_NE(std::find(listed.begin(), listed.end(), "firms.initial_firms"), listed.end());
  EXPECT_NE(std::find(listed.begin(), listed.end(), "policy.data_openness"), listed.end());

  const auto phi = read_table(cs.out, "/compare/decomposition/shapley");
  const auto explained = read_table(cs.out, "/compare/decomposition/explained");  // all_groups, gap_same_runs, residual
  const std::size_t outcomes = names.size();
  ASSERT_EQ(explained.size(), 3 * outcomes);
  ASSERT_EQ(phi.size(), d.groups.size() * outcomes);
  for (std::size_t o = 0; o < outcomes; ++o) {
    double sum = 0.0;
    for (std::size_t g = 0; g < d.groups.size(); ++g) sum += phi[g * outcomes + o];
    const double tolerance = 1e-9 * (1.0 + std::abs(explained[outcomes + o]));
    EXPECT_NEAR(sum, explained[o], tolerance) << names[o];
    EXPECT_NEAR(explained[2 * outcomes + o], 0.0, tolerance) << names[o] << ": residual";
    EXPECT_NEAR(explained[o], explained[outcomes + o], tolerance) << names[o] << ": all groups close the gap";
  }
  // Moving Nanjing's universities to Hangzhou's values lowers graduates produced.
  const auto graduates = std::find(names.begin(), names.end(), "graduates_produced") - names.begin();
  EXPECT_LT(phi[outcomes + static_cast<std::size_t>(graduates)], 0.0);
  fs::remove(out);
  fs::remove(groups);
}

}  // namespace rf

namespace rf {

TEST(Compare, SampledDecompositionBeyondEightGroupsIsEfficientToo) {
  // Nine groups: sampled orders. Every order's marginal contributions add up to v(all) - v(none).
  const test::Scratch scratch;
  const std::string groups = scratch.file("groups.yaml");
  {
    std::ofstream g(groups);
    g << "groups:\n";
    for (const char* p : {"capital.vc_capital", "capital.decision_latency", "universities.count",
                          "universities.graduates_per_year", "policy.reversal_probability", "policy.data_openness",
                          "policy.failure_insurance_months", "policy.talent_programme", "talent.pay"}) {
      g << "  - name: " << p << "\n    parameters: [" << p << "]\n";
    }
  }
  CompareSettings cs;
  cs.scenario_files = {std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml",
                       std::string(RF_SOURCE_DIR) + "/scenarios/nanjing.yaml"};
  cs.outcomes_file = std::string(RF_SOURCE_DIR) + "/scenarios/compare/outcomes.yaml";
  cs.overrides = {"simulation.scale=0.0005", "simulation.months=12", "simulation.snapshot_firms=false"};
  cs.groups_file = groups;
  cs.runs = 2;
  cs.decompose = true;
  cs.decompose_runs = 2;
  cs.permutations = 3;
  cs.threads = 2;
  cs.quiet = true;
  cs.out = scratch.file("sampled.h5");
  run_compare(cs);
  H5::H5File f(cs.out, H5F_ACC_RDONLY);
  H5::DataSet phi_set = f.openDataSet("/compare/decomposition/shapley");
  H5::DataSet explained_set = f.openDataSet("/compare/decomposition/explained");
  hsize_t dims[2] = {0, 0};
  phi_set.getSpace().getSimpleExtentDims(dims);
  ASSERT_GE(dims[0], 9u);  // the nine groups of the file, then automatic groups for the other differences
  std::vector<double> phi(dims[0] * dims[1]), explained(3 * dims[1]);
  phi_set.read(phi.data(), H5::PredType::NATIVE_DOUBLE);
  explained_set.read(explained.data(), H5::PredType::NATIVE_DOUBLE);
  for (std::size_t o = 0; o < dims[1]; ++o) {
    double sum = 0.0;
    for (std::size_t g = 0; g < dims[0]; ++g) sum += phi[g * dims[1] + o];
    EXPECT_NEAR(sum, explained[o], 1e-9 * (1.0 + std::abs(explained[o]))) << "outcome " << o;
  }
}

}  // namespace rf
