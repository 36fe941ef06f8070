// `compare` end to end on small runs: rates per initial firm beside totals, the paired table
// with adjusted p-values, --precision stopping at the pilot or at the budget, and the unpaired
// design of --independent-seeds.
#include <H5Cpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "h5_compare.hpp"
#include "scratch.hpp"
#include "sim/base/errors.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/studies/compare.hpp"

namespace rf {

namespace {

struct StoredTable {
  std::vector<std::string> rows, columns;
  std::vector<double> values;
  [[nodiscard]] double at(const std::string& row, const std::string& column) const {
    const auto r = std::find(rows.begin(), rows.end(), row);
    const auto c = std::find(columns.begin(), columns.end(), column);
    EXPECT_NE(r, rows.end()) << row;
    EXPECT_NE(c, columns.end()) << column;
    return values[static_cast<std::size_t>(r - rows.begin()) * columns.size() + static_cast<std::size_t>(c - columns.begin())];
  }
};

/// A string-array attribute (the rows and columns of a table).
std::vector<std::string> labels(const H5::DataSet& d, const std::string& name) {
  const H5::Attribute a = d.openAttribute(name);
  hsize_t n = 0;
  a.getSpace().getSimpleExtentDims(&n);
  std::vector<char*> raw(n);
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(a.getStrType().getCset());  // stored as UTF-8
  a.read(type, raw.data());
  std::vector<std::string> out(raw.begin(), raw.end());
  H5Dvlen_reclaim(type.getId(), a.getSpace().getId(), H5P_DEFAULT, raw.data());
  return out;
}

StoredTable read_table(const std::string& file, const std::string& path) {
  H5::H5File f(file, H5F_ACC_RDONLY);
  H5::DataSet d = f.openDataSet(path);
  StoredTable t;
  t.rows = labels(d, "rows");
  t.columns = labels(d, "columns");
  t.values.resize(t.rows.size() * t.columns.size());
  d.read(t.values.data(), H5::PredType::NATIVE_DOUBLE);
  return t;
}

std::string attribute_of(const std::string& file, const std::string& dataset, const std::string& name) {
  H5::H5File f(file, H5F_ACC_RDONLY);
  return h5::read_string_attr(f.openDataSet(dataset), name);
}

std::vector<std::uint64_t> seeds_of(const std::string& file, const std::string& group) {
  H5::H5File f(file, H5F_ACC_RDONLY);
  H5::DataSet d = f.openDataSet(group + "/runs/seed");
  hsize_t n = 0;
  d.getSpace().getSimpleExtentDims(&n);
  std::vector<std::uint64_t> seeds(n);
  d.read(seeds.data(), H5::PredType::NATIVE_UINT64);
  return seeds;
}

bool exists(const std::string& file, const std::string& path) {
  H5::H5File f(file, H5F_ACC_RDONLY);
  return f.nameExists(path);
}

const std::string kPrecision = "/compare/precision/nanjing_minus_hangzhou";

/// Hangzhou vs Nanjing at 0.1 % scale over two years: a second a run.
CompareSettings small_comparison(const std::string& out, std::size_t runs) {
  CompareSettings cs;
  cs.scenario_files = {std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml",
                       std::string(RF_SOURCE_DIR) + "/scenarios/nanjing.yaml"};
  cs.outcomes_file = std::string(RF_SOURCE_DIR) + "/scenarios/compare/outcomes.yaml";
  cs.overrides = {"simulation.scale=0.001", "simulation.months=24", "simulation.snapshot_firms=false"};
  cs.runs = runs;
  cs.threads = 2;
  cs.quiet = true;
  cs.force = true;
  cs.out = out;
  return cs;
}

}  // namespace

TEST(CompareRates, EveryCountHasItsRatePerInitialFirmInEveryRun) {
  const test::Scratch scratch;
  const auto cs = small_comparison(scratch.file("rates.h5"), 3);
  run_compare(cs);
  // Hangzhou starts with llround(421,000 * 0.001) = 421 firms, Nanjing with llround(300,000 * 0.001) = 300.
  const std::vector<std::pair<std::string, double>> firms = {{"hangzhou", 421.0}, {"nanjing", 300.0}};
  for (const auto& [scenario, initial] : firms) {
    const auto v = read_table(cs.out, "/compare/values/" + scenario);
    for (const std::string count : {"startup_births", "funded_startups", "unicorns", "firms_alive", "capital_invested"}) {
      for (const auto& run : v.rows) {
        EXPECT_NEAR(v.at(run, count + "_per_firm"), v.at(run, count) * 0.001 / initial, 1e-12 * (1.0 + v.at(run, count)))
            << scenario << " " << count << " run " << run;
      }
    }
    // Shares and ratios are not counts: no rate.
    EXPECT_EQ(std::count(v.columns.begin(), v.columns.end(), "graduate_retention_per_firm"), 0);
    EXPECT_EQ(std::count(v.columns.begin(), v.columns.end(), "graduate_retention"), 1);
  }
}

TEST(ComparePaired, TableHoldsRawAndAdjustedPValuesAndNamesTheCorrection) {
  const test::Scratch scratch;
  auto cs = small_comparison(scratch.file("paired.h5"), 4);
  run_compare(cs);
  const auto p = read_table(cs.out, "/compare/paired/nanjing_minus_hangzhou");
  const auto d = read_table(cs.out, "/compare/differences/nanjing_minus_hangzhou");
  EXPECT_EQ(attribute_of(cs.out, "/compare/paired/nanjing_minus_hangzhou", "correction"), "Holm");
  EXPECT_EQ(attribute_of(cs.out, "/compare/differences/nanjing_minus_hangzhou", "correction"), "Holm");
  EXPECT_EQ(attribute_of(cs.out, "/compare/paired/nanjing_minus_hangzhou", "design"),
            "paired: runs share seeds (common random numbers)");
  for (const auto& o : p.rows) {
    EXPECT_GE(p.at(o, "t_p_adjusted"), p.at(o, "t_p")) << o;
    EXPECT_GE(p.at(o, "wilcoxon_p_adjusted"), p.at(o, "wilcoxon_p")) << o;
    EXPECT_GE(d.at(o, "welch_p_adjusted"), d.at(o, "welch_p")) << o;
    // The mean of the paired differences is the difference of the means.
    EXPECT_NEAR(p.at(o, "difference"), d.at(o, "difference"), 1e-9 * (1.0 + std::abs(d.at(o, "difference")))) << o;
    EXPECT_LE(p.at(o, "wilcoxon_pairs"), 4.0);
  }
  // Graduates are produced on a fixed schedule: every run differs by about the same amount.
  EXPECT_LT(p.at("graduates_produced", "t_p"), 1e-3);

  cs.correction = "bh";
  cs.out = scratch.file("bh.h5");
  run_compare(cs);
  EXPECT_EQ(attribute_of(cs.out, "/compare/paired/nanjing_minus_hangzhou", "correction"), "Benjamini-Hochberg");
}

TEST(ComparePrecision, StopsAtThePilotWhenTheHeadlineIsResolvedAndKeepsOnlyThoseRuns) {
  const test::Scratch scratch;
  auto cs = small_comparison(scratch.file("adaptive.h5"), 3);
  cs.precision = 0.05;
  cs.batch = 2;
  cs.max_runs = 9;
  cs.headline = {"graduates_produced"};
  run_compare(cs);
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "runs"), "3");
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "stop_reason"), "resolved");
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "looks_allowed"), "4");
  EXPECT_EQ(seeds_of(cs.out, "/scenarios/nanjing").size(), 3u);
  H5::H5File f(cs.out, H5F_ACC_RDONLY);
  EXPECT_FALSE(f.openGroup("/").attrExists("interrupted"));
  f.close();
  // The runs kept are the runs a fixed --runs 3 comparison makes, bit for bit.
  auto fixed = small_comparison(scratch.file("fixed.h5"), 3);
  run_compare(fixed);
  const hid_t a = H5Fopen(cs.out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t b = H5Fopen(fixed.out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  for (const std::string path : {"/scenarios/hangzhou/series/births_graduate", "/scenarios/nanjing/series/firms_alive",
                                 "/scenarios/nanjing/runs/seed", "/compare/values/nanjing"}) {
    EXPECT_EQ(test::dataset_bytes(a, path), test::dataset_bytes(b, path)) << path;
  }
  H5Fclose(a);
  H5Fclose(b);
}

TEST(ComparePrecision, ABudgetEndsItAndTheTableNamesWhatStayedUnresolved) {
  const test::Scratch scratch;
  auto cs = small_comparison(scratch.file("budget.h5"), 3);
  cs.precision = 1e-6;  // no count of two years at 0.1 % scale is that precise
  cs.batch = 2;
  cs.max_runs = 6;  // looks at 3, 5, 6
  cs.headline = {"innovations", "graduates_produced"};
  run_compare(cs);
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "stop_reason"), "run budget");
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "looks"), "3");
  EXPECT_EQ(attribute_of(cs.out, kPrecision, "unresolved"), "nanjing_minus_hangzhou: innovations");
  const auto t = read_table(cs.out, "/compare/precision/nanjing_minus_hangzhou");
  EXPECT_EQ(t.at("innovations", "headline"), 1.0);
  EXPECT_EQ(t.at("innovations", "resolved"), 0.0);
  EXPECT_GT(t.at("innovations", "runs_needed"), 6.0);
  EXPECT_EQ(t.at("startup_births", "headline"), 0.0);
  EXPECT_EQ(t.at("graduates_produced", "sign_resolved"), 1.0);
  EXPECT_EQ(seeds_of(cs.out, "/scenarios/hangzhou").size(), 6u);

  cs.headline = {"no_such_outcome"};
  EXPECT_THROW(run_compare(cs), UsageError);
}

TEST(CompareIndependentSeeds, UnpairedDesignHasNoPairedTable) {
  const test::Scratch scratch;
  auto cs = small_comparison(scratch.file("independent.h5"), 3);
  cs.independent_seeds = true;
  run_compare(cs);
  EXPECT_EQ(attribute_of(cs.out, "/compare/differences/nanjing_minus_hangzhou", "design"), "independent seeds");
  EXPECT_FALSE(exists(cs.out, "/compare/paired"));
  const auto first = seeds_of(cs.out, "/scenarios/hangzhou"), second = seeds_of(cs.out, "/scenarios/nanjing");
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_NE(first[i], second[i]);
  auto paired = small_comparison(scratch.file("paired.h5"), 3);
  run_compare(paired);
  EXPECT_EQ(seeds_of(paired.out, "/scenarios/hangzhou"), first);  // the first scenario keeps its seeds
  EXPECT_EQ(seeds_of(paired.out, "/scenarios/nanjing"), first);
}

}  // namespace rf
