// Interruptions: SIGINT and SIGTERM stop after the runs in flight and keep every finished run;
// kill -9 at random moments, again and again, loses nothing a --resume cannot redo.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli.hpp"
#include "h5_compare.hpp"
#include "sim/base/rng.hpp"
#include "sim/io/journal.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/parts_dir.hpp"
#include "sim/io/result_reader.hpp"
#include "sweep_fixture.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {

/// Waits until the command writing `out` has journaled `bytes`, or 60 s.
void wait_for_journal(const std::string& out, std::uintmax_t bytes) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (test::journal_bytes(parts_dir(out)) < bytes && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

/// The run ids journaled so far for the command writing `out` (none before its plan exists).
std::vector<std::uint64_t> journaled_ids(const std::string& out) {
  std::ifstream plan(parts_dir(out) + "/plan.txt");
  std::string word, hex;
  if (!(plan >> word >> hex) || word != "fingerprint") return {};
  std::vector<std::uint64_t> ids;
  for (const auto& [id, record] : scan_journals(parts_dir(out), std::stoull(hex, nullptr, 16))) ids.push_back(id);
  return ids;
}

/// Waits until the command writing `out` has journaled at least `count` runs with ids of at least
/// `first_id` (runs finish out of order on two threads, so the ids need not be consecutive), or 60 s.
bool wait_for_journaled(const std::string& out, std::uint64_t first_id, std::size_t count) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto ids = journaled_ids(out);
    if (static_cast<std::size_t>(std::count_if(ids.begin(), ids.end(), [&](std::uint64_t id) { return id >= first_id; })) >=
        count)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
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
    ASSERT_TRUE(fs::is_directory(parts_dir(out)));
    EXPECT_FALSE(fs::exists(out));
    const auto resumed = test::rainforest("sweep " + sweep + " --resume --out " + out);
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
  }
}

TEST(Interrupt, SigintDuringRunKeepsEveryFinishedRunAndResumeCompletesTheFile) {
  test::CliScratch s;
  const std::string scenario = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";
  const std::vector<std::string> quick = {
      "run", scenario, "--set", "simulation.scale=0.002", "--set", "simulation.months=24", "--threads", "2", "--runs", "120"};
  auto with = [&](std::vector<std::string> args, const std::string& out) {
    args.insert(args.end(), {"--out", out});
    return args;
  };
  auto line = [](const std::vector<std::string>& args) {
    std::string text;
    for (std::size_t i = 1; i < args.size(); ++i) text += args[i] + " ";
    return args[0] + " " + text;
  };
  const std::string out = s.file("cut.h5");
  const pid_t pid = test::spawn(with(quick, out));
  wait_for_journal(out, 100000);
  kill(pid, SIGINT);
  EXPECT_EQ(wait_exit(pid), 130);
  ASSERT_TRUE(fs::exists(out)) << "the finished runs are kept under the final name";
  EXPECT_TRUE(fs::is_directory(parts_dir(out))) << "and in the journal, for --resume";
  const auto stored = read_stored_runs(out);
  const std::size_t kept = stored.seeds.size();
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, 120u);
  // The kept runs are exactly the runs of an uninterrupted file of that many runs (run i's seed
  // depends only on the base seed and i).
  const std::string flags = " --set simulation.scale=0.002 --set simulation.months=24 --quiet --threads 2 ";
  ASSERT_EQ(
      test::rainforest("run " + scenario + flags + "--runs " + std::to_string(kept) + " --out " + s.file("first.h5")).status, 0);
  EXPECT_EQ(stored.seeds, read_stored_runs(s.file("first.h5")).seeds);
  const auto a = read_series(out, "firms_alive");
  const auto b = read_series(s.file("first.h5"), "firms_alive");
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  // Without --resume the interrupted file is not overwritten; with it, the file is completed.
  EXPECT_EQ(test::rainforest(line(with(quick, out)) + " -q").status, 3);
  const auto resumed = test::rainforest(line(with(quick, out)) + " --resume");
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_FALSE(fs::exists(parts_dir(out)));
  ASSERT_EQ(test::rainforest(line(with(quick, s.file("whole.h5"))) + " -q").status, 0);
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
}

