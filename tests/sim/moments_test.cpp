#include "sim/studies/moments.hpp"

#include <gtest/gtest.h>

namespace rf {

namespace {
Moment with_value(double value, double tolerance) {
  Moment m;
  m.value = value;
  m.tolerance = tolerance;
  return m;
}
}  // namespace

TEST(Moment, MeetsChecksTheMeanAgainstValueAndBounds) {
  const Moment m = with_value(10.0, 2.0);
  EXPECT_TRUE(m.meets(11.9));
  EXPECT_FALSE(m.meets(12.1));
  Moment floor;
  floor.min = 600.0;
  EXPECT_TRUE(floor.meets(600.0));
  EXPECT_FALSE(floor.meets(599.0));
}

TEST(Moment, ReachedByAnIntervalThatOverlapsTheBand) {
  const Moment m = with_value(10.0, 2.0);  // band [8, 12]
  EXPECT_TRUE(m.reached_by(11.0, 20.0));   // mean may be outside, the interval overlaps
  EXPECT_TRUE(m.reached_by(5.0, 30.0));    // straddles the whole band
  EXPECT_FALSE(m.reached_by(12.5, 20.0));  // wholly above
  EXPECT_FALSE(m.reached_by(1.0, 7.9));    // wholly below
  Moment bounded = with_value(10.0, 2.0);
  bounded.max = 9.0;  // band [8, 9]
  EXPECT_FALSE(bounded.reached_by(9.5, 11.0));
  Moment floor;
  floor.min = 600.0;
  EXPECT_TRUE(floor.reached_by(500.0, 700.0));
  EXPECT_FALSE(floor.reached_by(100.0, 599.0));
  EXPECT_TRUE(Moment{}.reached_by(-1.0, 1.0));  // no target: always reached
}

}  // namespace rf
