// The one rule for counts a user types (on the command line or in a sweep file): a whole number
// written in decimal digits within a stated range. No sign, fraction or exponent is taken, and a
// number past 2^64 - 1 is refused rather than wrapped or saturated.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace rf {

/// The most seeded runs one command takes (per scenario, per sweep point or per evaluation):
/// 100,000 runs of the default scenario already write 5.8 GB.
constexpr std::uint64_t kMaxRuns = 100000;
/// The largest seed: seeds are unsigned 64-bit integers.
constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();

/// The value of `text` if it is a whole number in digits from `min` to `max`; otherwise nothing.
std::optional<std::uint64_t> parse_count(std::string_view text, std::uint64_t min, std::uint64_t max);

/// "a whole number from MIN to MAX" (MAX = 2^64 - 1 is written so, with its digits).
std::string count_rule_text(std::uint64_t min, std::uint64_t max);

}  // namespace rf
