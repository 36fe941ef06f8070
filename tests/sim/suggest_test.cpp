#include "sim/base/suggest.hpp"

#include <gtest/gtest.h>

namespace rf {

TEST(Suggest, ClosestSuggestsMisspellings) {
  EXPECT_EQ(closest("voucher_budgt", {"voucher_budget", "voucher_rate"}), "voucher_budget");
  EXPECT_EQ(closest("zzzzzzzzzz", {"ab", "cd"}), "");
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

}  // namespace rf
