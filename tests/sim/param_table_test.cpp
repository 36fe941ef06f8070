#include "models/param_table.hpp"

#include <gtest/gtest.h>

#include <set>

namespace rf {

TEST(ParamTable, EveryRowIsComplete) {
  std::set<std::string> names;
  for (const auto& p : parameter_table()) {
    SCOPED_TRACE(p.path());
    EXPECT_TRUE(names.insert(std::string(p.name)).second) << "names must be unique (they are C++ fields)";
    EXPECT_FALSE(p.description.empty());
    EXPECT_FALSE(p.source.empty());
    EXPECT_FALSE(p.unit.empty());
    EXPECT_LE(p.min, p.max);
    EXPECT_GE(p.default_value, p.min);
    EXPECT_LE(p.default_value, p.max);
    if (p.kind == Kind::Choice) {
      EXPECT_LT(p.default_value, static_cast<double>(p.choice_list().size()));
    }
  }
  EXPECT_GT(names.size(), 100u);
}

TEST(ParamTable, DefaultsOfStructsMatchTable) {
  const SimulationParams sim;
  const RegionParams region;
  for (const auto& p : parameter_table()) {
    const double v = p.scope == Scope::Simulation ? p.get(&sim) : p.get(&region);
    EXPECT_DOUBLE_EQ(v, p.default_value) << p.path();
  }
}

TEST(ParamTable, SetAndGetRoundTrip) {
  RegionParams r;
  const ParamSpec* spec = find_param(Scope::Region, "policy", "voucher_rate");
  ASSERT_NE(spec, nullptr);
  spec->set(&r, 0.3);
  EXPECT_DOUBLE_EQ(r.voucher_rate, 0.3);
  EXPECT_EQ(find_param(Scope::Region, "policy", "voucher_rat"), nullptr);
}

TEST(ParamTable, ScaleMultipliesOnlyExtensiveParameters) {
  RegionParams r;
  apply_scale(r, 0.5);
  EXPECT_DOUBLE_EQ(r.initial_firms, RegionParams{}.initial_firms * 0.5);
  EXPECT_DOUBLE_EQ(r.voucher_budget, RegionParams{}.voucher_budget * 0.5);
  EXPECT_DOUBLE_EQ(r.voucher_rate, RegionParams{}.voucher_rate);
  EXPECT_DOUBLE_EQ(r.voucher_cap, RegionParams{}.voucher_cap);  // per firm: not scaled
}

TEST(ParamTable, FormatValueRoundTripsReals) {
  const ParamSpec* spec = find_param(Scope::Region, "firms", "size_tail_exponent");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(std::stod(spec->format_value(0.1 + 0.2)), 0.1 + 0.2);
}

}  // namespace rf
