#include "sim/io/result_file.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "models/metrics.hpp"
#include "run_file_fixture.hpp"
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
  test::write_run_file(path, s, seeds, force);
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

TEST(RunFile, TextIsTaggedUtf8AndFilesTaggedAsciiStillRead) {
  TempDir dir;
  const std::string path = (dir.path / "utf8.h5").string();
  Scenario s = quick();
  s.regions[0].name = "杭州";
  write(path, s, {run_seed(3, 0)});
  EXPECT_EQ(read_stored_runs(path).regions, std::vector<std::string>{"杭州"});
  EXPECT_EQ(read_root_attribute(path, "kind"), "run");
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  for (const char* name : {"regions", "scenario", "series/region", "runs/seed_decimal"}) {
    const hid_t d = H5Dopen2(file, name, H5P_DEFAULT);
    const hid_t type = H5Dget_type(d);
    EXPECT_EQ(H5Tget_cset(type), H5T_CSET_UTF8) << name;
    H5Tclose(type);
    H5Dclose(d);
  }
  H5Fclose(file);

  // A file as written before the UTF-8 tag: every text tagged ASCII.
  const std::string old = (dir.path / "ascii.h5").string();
  const hid_t f = H5Fcreate(old.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  const hid_t ascii = H5Tcopy(H5T_C_S1);
  H5Tset_size(ascii, H5T_VARIABLE);
  const hid_t scalar = H5Screate(H5S_SCALAR);
  const char* format = "rainforest";
  const hid_t attr = H5Acreate2(f, "format", ascii, scalar, H5P_DEFAULT, H5P_DEFAULT);
  H5Awrite(attr, ascii, &format);
  H5Aclose(attr);
  const char* yaml = "name: old\n";
  const hid_t sc = H5Dcreate2(f, "scenario", ascii, scalar, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(sc, ascii, H5S_ALL, H5S_ALL, H5P_DEFAULT, &yaml);
  H5Dclose(sc);
  const hsize_t one[1] = {1};
  const hid_t vector = H5Screate_simple(1, one, nullptr);
  const char* region = "Hangzhou";
  const hid_t regions = H5Dcreate2(f, "regions", ascii, vector, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(regions, ascii, H5S_ALL, H5S_ALL, H5P_DEFAULT, &region);
  H5Dclose(regions);
  H5Gclose(H5Gcreate2(f, "runs", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  const std::uint64_t seed = 7;
  const hid_t seeds = H5Dcreate2(f, "runs/seed", H5T_NATIVE_UINT64, vector, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(seeds, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, &seed);
  H5Dclose(seeds);
  H5Gclose(H5Gcreate2(f, "series", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  const hsize_t shape[3] = {1, 1, 5};
  const hid_t cube = H5Screate_simple(3, shape, nullptr);
  H5Dclose(H5Dcreate2(f, "series/firms_alive", H5T_NATIVE_DOUBLE, cube, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  H5Sclose(cube);
  H5Sclose(vector);
  H5Sclose(scalar);
  H5Tclose(ascii);
  H5Fclose(f);
  const StoredRuns stored = read_stored_runs(old);
  EXPECT_EQ(stored.regions, std::vector<std::string>{"Hangzhou"});
  EXPECT_EQ(stored.scenario_yaml, "name: old\n");
  EXPECT_EQ(stored.seeds, std::vector<std::uint64_t>{7});
  EXPECT_EQ(stored.months, 5u);
}

TEST(RunFile, StaleTemporaryFilesOfKilledCommandsAreNamedAndRemovedWithForce) {
  TempDir dir;
  const std::string path = (dir.path / "a.h5").string();
  const pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);  // a process that is gone
  const std::string stale = path + ".tmp." + std::to_string(child);
  const std::string live = path + ".tmp." + std::to_string(getpid());
  std::ofstream(stale) << "x";
  std::ofstream(live) << "x";
  std::ofstream((dir.path / "a.h5.tmp.notapid").string()) << "x";
  EXPECT_EQ(stale_temporaries(path), std::vector<std::string>{stale});
  check_output_path(path, false);
  EXPECT_TRUE(fs::exists(stale)) << "named, not removed, without --force";
  check_output_path(path, true);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live)) << "a running command's file is left alone";
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
