// The null model of a comparison (compare --null): quantiles, the chance counts, and two
// identical cities run through the whole command.
#include "sim/studies/null_model.hpp"

#include <H5Cpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "scratch.hpp"
#include "sim/studies/compare.hpp"

namespace rf {

namespace fs = std::filesystem;

TEST(NullModel, SampleQuantileIsRsTypeSeven) {
  // R: quantile(1:10, c(0.025, 0.5, 0.975)) gives 1.225, 5.5, 9.775.
  const std::vector<double> x = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  EXPECT_NEAR(sample_quantile(x, 0.025), 1.225, 1e-12);
  EXPECT_NEAR(sample_quantile(x, 0.5), 5.5, 1e-12);
  EXPECT_NEAR(sample_quantile(x, 0.975), 9.775, 1e-12);
  EXPECT_EQ(sample_quantile({3.0}, 0.9), 3.0);
  EXPECT_THROW(sample_quantile({}, 0.5), std::invalid_argument);
}

TEST(NullModel, CountsThePairsWhoseGapReachesTheObservedOne) {
  // Gaps copy - first: -3, 1, 2, 4 (one outcome). Observed mean gaps 2 and -0.5.
  const OutcomeRuns first = {{10, 10, 10, 10}};
  const OutcomeRuns copy = {{7, 11, 12, 14}};
  const auto m = null_model("a", first, copy, {"b", "c"}, {{2.0}, {-0.5}});
  ASSERT_EQ(m.gaps.size(), 1u);
  EXPECT_EQ(m.gaps[0].pairs, 4u);
  EXPECT_DOUBLE_EQ(m.gaps[0].mean, 1.0);
  EXPECT_DOUBLE_EQ(m.gaps[0].median, 1.5);
  EXPECT_EQ(m.chance[0][0].at_least, 3u);  // |-3|, 2, 4 reach 2
  EXPECT_DOUBLE_EQ(m.chance[0][0].share(), 0.75);
  EXPECT_EQ(m.chance[1][0].at_least, 4u);  // every gap reaches 0.5
  EXPECT_THROW(null_model("a", first, {{1, 2}}, {"b"}, {{0.0}}), std::invalid_argument);
}

TEST(NullModel, TwoIdenticalCitiesDifferOnlyInTheNullCopy) {
  // compare A A --null: with common seeds A and A are the same runs (observed gap 0, which every
  // null pair reaches); the null copy has seeds of its own and its gaps are not all zero.
  const test::Scratch scratch;
  const fs::path out = scratch.file("null.h5");
  CompareSettings cs;
  const std::string a = std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml";
  cs.scenario_files = {a, a};
  cs.outcomes_file = std::string(RF_SOURCE_DIR) + "/scenarios/compare/outcomes.yaml";
  cs.overrides = {"simulation.scale=0.001", "simulation.months=24", "simulation.snapshot_firms=false"};
  cs.runs = 6;
  cs.threads = 2;
  cs.quiet = true;
  cs.force = true;
  cs.null_model = true;
  cs.out = out.string();
  const CompareResult r = run_compare(cs);
  ASSERT_TRUE(r.null.has_value());
  ASSERT_EQ(r.null->chance.size(), 1u);
  bool some_gap = false;
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    EXPECT_EQ(r.null->chance[0][o].observed, 0.0) << r.outcomes[o];
    EXPECT_EQ(r.null->chance[0][o].at_least, 6u) << r.outcomes[o];
    some_gap = some_gap || r.null->gaps[o].sd > 0.0;
  }
  EXPECT_TRUE(some_gap);
  H5::H5File f(cs.out, H5F_ACC_RDONLY);
  std::vector<std::uint64_t> scenario_seeds(6), null_seeds(6);
  f.openDataSet("/scenarios/hangzhou/runs/seed").read(scenario_seeds.data(), H5::PredType::NATIVE_UINT64);
  f.openDataSet("/null/hangzhou/runs/seed").read(null_seeds.data(), H5::PredType::NATIVE_UINT64);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_NE(scenario_seeds[i], null_seeds[i]);
  hsize_t dims[2] = {0, 0};
  f.openDataSet("/compare/null/gap").getSpace().getSimpleExtentDims(dims);
  EXPECT_EQ(dims[0], r.outcomes.size());
  EXPECT_EQ(dims[1], 6u);  // pairs, mean, sd, q025, median, q975
  f.openDataSet("/compare/null/chance/hangzhou_1_minus_hangzhou").getSpace().getSimpleExtentDims(dims);
  EXPECT_EQ(dims[1], 4u);  // observed, at_least, pairs, share
}

}  // namespace rf
