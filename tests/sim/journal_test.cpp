// Journals of finished runs survive crashes: intact records are read back, a torn tail is ignored,
// and a journal of another plan is refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scratch.hpp"
#include "sim/base/errors.hpp"
#include "sim/io/journal.hpp"

namespace rf {

TEST(Journal, RecordsRoundTripAndATornTailIsIgnored) {
  test::Scratch s;
  std::string path;
  {
    JournalWriter w(s.dir.string(), 77, 0);
    w.append(5, {1.0, 2.0, 3.0});
    w.append(2, {4.0, 5.0, 6.0});
    path = w.path();
  }
  {
    // A crash in the middle of the third record leaves half of it.
    std::ofstream out(path, std::ios::binary | std::ios::app);
    const std::uint64_t head[3] = {0x3130304e55524652ull, 9, 3};
    out.write(reinterpret_cast<const char*>(head), sizeof head);
    out.write("abc", 3);
  }
  const auto records = scan_journals(s.dir.string(), 77);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(read_journal_record(records.at(5)), (std::vector<double>{1.0, 2.0, 3.0}));
  EXPECT_EQ(read_journal_record(records.at(2)), (std::vector<double>{4.0, 5.0, 6.0}));
}

TEST(Journal, CorruptedRecordStopsTheScanOfItsFile) {
  test::Scratch s;
  std::string path;
  {
    JournalWriter w(s.dir.string(), 1, 0);
    w.append(0, {1.0});
    w.append(1, {2.0});
    path = w.path();
  }
  {
    std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(-12, std::ios::end);  // inside the value of the second record
    f.put('\x7f');
  }
  const auto records = scan_journals(s.dir.string(), 1);
  EXPECT_EQ(records.size(), 1u);
  EXPECT_EQ(records.count(0), 1u);
}

TEST(Journal, OtherPlanIsRefusedAndTwoWritersCoexist) {
  test::Scratch s;
  {
    JournalWriter a(s.dir.string(), 3, 0);
    JournalWriter b(s.dir.string(), 3, 1);
    a.append(0, {1.0});
    b.append(1, {2.0});
  }
  EXPECT_EQ(scan_journals(s.dir.string(), 3).size(), 2u);
  EXPECT_THROW(scan_journals(s.dir.string(), 4), UsageError);
  EXPECT_TRUE(scan_journals((s.dir / "missing").string(), 3).empty());
}

}  // namespace rf
