// Interruptions: SIGINT and SIGTERM stop after the runs in flight and keep every finished run;
// kill -9 at random moments, again and again, loses nothing a --resume cannot redo.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "cli.hpp"
#include "h5_compare.hpp"
#include "sim/base/rng.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/studies/sweep.hpp"
#include "sweep_fixture.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {

/// Waits until the sweep writing `out` has journaled `bytes`, or 60 s.
void wait_for_journal(const std::string& out, std::uintmax_t bytes) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (test::journal_bytes(sweep_parts_dir(out)) < bytes && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST(Interrupt, SigintStopsASweepThatThenResumesToTheSameFile) {
  test::CliScratch s;
  const auto sweep = s.write("s.yaml", test::tiny_sweep(30));
  ASSERT_EQ(test::rainforest("sweep " + sweep + " -q --out " + s.file("whole.h5")).status, 0);
  for (const int sig : {SIGINT, SIGTERM}) {
    const std::string out = s.file("cut" + std::to_string(sig) + ".h5");
    const pid_t pid = test::spawn({"sweep", sweep, "--threads", "2", "--out", out});
    wait_for_journal(out, 40000);
    kill(pid, sig);
    EXPECT_EQ(wait_exit(pid), 128 + sig);
    ASSERT_TRUE(fs::is_directory(sweep_parts_dir(out)));
    EXPECT_FALSE(fs::exists(out));
    const auto resumed = test::rainforest("sweep " + sweep + " --resume --out " + out);
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
  }
}

TEST(Interrupt, SigintDuringRunKeepsEveryFinishedRunInAValidFile) {
  test::CliScratch s;
  const std::string scenario = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";
  const std::string out = s.file("cut.h5");
  const pid_t pid = test::spawn({"run", scenario, "--set", "simulation.scale=0.002", "--set", "simulation.months=24", "--threads",
                                 "2", "--runs", "400", "--out", out});
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGINT);
  EXPECT_EQ(wait_exit(pid), 130);
  ASSERT_TRUE(fs::exists(out)) << "the finished runs are kept under the final name";
  const auto stored = read_stored_runs(out);
  const std::size_t kept = stored.seeds.size();
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, 400u);
  // The kept runs are exactly the runs of an uninterrupted file of that many runs (run i's seed
  // depends only on the base seed and i).
  const std::string quick = " --set simulation.scale=0.002 --set simulation.months=24 --quiet --threads 2 ";
  ASSERT_EQ(
      test::rainforest("run " + scenario + quick + "--runs " + std::to_string(kept) + " --out " + s.file("whole.h5")).status, 0);
  const auto whole = read_stored_runs(s.file("whole.h5"));
  EXPECT_EQ(stored.seeds, whole.seeds);
  const auto a = read_series(out, "firms_alive");
  const auto b = read_series(s.file("whole.h5"), "firms_alive");
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
}

// A sweep killed with SIGKILL at random moments, resumed each time, until it finishes.
TEST(Interrupt, RepeatedKillNineAtRandomMomentsThenResumeGivesTheSameFile) {
  test::CliScratch s;
  const auto sweep = s.write("s.yaml", test::tiny_sweep(40));  // 320 runs
  ASSERT_EQ(test::rainforest("sweep " + sweep + " -q --out " + s.file("whole.h5")).status, 0);
  const std::string out = s.file("cut.h5");
  Stream rng(2026, Entity::Design, 0, 0, 0);
  int kills = 0;
  for (int attempt = 0; attempt < 60; ++attempt) {
    const pid_t pid = test::spawn({"sweep", sweep, "-q", "--threads", "2", "--resume", "--out", out});
    // Anywhere from start-up (before the first run) to well into the runs.
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(rng.uniform() * 400000.0)));
    kill(pid, SIGKILL);
    const int code = wait_exit(pid);
    if (code == 0) break;  // it finished before the kill
    ASSERT_EQ(code, 128 + SIGKILL);
    ++kills;
  }
  if (!fs::exists(out)) {
    ASSERT_EQ(test::rainforest("sweep " + sweep + " -q --resume --out " + out).status, 0);
  }
  std::printf("killed %d times before the sweep finished\n", kills);
  EXPECT_GE(kills, 5);
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
}

}  // namespace rf
