#include "sim/base/calendar.hpp"

#include <gtest/gtest.h>

namespace rf {

TEST(Calendar, MonthsAreConsecutiveIntegersAcrossYearEnds) {
  EXPECT_EQ(month_index(2015, 1), 24180);
  EXPECT_EQ(month_index(2015, 12) + 1, month_index(2016, 1));
  EXPECT_EQ(month_of_year(month_index(2024, 3)), 2);
  EXPECT_EQ(month_text(month_index(2024, 3)), "2024-03");
  EXPECT_EQ(month_text(month_index(1999, 12)), "1999-12");
}

TEST(Calendar, ParsesOnlyYearDashTwoDigitMonth) {
  EXPECT_EQ(parse_month("2024-03"), month_index(2024, 3));
  EXPECT_EQ(parse_month("2015-12"), month_index(2015, 12));
  for (const char* bad : {"2024-13", "2024-00", "2024-3", "24-03", "2024/03", "2024-03-01", "march", "", "2024-0a"}) {
    EXPECT_FALSE(parse_month(bad).has_value()) << bad;
  }
}

}  // namespace rf