TEST(Interrupt, KilledRunResumesToTheFileOfAnUninterruptedOne) {
  test::CliScratch s;
  const std::string args = std::string("run ") + RF_SOURCE_DIR +
                           "/scenarios/default.yaml --set simulation.scale=0.002 --set simulation.months=24 --threads 2 "
                           "--runs 60 ";
  ASSERT_EQ(test::rainforest(args + "-q --out " + s.file("whole.h5")).status, 0);
  const std::string out = s.file("cut.h5");
  const pid_t pid = test::spawn({"run", std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml", "--set", "simulation.scale=0.002",
                                 "--set", "simulation.months=24", "--threads", "2", "--runs", "60", "--out", out});
  wait_for_journal(out, 100000);
  kill(pid, SIGKILL);
  ASSERT_EQ(wait_exit(pid), 128 + SIGKILL) << "the run finished before it could be killed";
  EXPECT_FALSE(fs::exists(out));
  const std::string tmp = out + ".tmp." + std::to_string(pid);
  ASSERT_TRUE(fs::exists(tmp)) << "the killed command leaves its temporary file";
  EXPECT_EQ(stale_temporaries(out), std::vector<std::string>{tmp});

  const auto again = test::rainforest(args + "--out " + out);
  EXPECT_EQ(again.status, 3) << again.output;
  EXPECT_NE(again.output.find("--resume"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find(tmp), std::string::npos) << "the stale temporary file is named: " << again.output;

  const auto resumed = test::rainforest(args + "--resume --out " + out);
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_FALSE(fs::exists(tmp)) << "resuming removes what the killed command left";
  EXPECT_FALSE(fs::exists(parts_dir(out)));
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
  const auto done = test::rainforest(args + "--resume --out " + out);
  EXPECT_EQ(done.status, 0);
  EXPECT_NE(done.output.find("already complete"), std::string::npos) << done.output;
}

TEST(Interrupt, KilledCalibrationResumesToTheSameTrace) {
  test::CliScratch s;
  const std::string targets = s.write("t.yaml",
                                      "targets:\n  - {name: entrants, kind: sum, metric: births_other, value: 300, "
                                      "tolerance: 30}\n");
  const std::vector<std::string> args = {"calibrate", std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml",
                                         "--set",     "simulation.scale=0.002",
                                         "--set",     "simulation.months=24",
                                         "--targets", targets,
                                         "--free",    "regions.*.firms.entry_rate=0.005:0.05",
                                         "--budget",  "8",
                                         "--runs",    "6",
                                         "--threads", "2",
                                         "-q"};
  std::string line = RF_BINARY;
  for (const auto& a : args) line += " " + a;
  ASSERT_EQ(test::run_command(line + " --out " + s.file("whole.h5")).status, 0);
  const std::string out = s.file("cut.h5");
  std::vector<std::string> spawned = args;
  spawned.insert(spawned.end(), {"--out", out});
  const pid_t pid = test::spawn(spawned);
  wait_for_journal(out, 2000);  // a few evaluations' runs
  kill(pid, SIGKILL);
  ASSERT_EQ(wait_exit(pid), 128 + SIGKILL) << "the calibration finished before it could be killed";
  const auto resumed = test::run_command(line + " --resume --out " + out);
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
}

// A comparison killed twice, once among the scenarios' runs and once in the decomposition, resumes
// to the file of an uninterrupted one. Journal ids (sim/studies/compare_journal.hpp), with 2
// scenarios and 4 runs: scenarios 0-7, null copy 8-11, counterfactuals of --decompose from 12 on.
TEST(Interrupt, KilledComparisonResumesToTheFileOfAnUninterruptedOne) {
  test::CliScratch s;
  const std::string groups = s.write("groups.yaml",
                                     "groups:\n  - {name: capital, parameters: [capital.vc_capital]}\n"
                                     "  - {name: policy, parameters: [policy.voucher_budget, policy.reversal_probability]}\n"
                                     "  - {name: universities, parameters: [universities.count]}\n");
  const std::string dir = std::string(RF_SOURCE_DIR) + "/scenarios/";
  const std::vector<std::string> args = {"compare",
                                         dir + "hangzhou.yaml",
                                         dir + "nanjing.yaml",
                                         "--runs",
                                         "4",
                                         "--set",
                                         "simulation.scale=0.002",
                                         "--set",
                                         "simulation.months=24",
                                         "--null",
                                         "--decompose",
                                         "--groups",
                                         groups,
                                         "--decompose-runs",
                                         "2",
                                         "--threads",
                                         "2",
                                         "-q"};
  std::string line = RF_BINARY;
  for (const auto& a : args) line += " " + a;
  ASSERT_EQ(test::run_command(line + " --out " + s.file("whole.h5")).status, 0);
  const std::string out = s.file("cut.h5");
  std::vector<std::string> spawned = args;
  spawned.insert(spawned.end(), {"--out", out});

  pid_t pid = test::spawn(spawned);
  ASSERT_TRUE(wait_for_journaled(out, 0, 1)) << "no scenario run was journaled within 60 s";
  kill(pid, SIGKILL);
  ASSERT_EQ(wait_exit(pid), 128 + SIGKILL) << "the comparison finished before it could be killed";
  const auto kept = journaled_ids(out);
  ASSERT_FALSE(kept.empty());
  EXPECT_LT(kept.back(), 12u) << "killed among the scenarios' runs";
  const auto again = test::run_command(line + " --out " + out);
  EXPECT_EQ(again.status, 3) << again.output;
  EXPECT_NE(again.output.find("--resume"), std::string::npos) << again.output;

  spawned.emplace_back("--resume");
  pid = test::spawn(spawned);
  ASSERT_TRUE(wait_for_journaled(out, 12, 2)) << "no counterfactual runs were journaled within 60 s";
  kill(pid, SIGKILL);
  ASSERT_EQ(wait_exit(pid), 128 + SIGKILL) << "the comparison finished before it could be killed";
  const auto ids = journaled_ids(out);
  EXPECT_GE(std::count_if(ids.begin(), ids.end(), [](std::uint64_t id) { return id >= 12; }), 2)
      << "killed in the decomposition, after two of its runs";

  const auto resumed = test::run_command(line + " --resume --out " + out);
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_FALSE(fs::exists(parts_dir(out)));
  EXPECT_EQ(test::compare_datasets(s.file("whole.h5"), out), "");
  const auto done = test::run_command(line + " --resume --out " + out);
  EXPECT_EQ(done.status, 0);
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
