#include "sim/io/result_file.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "models/metrics.hpp"
#include "scratch.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/result_reader.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {
struct TempDir : test::Scratch {
  fs::path& path = dir;
};
Scenario quick() {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  s.sim.scale = 0.002;
  s.sim.months = 24;
  return s;
}
void write(const std::string& path, const Scenario& s, const std::vector<std::uint64_t>& seeds, bool force = false) {
  Provenance prov;
  prov.scenario_yaml = resolved_yaml(s);
  prov.command_line = "test";
  RunFile file(path, force, prov, s, seeds);
  for (std::size_t i = 0; i < seeds.size(); ++i) file.write_run(i, simulate(s, seeds[i]));
  file.commit();
}
}  // namespace

TEST(RunFile, StoredScenarioAndSeedsReproduceTheSeriesExactly) {
  TempDir dir;
  const std::string path = (dir.path / "a.h5").string();
  const Scenario s = quick();
  write(path, s, {run_seed(3, 0), run_seed(3, 1)});

  const StoredRuns stored = read_stored_runs(path);
  ASSERT_EQ(stored.seeds.size(), 2u);
  EXPECT_EQ(stored.months, 24u);
  EXPECT_EQ(stored.regions, std::vector<std::string>{"region"});
  const Scenario again = load_scenario_text(stored.scenario_yaml, "stored");
  const std::string path2 = (dir.path / "b.h5").string();
  write(path2, again, stored.seeds);
  for (const auto& m : metric_table()) {
    const auto a = read_series(path, std::string(m.name));
    const auto b = read_series(path2, std::string(m.name));
    ASSERT_EQ(a.size(), 2u * 24u);
    EXPECT_EQ(0, std::memcmp(a.data(), b.data(), a.size() * sizeof(double))) << m.name;
  }
}

TEST(RunFile, RefusesToOverwriteWithoutForce) {
  TempDir dir;
  const std::string path = (dir.path / "a.h5").string();
  const Scenario s = quick();
  write(path, s, {1});
  EXPECT_THROW(write(path, s, {2}), OutputError);
  EXPECT_NO_THROW(write(path, s, {2}, true));
}

TEST(RunFile, MissingDirectoryIsAClearError) {
  try {
    check_output_path("/nonexistent_dir_rf/x.h5", false);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
  }
}

TEST(RunFile, AnUncommittedFileLeavesNothingBehind) {
  TempDir dir;
  const std::string path = (dir.path / "a.h5").string();
  {
    Provenance prov;
    const Scenario s = quick();
    RunFile file(path, false, prov, s, {1, 2});
    file.write_run(0, simulate(s, 1));
    // destroyed without commit, as when a run throws
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(fs::is_empty(dir.path));
}

TEST(RunFile, NotARainforestFileIsRejected) {
  TempDir dir;
  const std::string path = (dir.path / "junk.h5").string();
  {
    std::ofstream out(path);
    out << "not hdf5";
  }
  EXPECT_THROW(read_stored_runs(path), InputFileError);
}

}  // namespace rf
