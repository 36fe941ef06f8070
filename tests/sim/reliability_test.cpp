// Bad files and bad places: every fault gives a clear error and a documented exit status, and
// no half-written file is left under the final name (docs/RELIABILITY.md).
#include <gtest/gtest.h>

#include <filesystem>

#include <signal.h>
#include <sys/wait.h>

#include "cli.hpp"
#include "sweep_fixture.hpp"

namespace rf {

namespace fs = std::filesystem;
using test::rainforest;

namespace {
const std::string kQuick = " --set simulation.scale=0.002 --set simulation.months=24 --quiet ";
const std::string kDefault = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";
}  // namespace

TEST(Reliability, OutputDirectoryMissingOrUnwritable) {
  auto r = rainforest("run " + kDefault + kQuick + "--runs 1 --out /nonexistent-dir/x.h5");
  EXPECT_EQ(r.status, 3) << r.output;
  EXPECT_NE(r.output.find("does not exist"), std::string::npos) << r.output;
  // /proc refuses new files even to root, like a read-only directory.
  r = rainforest("run " + kDefault + kQuick + "--runs 1 --out /proc/x.h5");
  EXPECT_EQ(r.status, 3) << r.output;
  EXPECT_NE(r.output.find("what to do"), std::string::npos) << r.output;
}

TEST(Reliability, FullDiskIsAWriteErrorAndLeavesNoFile) {
  test::CliScratch s;
  const std::string out = s.file("big.h5");
  // A 64 KB file-size limit stands in for a full disk (SIGXFSZ is ignored, so writes fail).
  auto r = test::run_command("ulimit -f 64; " + std::string(RF_BINARY) + " run " + kDefault + kQuick + "--runs 8 --out " + out);
  EXPECT_EQ(r.status, 3) << r.output;
  EXPECT_NE(r.output.find("cannot write"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
  for (const auto& e : fs::directory_iterator(s.dir)) EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  // The same for a sweep's journal: the finished runs stay for --resume.
  const auto sweep = s.write("s.yaml", test::tiny_sweep(4));
  r = test::run_command("ulimit -f 64; " + std::string(RF_BINARY) + " sweep " + sweep + " --out " + s.file("sw.h5"));
  EXPECT_EQ(r.status, 3) << r.output;
  EXPECT_NE(r.output.find("journal"), std::string::npos) << r.output;
  r = rainforest("sweep " + sweep + " -q --resume --out " + s.file("sw.h5"));
  EXPECT_EQ(r.status, 0) << r.output;
}

TEST(Reliability, TruncatedOrForeignFilesAreRefusedByAnalyzeAndReproduce) {
  test::CliScratch s;
  const auto sweep = s.write("s.yaml", test::tiny_sweep(4));
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --out " + s.file("ok.h5")).status, 0);
  fs::copy_file(s.file("ok.h5"), s.file("cut.h5"));
  fs::resize_file(s.file("cut.h5"), fs::file_size(s.file("ok.h5")) / 2);
  auto r = rainforest("analyze " + s.file("cut.h5"));
  EXPECT_EQ(r.status, 4) << r.output;
  r = rainforest("reproduce " + s.file("cut.h5") + " --out " + s.file("again.h5"));
  EXPECT_EQ(r.status, 4) << r.output;
  const auto text = s.write("text.h5", "not hdf5 at all\n");
  r = rainforest("analyze " + text);
  EXPECT_EQ(r.status, 4) << r.output;
  ASSERT_EQ(rainforest("run " + kDefault + kQuick + "--runs 1 --out " + s.file("run.h5")).status, 0);
  r = rainforest("analyze " + s.file("run.h5"));
  EXPECT_EQ(r.status, 4) << r.output;
  EXPECT_NE(r.output.find("not a sweep file"), std::string::npos) << r.output;
  r = rainforest("analyze " + s.file("missing.h5"));
  EXPECT_EQ(r.status, 4) << r.output;
}

TEST(Reliability, ResumeRefusesWhenTheBaseScenarioChanged) {
  test::CliScratch s;
  const auto base = s.write("base.yaml", "name: b\nsimulation: {months: 24, scale: 0.002}\nregions:\n  - name: r\n");
  const auto sweep = s.write("s.yaml",
                             "base: base.yaml\ndesign: latin\npoints: 60\nparameters:\n"
                             "  - {path: regions.*.policy.data_openness, range: [0, 1]}\n");
  const std::string out = s.file("x.h5");
  const pid_t pid = test::spawn({"sweep", sweep, "--threads", "1", "--out", out});
  while (test::journal_bytes((out + ".parts")) < 20000) usleep(2000);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  (void)s.write("base.yaml", "name: b\nsimulation: {months: 24, scale: 0.003}\nregions:\n  - name: r\n");
  const auto r = rainforest("sweep " + sweep + " --resume --out " + out);
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("different plan"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--force"), std::string::npos) << r.output;
}

TEST(Reliability, ScenarioTooBigForTheMachineIsRefusedWithTheEstimate) {
  const auto r =
      rainforest("run " + kDefault + " --set simulation.scale=4 --set regions.*.firms.initial_firms=5000000 --out /tmp/never.h5");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("would need about"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("GB"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists("/tmp/never.h5"));
}

TEST(Reliability, ExplodingPopulationStopsWithAClearError) {
  const auto r = rainforest("run " + kDefault + kQuick +
                            "--set simulation.months=240 --set regions.*.firms.entry_rate=0.2 --runs 1 --out /tmp/never2.h5");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("exploded"), std::string::npos) << r.output;
}

}  // namespace rf
