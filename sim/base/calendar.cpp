#include "sim/base/calendar.hpp"

#include <cstdio>

namespace rf {

std::string month_text(MonthIndex m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d", static_cast<long long>((m - month_of_year(m)) / 12), month_of_year(m) + 1);
  return buf;
}

std::optional<MonthIndex> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int digits[6];
  for (std::size_t i = 0, d = 0; i < text.size(); ++i) {
    if (i == 4) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    digits[d++] = text[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const int month = digits[4] * 10 + digits[5];
  if (month < 1 || month > 12) return std::nullopt;
  return month_index(year, month);
}

}  // namespace rf
