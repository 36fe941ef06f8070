// Corrections for testing many outcomes at once: the p-values of one table are adjusted
// together, so "p < 0.05 after adjustment" keeps its meaning across the table.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rf::stats {

enum class Correction {
  Holm,               // Holm (1979) step-down: controls the family-wise error rate under any dependence
  BenjaminiHochberg,  // Benjamini & Hochberg (1995) step-up: controls the false discovery rate
};

/// Adjusted p-values in the order of `p`, each in [0, 1]. NaN entries (no test) stay NaN and do
/// not count towards the number of tests.
std::vector<double> adjust_p_values(std::span<const double> p, Correction correction);

/// "Holm" or "Benjamini-Hochberg", as printed in tables and stored in HDF5 attributes.
std::string_view correction_name(Correction correction);
/// Reads the command-line spelling: "holm" or "bh". Throws UsageError otherwise.
Correction parse_correction(const std::string& text);

}  // namespace rf::stats
