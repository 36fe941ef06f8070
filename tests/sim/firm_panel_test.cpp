// The firm panel (simulation.firm_panel_every): the living firms at the end of every N-th month
// and of the last month; as many rows per month as the series count living firms, the last
// month equal to the final snapshot, written to /panel in run order and journaled bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "models/metrics.hpp"
#include "run_file_fixture.hpp"
#include "scratch.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/run_record.hpp"

namespace rf {

namespace {

Scenario small_hangzhou_with_panel(int every) {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml");
  s.sim.scale = 0.002;
  s.sim.months = 26;
  s.sim.firm_panel_every = every;
  return s;
}

const SnapshotColumn& named(const std::vector<SnapshotColumn>& columns, std::string_view name) {
  return *std::find_if(columns.begin(), columns.end(), [&](const SnapshotColumn& c) { return c.name == name; });
}

}  // namespace

TEST(FirmPanel, RowsAtEveryNthMonthAndTheLastCountTheLivingFirms) {
  const Scenario s = small_hangzhou_with_panel(12);
  const RunResult r = simulate(s, run_seed(7, 0));
  ASSERT_EQ(r.panel.size(), r.firms.size());
  ASSERT_EQ(r.panel_months.size(), r.panel.front().values.size());
  EXPECT_TRUE(std::is_sorted(r.panel_months.begin(), r.panel_months.end()));
  EXPECT_EQ(std::set<std::int32_t>(r.panel_months.begin(), r.panel_months.end()), (std::set<std::int32_t>{11, 23, 25}));
  const auto alive = static_cast<std::size_t>(Metric::firms_alive);
  for (const std::int32_t m : {11, 23, 25}) {
    const auto rows = std::count(r.panel_months.begin(), r.panel_months.end(), m);
    double series = 0.0;
    for (std::size_t k = 0; k < r.regions; ++k)
      series += r.series[(alive * r.regions + k) * r.months + static_cast<std::size_t>(m)];
    EXPECT_EQ(static_cast<double>(rows), series) << "month " << m;
  }
  // The last month's rows are the final snapshot, column by column.
  const auto first_last =
      static_cast<std::size_t>(std::find(r.panel_months.begin(), r.panel_months.end(), 25) - r.panel_months.begin());
  for (const auto& c : r.firms) {
    const auto& p = named(r.panel, c.name).values;
    ASSERT_EQ(p.size() - first_last, c.values.size()) << c.name;
    EXPECT_TRUE(std::equal(c.values.begin(), c.values.end(), p.begin() + static_cast<std::ptrdiff_t>(first_last))) << c.name;
  }
  // A firm alive in months 11 and 23 keeps its id and its month of birth.
  const auto& id = named(r.panel, "id").values;
  const auto& born = named(r.panel, "birth_month").values;
  std::size_t followed = 0;
  for (std::size_t i = 0; i < id.size() && r.panel_months[i] == 11; ++i) {
    for (std::size_t j = 0; j < id.size(); ++j) {
      if (r.panel_months[j] == 23 && id[j] == id[i]) {
        EXPECT_EQ(born[j], born[i]) << "firm " << id[i];
        ++followed;
        break;
      }
    }
  }
  EXPECT_GT(followed, 0u);
  EXPECT_TRUE(simulate(small_hangzhou_with_panel(0), run_seed(7, 0)).panel.empty());
}

TEST(FirmPanel, IsWrittenToTheFileInRunOrderAndJournaledBitForBit) {
  const test::Scratch scratch;
  const std::string path = scratch.file("panel.h5");
  const Scenario s = small_hangzhou_with_panel(12);
  const RunResult r0 = simulate(s, run_seed(7, 0)), r1 = simulate(s, run_seed(7, 1));
  test::write_run_file(path, s, {run_seed(7, 0), run_seed(7, 1)}, true);
  H5::H5File f(path, H5F_ACC_RDONLY);
  const auto run = h5::read_all<std::int64_t>(f, "/panel/run", H5::PredType::NATIVE_INT64);
  const auto month = h5::read_all<std::int32_t>(f, "/panel/month", H5::PredType::NATIVE_INT32);
  const auto id = h5::read_all<std::int64_t>(f, "/panel/id", H5::PredType::NATIVE_INT64);
  ASSERT_EQ(run.size(), r0.panel_months.size() + r1.panel_months.size());
  EXPECT_TRUE(std::is_sorted(run.begin(), run.end()));
  EXPECT_TRUE(std::equal(r0.panel_months.begin(), r0.panel_months.end(), month.begin()));
  const auto& id1 = named(r1.panel, "id").values;
  for (std::size_t i = 0; i < id1.size(); ++i) EXPECT_EQ(static_cast<double>(id[r0.panel_months.size() + i]), id1[i]);

  const RunResult back = decode_run(encode_run(r1));
  EXPECT_EQ(back.panel_months, r1.panel_months);
  ASSERT_EQ(back.panel.size(), r1.panel.size());
  for (std::size_t c = 0; c < r1.panel.size(); ++c) {
    ASSERT_EQ(back.panel[c].values.size(), r1.panel[c].values.size());
    EXPECT_EQ(std::memcmp(back.panel[c].values.data(), r1.panel[c].values.data(), r1.panel[c].values.size() * sizeof(double)), 0)
        << r1.panel[c].name;
  }
}

}  // namespace rf
