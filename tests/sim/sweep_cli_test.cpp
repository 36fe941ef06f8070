// End-to-end tests of `rainforest sweep` and `analyze`: the file does not depend on threads, MPI
// ranks or interruptions (kill -9 and --resume), and unfinished sweeps are never overwritten.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "cli.hpp"
#include "h5_compare.hpp"
#include "sim/engine/cluster.hpp"
#include "sim/io/parts_dir.hpp"
#include "sweep_fixture.hpp"

namespace rf {

namespace fs = std::filesystem;
using test::rainforest;
using Scratch = test::CliScratch;
using test::journal_bytes;
using test::tiny_sweep;

TEST(Sweep, FileIsIdenticalOnOneAndTwoThreads) {
  Scratch s;
  const auto sweep = s.write("s.yaml", tiny_sweep(4));
  const auto one = rainforest("sweep " + sweep + " --threads 1 --out " + s.file("one.h5"));
  ASSERT_EQ(one.status, 0) << one.output;
  EXPECT_NE(one.output.find("32 runs = 16 points x 2 runs per point"), std::string::npos) << one.output;
  const auto two = rainforest("sweep " + sweep + " --threads 2 -q --out " + s.file("two.h5"));
  ASSERT_EQ(two.status, 0) << two.output;
  EXPECT_EQ(test::compare_datasets(s.file("one.h5"), s.file("two.h5")), "");
  EXPECT_FALSE(fs::exists(parts_dir(s.file("one.h5")))) << "journals are removed once the file is written";
  // A different seed gives a different file, so the comparison can fail.
  std::string text = tiny_sweep(4);
  text.replace(text.find("seed: 5"), 7, "seed: 6");
  const auto other = s.write("o.yaml", text);
  ASSERT_EQ(rainforest("sweep " + other + " -q --out " + s.file("other.h5")).status, 0);
  EXPECT_NE(test::compare_datasets(s.file("one.h5"), s.file("other.h5")), "");
}

TEST(Sweep, KilledWithSigkillResumesToTheSameFile) {
  Scratch s;
  const auto sweep = s.write("s.yaml", tiny_sweep(30));  // 240 runs
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --threads 2 --out " + s.file("whole.h5")).status, 0);
  const std::string out = s.file("cut.h5");
  const pid_t pid = test::spawn({"sweep", sweep, "-q", "--threads", "2", "--out", out});
  ASSERT_GT(pid, 0);
  // Kill once a few runs are journaled (each record is about 8 KB here).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (journal_bytes(parts_dir(out)) < 40000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep finished before it could be killed";
  ASSERT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::is_directory(parts_dir(out)));

  const auto again = rainforest("sweep " + sweep + " --threads 2 --out " + out);
  EXPECT_NE(again.status, 0) << "an interrupted sweep is not overwritten without --resume";
  EXPECT_NE(again.output.find("--resume"), std::string::npos) << again.output;

  const auto resumed = rainforest("sweep " + sweep + " --threads 2 --resume --out " + out);
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("(resumed)"), std::string::npos) << resumed.output;
  EXPECT_EQ(resumed.output.find(" 0 runs were already done"), std::string::npos) << resumed.output;
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
}

TEST(Sweep, ResumeRefusesAChangedSweepAndForceStartsOver) {
  Scratch s;
  const auto sweep = s.write("s.yaml", tiny_sweep(4));
  const std::string out = s.file("x.h5");
  fs::create_directory(parts_dir(out));
  std::ofstream(parts_dir(out) + "/plan.txt") << "fingerprint 0000000000000001\ncommand_line old\n";
  const auto resumed = rainforest("sweep " + sweep + " -q --resume --out " + out);
  EXPECT_NE(resumed.status, 0);
  EXPECT_NE(resumed.output.find("different plan"), std::string::npos) << resumed.output;
  const auto forced = rainforest("sweep " + sweep + " -q --force --out " + out);
  ASSERT_EQ(forced.status, 0) << forced.output;
  EXPECT_TRUE(fs::exists(out));
  const auto exists = rainforest("sweep " + sweep + " -q --out " + out);
  EXPECT_EQ(exists.status, 3) << exists.output;
}

