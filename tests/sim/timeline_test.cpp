// Dated scenarios: the calendar start and timeline entries (docs/MODEL.md "Dated policies").
#include <gtest/gtest.h>

#include "sim/base/calendar.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"

namespace rf {

namespace {

std::string error_of(const std::string& text) {
  try {
    load_scenario_text(text, "test.yaml");
  } catch (const ScenarioError& e) {
    return std::string(e.what()) + " | " + e.remedy();
  }
  return "";
}

}  // namespace

TEST(Timeline, StartDefaultsToJanuary2015AndReadsYearMonth) {
  EXPECT_EQ(load_scenario_text("simulation:\n  months: 12\n", "a.yaml").sim.start, month_index(2015, 1));
  const Scenario s = load_scenario_text("simulation:\n  start: 2019-07\n", "a.yaml");
  EXPECT_EQ(s.sim.start, month_index(2019, 7));
  EXPECT_NE(resolved_yaml(s).find("start: 2019-07"), std::string::npos);
  EXPECT_EQ(load_scenario_text(resolved_yaml(s), "resolved").sim.start, s.sim.start);
}

TEST(Timeline, MalformedStartIsAnErrorWithLineAndColumn) {
  const auto e = error_of("simulation:\n  months: 12\n  start: 2015-13\n");
  EXPECT_NE(e.find("test.yaml:3:10"), std::string::npos) << e;
  EXPECT_NE(e.find("YYYY-MM"), std::string::npos) << e;
  EXPECT_NE(error_of("simulation:\n  start: 1850-01\n").find("out of range [1900-01, 2100-12]"), std::string::npos);
}

}  // namespace rf
