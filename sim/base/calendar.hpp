// Calendar months as single integers, so a date fits the one numeric parameter table and a
// timeline entry's date compares and subtracts like any month count.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rf {

/// A calendar month as year * 12 + (month - 1): 2015-01 is 24180, 2015-02 is 24181.
using MonthIndex = std::int64_t;

constexpr MonthIndex month_index(int year, int month) {
  return static_cast<MonthIndex>(year) * 12 + (month - 1);
}

/// "YYYY-MM" (e.g. "2015-01").
std::string month_text(MonthIndex m);

/// Parses exactly "YYYY-MM" with a four-digit year and a month 01-12; nothing else (no day,
/// no "2015-1"). Returns nullopt otherwise.
std::optional<MonthIndex> parse_month(std::string_view text);

/// Month of the year, 0 for January .. 11 for December.
constexpr int month_of_year(MonthIndex m) {
  return static_cast<int>(((m % 12) + 12) % 12);
}

}  // namespace rf
