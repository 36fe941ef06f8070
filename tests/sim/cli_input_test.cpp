// Issue 21: every input a user can type gets a clear answer. Cases 1-3 (options), 7-13 (names,
// files, sweep points, horizons, grids, undefined indices, reproduce); the YAML cases are in
// yaml_input_test.cpp. Each test asserts the exit status and the message's key words.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli.hpp"
#include "sweep_fixture.hpp"

namespace rf {

namespace fs = std::filesystem;
using test::rainforest;
using Scratch = test::CliScratch;

namespace {

const std::string kDefault = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";
const std::string kQuick = " --set simulation.scale=0.002 --set simulation.months=12 --quiet ";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// Case 1: every count option, one rule: digits only, a stated range, status 2, no wrap-around.
TEST(CliInput, CountOptionsRefuseWhatIsNotAWholeNumberInRange) {
  Scratch s;
  const std::string out = " --out " + s.file("x.h5");
  struct Case {
    std::string args, words;
  };
  const std::vector<Case> cases = {
      {"run " + kDefault + out + " --runs 0", "--runs: must be a whole number from 1 to 100000, got '0'"},
      {"run " + kDefault + out + " --runs 99999999999999999999", "from 1 to 100000, got '99999999999999999999'"},
      {"run " + kDefault + out + " --runs 4294967297", "from 1 to 100000, got '4294967297'"},
      {"run " + kDefault + out + " --runs 2.5", "got '2.5'"},
      {"run " + kDefault + out + " --threads -1", "--threads: must be a whole number from 0 to 1024, got '-1'"},
      {"compare " + kDefault + " " + kDefault + out + " --runs -1", "--runs: must be a whole number from 2 to 100000"},
      {"check " + kDefault + " --targets x.yaml --runs -1", "--runs: must be a whole number from 2 to 100000"},
      {"analyze x.h5 --bootstrap -5", "--bootstrap: must be a whole number from 10 to 100000, got '-5'"},
      {"analyze x.h5 --at-month 1e3", "--at-month: must be a whole number from 0 to 240"},
      {"calibrate " + kDefault + " --targets t.yaml --free a --budget 0", "--budget: must be a whole number from 1"},
      {"compare " + kDefault + " " + kDefault + " --decompose --decompose-runs 1",
       "--decompose-runs: must be a whole number from 2"},
      {"bench --repeat 0", "--repeat: must be a whole number from 1 to 100"},
      {"bench --full-scale -1", "--full-scale: must be a number from 0.0001 to 4, got '-1'"},
  };
  for (const auto& c : cases) {
    const auto r = rainforest(c.args);
    EXPECT_EQ(r.status, 2) << c.args << "\n" << r.output;
    EXPECT_TRUE(has(r.output, c.words)) << c.args << "\n" << r.output;
    EXPECT_TRUE(has(r.output, "what to do: See `rainforest help")) << r.output;
    EXPECT_FALSE(has(r.output, "this is a bug")) << r.output;
  }
  EXPECT_FALSE(fs::exists(s.file("x.h5")));
}

// Case 2: seeds are 0 .. 2^64 - 1; nothing is mapped silently, on the command line or in a sweep.
TEST(CliInput, SeedsOutsideTheirRangeAreRefusedNotMapped) {
  Scratch s;
  for (const std::string seed : {"-1", "18446744073709551616"}) {
    const auto r = rainforest("run " + kDefault + kQuick + "--out " + s.file("x.h5") + " --seed " + seed);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(has(r.output, "--seed: must be a whole number from 0 to 2^64 - 1 (18446744073709551615), got '" + seed + "'"))
        << r.output;
  }
  const auto top = rainforest("run " + kDefault + kQuick + "--runs 1 --out " + s.file("top.h5") + " --seed 18446744073709551615");
  EXPECT_EQ(top.status, 0) << top.output;
  for (const std::string seed : {"-1", "18446744073709551616"}) {
    const auto sweep = s.write("s.yaml", "base: " + kDefault + "\ndesign: latin\npoints: 4\nseed: " + seed +
                                             "\nparameters:\n  - {path: regions.*.policy.voucher_rate, range: [0.1, 0.2]}\n");
    const auto r = rainforest("sweep " + sweep + " --out " + s.file("s.h5"));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(has(r.output, "'seed' must be a whole number from 0 to 2^64 - 1")) << r.output;
  }
}

// Case 3: help, misspelled commands, options before the positional arguments, check --strict.
TEST(CliInput, HelpAndMisspelledCommandsAnswerClearly) {
  const auto help = rainforest("help run");
  EXPECT_EQ(help.status, 0) << help.output;
  EXPECT_TRUE(has(help.output, "--runs")) << help.output;
  EXPECT_TRUE(has(help.output, "from 1 to 100000")) << help.output;
  const auto all = rainforest("help");
  EXPECT_EQ(all.status, 0);
  EXPECT_TRUE(has(all.output, "reproduce")) << all.output;
  const auto typo = rainforest("rnu scenarios/default.yaml");
  EXPECT_EQ(typo.status, 2) << typo.output;
  EXPECT_TRUE(has(typo.output, "unknown command 'rnu'")) << typo.output;
  EXPECT_TRUE(has(typo.output, "Did you mean `rainforest run`?")) << typo.output;
  const auto help_typo = rainforest("help sweeep");
  EXPECT_EQ(help_typo.status, 2) << help_typo.output;
  EXPECT_TRUE(has(help_typo.output, "Did you mean `rainforest help sweep`?")) << help_typo.output;
  const auto missing = rainforest("run " + kDefault);
  EXPECT_EQ(missing.status, 2) << missing.output;
  EXPECT_TRUE(has(missing.output, "--out is required")) << missing.output;
}

TEST(CliInput, SetBeforeTheScenarioLeavesItsPathAlone) {
  Scratch s;
  const auto r = rainforest("run --set simulation.months=12 --set simulation.scale=0.002 " + kDefault +
                            " --runs 1 --quiet --out " + s.file("x.h5"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(fs::exists(s.file("x.h5")));
  const auto v = rainforest("validate --set simulation.months=0 " + kDefault);
  EXPECT_EQ(v.status, 2) << v.output;
  EXPECT_TRUE(has(v.output, "'simulation.months' = 0 is out of range")) << v.output;
}

TEST(CliInput, CheckStrictFailsWhenTargetsAreMissed) {
  Scratch s;
  // A target no 12-month run at 0.2 % scale can meet, and one every run meets.
  const auto targets = s.write("t.yaml", R"(targets:
  - {name: impossible, kind: final, metric: firms_alive, min: 1000000000}
  - {name: easy, kind: final, metric: firms_alive, min: 0}
)");
  const std::string args = "check " + kDefault + kQuick + "--runs 2 --targets " + targets;
  const auto plain = rainforest(args);
  EXPECT_EQ(plain.status, 0) << plain.output;
  EXPECT_TRUE(has(plain.output, "1 of 2 moments missed their target")) << plain.output;
  const auto strict = rainforest(args + " --strict");
  EXPECT_EQ(strict.status, 1) << strict.output;
  EXPECT_TRUE(has(strict.output, "check --strict: 1 of 2 targets missed")) << strict.output;
}

TEST(CliInput, DecomposeOptionsWithoutDecomposeAreRefusedBeforeAnyRun) {
  const auto r = rainforest("compare " + kDefault + " " + kDefault + " --decompose-runs 4");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_TRUE(has(r.output, "--decompose-runs requires --decompose")) << r.output;
}

}  // namespace rf

namespace rf {

// Case 1 (sizes): a command whose output cannot fit on the disk is refused before it starts.
TEST(CliInput, OutputThatCannotFitOnTheDiskIsRefusedWithWhatWouldFit) {
  Scratch s;
  const auto r = rainforest("run " + kDefault + " --runs 100000 --out " + s.file("huge.h5"));
  EXPECT_EQ(r.status, 3) << r.output;
  EXPECT_TRUE(has(r.output, "writing 100000 runs to")) << r.output;
  EXPECT_TRUE(has(r.output, "of disk (the file and the journal of finished runs beside it)")) << r.output;
  EXPECT_TRUE(has(r.output, "Use at most")) << r.output;
  EXPECT_FALSE(fs::exists(s.file("huge.h5")));
  EXPECT_FALSE(fs::exists(s.file("huge.h5.parts")));
  // A sweep refused for its size leaves no journal folder that would block the smaller sweep.
  const auto sweep =
      s.write("big.yaml",
              "name: big\nbase: " + kDefault +
                  "\ndesign: grid\nruns_per_point: 100000\nparameters:\n"
                  "  - path: regions.*.policy.voucher_rate\n    values: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]\n"
                  "  - path: regions.*.policy.data_openness\n    values: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]\n");
  const auto refused = rainforest("sweep " + sweep + " --out " + s.file("big.h5"));
  EXPECT_EQ(refused.status, 3) << refused.output;
  EXPECT_TRUE(has(refused.output, "Use at most")) << refused.output;
  EXPECT_FALSE(fs::exists(s.file("big.h5")));
  EXPECT_FALSE(fs::exists(s.file("big.h5.parts")));
}

// Case 7, and case 6 in the report: names are data, never separators or YAML booleans.
TEST(CliInput, ScenarioNamesWithCommasOrYamlWordsSurviveCompareReportAndExport) {
  Scratch s;
  const auto a = s.write("a.yaml", "name: \"Hangzhou, China\"\nregions:\n  - name: \"NO\"\n");
  const auto b = s.write("b.yaml", "name: \"yes\"\nregions:\n  - name: \"1\"\n");
  const auto c = rainforest("compare " + a + " " + b + kQuick + "--runs 2 --out " + s.file("c.h5"));
  ASSERT_EQ(c.status, 0) << c.output;
  const auto report = rainforest("report " + s.file("c.h5") + " --out " + s.file("report"));
  EXPECT_EQ(report.status, 0) << report.output;
  const auto e = rainforest("export " + s.file("c.h5") + " --csv " + s.file("csv"));
  EXPECT_EQ(e.status, 0) << e.output;
  const auto run = rainforest("run " + a + kQuick + "--runs 1 --out " + s.file("r.h5"));
  ASSERT_EQ(run.status, 0) << run.output;
  // The project's Python reader (PyYAML) gets the names back as text.
  const auto py = test::run_command("PYTHONPATH=" + std::string(RF_SOURCE_DIR) +
                                    "/analysis /usr/bin/python3 -c \"from rainforest_analysis.reader import open_file; "
                                    "f = open_file('" +
                                    s.file("r.h5") +
                                    "'); d = f.scenario()[0]; "
                                    "print(repr(d['name']), repr(d['regions'][0]['name']))\"");
  EXPECT_EQ(py.status, 0) << py.output;
  EXPECT_TRUE(has(py.output, "'Hangzhou, China' 'NO'")) << py.output;
}

// Case 8: why an input file cannot be opened, each with what to do (status 4).
TEST(CliInput, InputFilesThatCannotBeOpenedSayWhy) {
  Scratch s;
  ASSERT_EQ(rainforest("run " + kDefault + kQuick + "--runs 1 --out " + s.file("run.h5")).status, 0);
  // flock(1) holds the lock HDF5 takes while a command writes the file.
  const auto locked = test::run_command("flock -x " + s.file("run.h5") + " " + RF_BINARY + " reproduce " + s.file("run.h5") +
                                        " --out " + s.file("again.h5"));
  EXPECT_EQ(locked.status, 4) << locked.output;
  EXPECT_TRUE(has(locked.output, "is locked by another process that has it open for writing")) << locked.output;
  EXPECT_TRUE(has(locked.output, "Wait for that command to finish")) << locked.output;
  const auto missing = rainforest("analyze " + s.file("missing.h5"));
  EXPECT_EQ(missing.status, 4) << missing.output;
  EXPECT_TRUE(has(missing.output, "missing.h5' does not exist")) << missing.output;
  const auto text = rainforest("report " + s.write("notes.h5", "plain text\n") + " --out " + s.file("rep"));
  EXPECT_EQ(text.status, 4) << text.output;
  EXPECT_TRUE(has(text.output, "is not an HDF5 file")) << text.output;
  const auto made = test::run_command("/usr/bin/python3 -c \"import h5py; h5py.File('" + s.file("other.h5") +
                                      "', 'w').create_dataset('x', data=[1, 2])\"");
  ASSERT_EQ(made.status, 0) << made.output;
  const auto foreign = rainforest("reproduce " + s.file("other.h5") + " --out " + s.file("again.h5"));
  EXPECT_EQ(foreign.status, 4) << foreign.output;
  EXPECT_TRUE(has(foreign.output, "is an HDF5 file, but not one written by rainforest")) << foreign.output;
  fs::copy_file(s.file("run.h5"), s.file("cut.h5"));
  fs::resize_file(s.file("cut.h5"), fs::file_size(s.file("run.h5")) / 2);
  const auto cut = rainforest("reproduce " + s.file("cut.h5") + " --out " + s.file("again.h5"));
  EXPECT_EQ(cut.status, 4) << cut.output;
  EXPECT_TRUE(has(cut.output, "whose end is missing or damaged")) << cut.output;
  EXPECT_TRUE(has(cut.output, "Copy it again, or write it again")) << cut.output;
}

namespace {

/// A grid of two points, the second of which explodes (entry rate 0.2 a month).
std::string exploding_sweep() {
  return "name: boom\nbase: " + kDefault +
         "\nset: {simulation.months: 60, simulation.scale: 0.002}\ndesign: grid\nseed: 3\n"
         "parameters:\n  - {path: regions.*.firms.entry_rate, values: [0.002, 0.2]}\n"
         "  - {path: regions.*.policy.voucher_rate, values: [0.1, 0.3]}\n";
}

}  // namespace

// Case 9: a failing point is recorded with its settings and reason; the others finish.
TEST(CliInput, AFailingSweepPointIsRecordedAndTheOthersFinish) {
  Scratch s;
  const auto sweep = s.write("boom.yaml", exploding_sweep());
  const std::string out = s.file("boom.h5");
  const auto r = rainforest("sweep " + sweep + " -q --out " + out);
  EXPECT_EQ(r.status, 6) << r.output;
  EXPECT_TRUE(has(r.output, "2 of 4 runs of the sweep failed; every other run is in")) << r.output;
  EXPECT_TRUE(has(r.output, "point 2 (regions.*.firms.entry_rate=0.2, regions.*.policy.voucher_rate=0.1)")) << r.output;
  EXPECT_TRUE(has(r.output, "the larger of 100,000 firms and 25 times the")) << r.output;
  EXPECT_TRUE(has(r.output, "--resume --retry-failed")) << r.output;
  ASSERT_TRUE(fs::exists(out));
  const auto analyze = rainforest("analyze " + out);
  EXPECT_EQ(analyze.status, 2) << analyze.output;
  EXPECT_TRUE(has(analyze.output, "2 of 4 runs of the sweep failed")) << analyze.output;
  // --resume keeps the failures (nothing is run again) and names them again.
  const auto resumed = rainforest("sweep " + sweep + " --out " + out + " --resume");
  EXPECT_EQ(resumed.status, 6) << resumed.output;
  EXPECT_TRUE(has(resumed.output, "4 runs were already done (resumed)")) << resumed.output;
  EXPECT_TRUE(has(resumed.output, "point 3 (regions.*.firms.entry_rate=0.2, regions.*.policy.voucher_rate=0.3)"))
      << resumed.output;
  const auto retried = rainforest("sweep " + sweep + " --out " + out + " --resume --retry-failed");
  EXPECT_EQ(retried.status, 6) << retried.output;
  EXPECT_TRUE(has(retried.output, "2 of 4 runs of the sweep failed")) << retried.output;
  const auto needs = rainforest("sweep " + sweep + " --out " + out + " --retry-failed");
  EXPECT_EQ(needs.status, 2) << needs.output;
  EXPECT_TRUE(has(needs.output, "--retry-failed requires --resume")) << needs.output;
}

// Case 11: a grid that would repeat a setting is refused, with the levels that would not.
TEST(CliInput, AnIntegerGridThatRepeatsPointsIsRefused) {
  Scratch s;
  const auto grid_of = [&](const std::string& settings) {
    const auto sweep = s.write(
        "g.yaml", "base: " + kDefault + "\nset: {simulation.months: 12, simulation.scale: 0.002}\ndesign: grid\nparameters:\n" +
                      "  - {path: regions.*.universities.count, " + settings + "}\n");
    return rainforest("sweep " + sweep + " --out " + s.file("g.h5"));
  };
  const auto r = grid_of("range: [2, 4], levels: 5");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_TRUE(has(r.output, "levels: 5 on regions.*.universities.count in [2, 4] gives 2 twice")) << r.output;
  EXPECT_TRUE(has(r.output, "The range holds 3 whole numbers: use levels: 3")) << r.output;
  const auto v = grid_of("values: [2, 3, 2]");
  EXPECT_EQ(v.status, 2) << v.output;
  EXPECT_TRUE(has(v.output, "lists 2 twice")) << v.output;
  EXPECT_EQ(grid_of("range: [2, 4], levels: 3").status, 0);
}

// Case 12: an outcome that is the same at every point has undefined indices, reported so.
TEST(CliInput, AConstantOutcomeHasUndefinedIndicesAndAWarning) {
  Scratch s;
  const auto sweep = s.write("s.yaml", test::tiny_sweep(4));
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --out " + s.file("s.h5")).status, 0);
  const auto r = rainforest("analyze " + s.file("s.h5") + " --outcome births_academic");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has(r.output, "warning: 'births_academic' is the same at every point of the sweep (variance 0)")) << r.output;
  EXPECT_TRUE(has(r.output, "Sobol indices are undefined and reported as NaN, not 0")) << r.output;
  EXPECT_TRUE(has(r.output, "nan")) << r.output;
}

// Case 13: reproduce refuses a file whose runs are not the stored base scenario's.
TEST(CliInput, ReproduceRefusesASweepFileAndSaysWhatReproducesIt) {
  Scratch s;
  const auto sweep = s.write("s.yaml", test::tiny_sweep(2));
  ASSERT_EQ(rainforest("sweep " + sweep + " -q --out " + s.file("s.h5")).status, 0);
  const auto r = rainforest("reproduce " + s.file("s.h5") + " --out " + s.file("again.h5"));
  EXPECT_EQ(r.status, 4) << r.output;
  EXPECT_TRUE(has(r.output, "is a sweep file; `reproduce` re-runs the runs of a file written by `rainforest run`")) << r.output;
  EXPECT_TRUE(has(r.output, "Run again the command that wrote it: ")) << r.output;
  EXPECT_TRUE(has(r.output, "sweep " + sweep)) << r.output;
  EXPECT_FALSE(fs::exists(s.file("again.h5")));
}

}  // namespace rf

namespace rf {

// Case 10: the documented horizon is one the model holds; a longer one is refused with the reason.
TEST(CliInput, HorizonsTheModelCannotHoldAreRefusedWithTheReason) {
  Scratch s;
  const auto file = s.write("long.yaml", "name: long\nsimulation:\n  months: 1200\n");
  const auto v = rainforest("validate " + file);
  EXPECT_EQ(v.status, 2) << v.output;
  EXPECT_TRUE(has(v.output, "long.yaml:3:11: 'simulation.months' = 1200 is out of range [1, 240] months")) << v.output;
  EXPECT_TRUE(has(v.output, "employment has no labour-supply ceiling")) << v.output;
  const auto r = rainforest("run " + kDefault + " --set simulation.months=241 --out " + s.file("x.h5"));
  EXPECT_EQ(r.status, 2) << r.output;
  // The longest horizon allowed holds at the default scale (the guard is 25 times the start here).
  const auto longest = rainforest("run " + kDefault + " --set simulation.months=240 --set simulation.snapshot_firms=false " +
                                  "--runs 1 --quiet --out " + s.file("240.h5"));
  EXPECT_EQ(longest.status, 0) << longest.output;
}

}  // namespace rf