TEST(Sweep, ThreeMpiRanksWriteTheSameFileAsOneProcess) {
  if (!Cluster::available()) GTEST_SKIP() << "built without MPI (RAINFOREST_MPI=OFF or no libopenmpi-dev)";
  Scratch s;
  const auto sweep = s.write("s.yaml", tiny_sweep(4));
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --threads 1 --out " + s.file("one.h5")).status, 0);
  // Open MPI's dlopened components leak at MPI_Finalize; LeakSanitizer (sanitize preset) would fail the ranks.
  const std::string mpirun = "mpirun --allow-run-as-root --oversubscribe -x ASAN_OPTIONS=detect_leaks=0 -np 3 ";
  const auto three = test::run_command(mpirun + RF_BINARY + " sweep " + sweep + " --threads 1 --out " + s.file("three.h5"));
  ASSERT_EQ(three.status, 0) << three.output;
  EXPECT_NE(three.output.find("on 3 process(es)"), std::string::npos) << three.output;
  EXPECT_EQ(test::compare_datasets(s.file("one.h5"), s.file("three.h5")), "");
}

TEST(Analyze, StoresSobolIndicesInTheFileAndRejectsUnknownOutcomes) {
  Scratch s;
  const auto sweep = s.write("s.yaml", tiny_sweep(8));
  const std::string out = s.file("a.h5");
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --out " + out).status, 0);
  const auto a = rainforest("analyze " + out + " --outcome all_births --bootstrap 50");
  ASSERT_EQ(a.status, 0) << a.output;
  EXPECT_NE(a.output.find("Sobol indices of 'all_births'"), std::string::npos) << a.output;
  EXPECT_NE(a.output.find("regions.*.policy.data_openness"), std::string::npos) << a.output;
  EXPECT_NE(a.output.find("/analysis/all_births/sobol"), std::string::npos) << a.output;
  const auto m = rainforest("analyze " + out + " --outcome firms_alive --at-month 12 -q");
  ASSERT_EQ(m.status, 0) << m.output;
  const auto bad = rainforest("analyze " + out + " --outcome startup_birth");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("startup_births"), std::string::npos) << bad.output;
  const auto late = rainforest("analyze " + out + " --outcome firms_alive --at-month 99");
  EXPECT_EQ(late.status, 2) << late.output;
  // The stored table is readable and the datasets of the sweep are untouched.
  const auto names = [&] {
    const hid_t f = H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    auto n = test::dataset_names(f);
    H5Fclose(f);
    return n;
  }();
  EXPECT_NE(std::find(names.begin(), names.end(), "analysis/all_births/sobol"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "analysis/firms_alive_month12/sobol"), names.end());
}

}  // namespace rf

namespace rf {

TEST(CalibrateCli, WritesTraceFitAndALoadableBestScenario) {
  test::CliScratch s;
  const std::string targets = s.write("t.yaml", R"(targets:
  - name: entrants
    kind: sum
    metric: births_other
    value: 300
    tolerance: 30
)");
  const std::string out = s.file("c.h5");
  const auto r = test::rainforest(std::string("calibrate ") + RF_SOURCE_DIR +
                                  "/scenarios/default.yaml --set simulation.scale=0.002 --set simulation.months=24 "
                                  "--targets " +
                                  targets + " --free regions.*.firms.entry_rate=0.005:0.05 --budget 4 --runs 2 --out " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("in 4 evaluations"), std::string::npos) << r.output;
  const std::string yaml = s.file("c.yaml");
  ASSERT_TRUE(fs::exists(yaml));
  const auto loaded = test::rainforest("validate " + yaml);
  EXPECT_EQ(loaded.status, 0) << loaded.output;
  const hid_t f = H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const auto names = test::dataset_names(f);
  H5Fclose(f);
  for (const char* d : {"calibration/trace", "calibration/fit", "calibration/free", "best/scenario"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), d), names.end()) << d;
  }
  const auto again = test::rainforest(std::string("calibrate ") + RF_SOURCE_DIR + "/scenarios/default.yaml --targets " + targets +
                                      " --free regions.*.firms.entry_rate --out " + out);
  EXPECT_EQ(again.status, 3) << again.output;  // exists: needs --force
}

}  // namespace rf
