// The firm event log in result files (/events) and in journal records: the file's log counts
// the same births, failures and rounds per month as the series, runs follow each other in
// order, the switch turns it off, and a journaled run gives back its events bit for bit.
#include "sim/io/event_log.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "models/metrics.hpp"
#include "run_file_fixture.hpp"
#include "scratch.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/result_file.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/io/run_record.hpp"

namespace rf {

namespace {

Scenario small_hangzhou(bool event_log) {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml");
  s.sim.scale = 0.002;
  s.sim.months = 36;
  s.sim.event_log = event_log;
  return s;
}

template <class T>
std::vector<T> column(H5::H5File& f, const std::string& name, const H5::PredType& type) {
  return h5::read_all<T>(f, "/events/" + name, type);
}

/// Sum over regions of series `metric` of run `run`, month by month.
std::vector<double> monthly(const std::string& path, const std::string& metric, std::size_t run, std::size_t regions,
                            std::size_t months) {
  const auto all = read_series(path, metric);
  std::vector<double> out(months, 0.0);
  for (std::size_t k = 0; k < regions; ++k) {
    for (std::size_t m = 0; m < months; ++m) out[m] += all[(run * regions + k) * months + m];
  }
  return out;
}

}  // namespace

TEST(EventLog, CountsTheSeriesMonthByMonthAndRunsFollowInOrder) {
  const test::Scratch scratch;
  const std::string path = scratch.file("events.h5");
  const Scenario s = small_hangzhou(true);
  test::write_run_file(path, s, {run_seed(5, 0), run_seed(5, 1)}, true);
  H5::H5File f(path, H5F_ACC_RDONLY);
  const auto run = column<std::int32_t>(f, "run", H5::PredType::NATIVE_INT32);
  const auto month = column<std::int32_t>(f, "month", H5::PredType::NATIVE_INT32);
  const auto kind = column<std::uint8_t>(f, "kind", H5::PredType::NATIVE_UINT8);
  ASSERT_FALSE(run.empty());
  EXPECT_TRUE(std::is_sorted(run.begin(), run.end()));
  for (const auto& c : event_columns()) {
    hsize_t rows[1] = {0};
    f.openDataSet("/events/" + c.name).getSpace().getSimpleExtentDims(rows);
    EXPECT_EQ(rows[0], run.size()) << c.name;
  }
  const std::size_t regions = s.regions.size(), months = static_cast<std::size_t>(s.sim.months);
  std::size_t rounds_seen = 0;
  for (std::size_t r = 0; r < 2; ++r) {
    std::vector<double> births(months, 0.0), failures(months, 0.0), rounds(months, 0.0);
    for (std::size_t i = 0; i < run.size(); ++i) {
      if (static_cast<std::size_t>(run[i]) != r) continue;
      const auto m = static_cast<std::size_t>(month[i]);
      if (kind[i] == static_cast<std::uint8_t>(EventKind::Birth)) births[m] += 1.0;
      if (kind[i] == static_cast<std::uint8_t>(EventKind::Failure)) failures[m] += 1.0;
      if (kind[i] == static_cast<std::uint8_t>(EventKind::Round)) rounds[m] += 1.0;
    }
    std::vector<double> series_births(months, 0.0);
    for (const auto& spec : metric_table()) {
      if (std::string(spec.name).rfind("births_", 0) != 0) continue;
      const auto b = monthly(path, std::string(spec.name), r, regions, months);
      for (std::size_t m = 0; m < months; ++m) series_births[m] += b[m];
    }
    EXPECT_EQ(births, series_births) << "run " << r;
    EXPECT_EQ(failures, monthly(path, "deaths", r, regions, months)) << "run " << r;
    EXPECT_EQ(rounds, monthly(path, "startups_funded", r, regions, months)) << "run " << r;
    for (double x : rounds) rounds_seen += static_cast<std::size_t>(x);
  }
  EXPECT_GT(rounds_seen, 0u) << "the test needs rounds to compare";
}

TEST(EventLog, SwitchedOffLeavesNoLogAndRecordsNothing) {
  const test::Scratch scratch;
  const std::string path = scratch.file("none.h5");
  const Scenario s = small_hangzhou(false);
  EXPECT_TRUE(simulate(s, run_seed(5, 0)).events.empty());
  test::write_run_file(path, s, {run_seed(5, 0)}, true);
  H5::H5File f(path, H5F_ACC_RDONLY);
  EXPECT_FALSE(f.nameExists("events"));
}

TEST(EventLog, AJournaledRunGivesBackItsEventsBitForBit) {
  const RunResult r = simulate(small_hangzhou(true), run_seed(5, 1));
  ASSERT_FALSE(r.events.empty());
  const RunResult back = decode_run(encode_run(r));
  ASSERT_EQ(back.events.size(), r.events.size());
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const FirmEvent &a = r.events[i], &b = back.events[i];
    EXPECT_EQ(a.month, b.month);
    EXPECT_EQ(a.firm, b.firm);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.sector, b.sector);
    EXPECT_EQ(a.origin, b.origin);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.cause, b.cause);
    EXPECT_EQ(a.fund_type, b.fund_type);
    EXPECT_EQ(a.stage, b.stage);
    EXPECT_EQ(a.acquirer, b.acquirer);
    for (const auto field :
         {&FirmEvent::amount, &FirmEvent::pre_money, &FirmEvent::price, &FirmEvent::multiple, &FirmEvent::cash}) {
      EXPECT_EQ(std::memcmp(&(a.*field), &(b.*field), sizeof(double)), 0) << "event " << i;
    }
  }
}

}  // namespace rf
