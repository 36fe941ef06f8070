// "Did you mean" suggestions for misspelled names: keys, parameters, outcomes, algorithms.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rf {

/// Levenshtein edit distance: insertions, deletions and substitutions of one character each.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` (empty if none is reasonably close).
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rf
