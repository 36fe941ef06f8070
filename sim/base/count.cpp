#include "sim/base/count.hpp"

#include <algorithm>
#include <charconv>

namespace rf {

std::optional<std::uint64_t> parse_count(std::string_view text, std::uint64_t min, std::uint64_t max) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, v);
  if (parsed.ec != std::errc() || parsed.ptr != end || v < min || v > max) return {};  // ec: past 2^64 - 1
  return v;
}

std::string count_rule_text(std::uint64_t min, std::uint64_t max) {
  const std::string top = max == kMaxSeed ? "2^64 - 1 (" + std::to_string(max) + ")" : std::to_string(max);
  return "a whole number from " + std::to_string(min) + " to " + top;
}

}  // namespace rf
