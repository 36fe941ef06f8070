// Regression against blessed outputs: every series, the firm snapshot and the ties of small runs
// of three presets must stay bit-identical, so optimisations cannot change results silently.
// Bless new outputs only with scripts/update-golden.sh (it sets RF_UPDATE_GOLDEN=1).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "models/metrics.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/journal.hpp"

namespace rf {
namespace {

/// One line per series (metric, region) and per snapshot column: a 64-bit hash of the exact bits
/// and the last value, so a failure names what changed and by how much.
std::string digest(const RunResult& r) {
  std::ostringstream out;
  char line[256];
  const auto metrics = metric_table();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    for (std::size_t g = 0; g < r.regions; ++g) {
      const double* values = r.series.data() + (m * r.regions + g) * r.months;
      std::snprintf(line, sizeof line, "series %s region%zu %016llx last=%.17g\n", std::string(metrics[m].name).c_str(), g,
                    static_cast<unsigned long long>(fnv1a(values, r.months * sizeof(double))), values[r.months - 1]);
      out << line;
    }
  }
  for (const auto& column : r.firms) {
    const double sum = [&] {
      double s = 0.0;
      for (double v : column.values) s += v;
      return s;
    }();
    std::snprintf(line, sizeof line, "firms %s %016llx n=%zu sum=%.17g\n", std::string(column.name).c_str(),
                  static_cast<unsigned long long>(fnv1a(column.values.data(), column.values.size() * sizeof(double))),
                  column.values.size(), sum);
    out << line;
  }
  std::snprintf(line, sizeof line, "ties %016llx n=%zu\n",
                static_cast<unsigned long long>(fnv1a(r.ties.data(), r.ties.size() * sizeof(std::int64_t))), r.ties.size() / 2);
  out << line;
  return out.str();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class Golden : public ::testing::TestWithParam<const char*> {};

TEST_P(Golden, OutputIsBitIdenticalToTheBlessedRun) {
  const std::string name = GetParam();
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  s.sim.scale = 0.02;
  s.sim.months = 60;
  s.sim.snapshot_firms = true;
  const std::string actual = digest(simulate(s, run_seed(20261123, 0)));
  const std::string path = std::string(RF_SOURCE_DIR) + "/tests/golden/" + name + ".txt";
  if (std::getenv("RF_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << actual;
    GTEST_SKIP() << "blessed " << path;
  }
  const std::string expected = read_all(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing: run scripts/update-golden.sh";
  // Compare line by line so the message lists the outputs that changed.
  std::istringstream a(actual), e(expected);
  std::string la, le;
  int differences = 0;
  while (std::getline(e, le)) {
    std::getline(a, la);
    if (la != le && ++differences <= 10) ADD_FAILURE() << "expected " << le << "\n     got " << la;
  }
  EXPECT_EQ(differences, 0) << differences << " outputs differ from " << path
                            << "; if the change is intended, explain it in docs/MODEL.md and run scripts/update-golden.sh";
  EXPECT_FALSE(std::getline(a, la)) << "more outputs than the blessed file: run scripts/update-golden.sh";
}

INSTANTIATE_TEST_SUITE_P(Presets, Golden, ::testing::Values("default", "hangzhou", "yangtze-delta"), [](const auto& param_info) {
  std::string n = param_info.param;
  for (char& c : n) c = c == '-' ? '_' : c;
  return n;
});

}  // namespace
}  // namespace rf
