// `rainforest analyze`: sensitivity of one outcome of a finished sweep to its parameters
// (Sobol indices for a saltelli design, Morris effects for a morris design, Spearman rank
// correlations otherwise). Prints a table and stores it back in the sweep file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/studies/moments.hpp"

namespace rf {

struct AnalyzeOptions {
  std::string file;
  std::string outcome = "startup_births";  // a moment of `outcomes_file` or a metric name
  std::string outcomes_file = "scenarios/compare/outcomes.yaml";
  std::string region;  // for a metric outcome; empty: the first region
  int at_month = 0;    // 0: the whole run; M: as if the run had ended after month M
  std::size_t bootstrap = 1000;
  std::uint64_t seed = 1;
  bool quiet = false;
};

struct SensitivityRow {
  std::string parameter;
  std::vector<double> values;  // in the order of SensitivityTable::columns
};

struct SensitivityTable {
  std::string method;  // "sobol", "morris" or "spearman"
  std::string outcome, group;
  std::vector<std::string> columns;
  std::vector<SensitivityRow> rows;  // sorted by the main index, largest first
  double mean = 0.0, variance = 0.0;
  std::size_t points = 0, runs = 0;
  std::string warning;  // why some values are undefined (NaN), or empty
};

/// A moment of the outcomes file, or the final value of a metric in a region.
Moment outcome_moment(const std::string& name, const std::string& outcomes_file, const std::string& region);

/// Analyses and (unless `store` is false) writes /analysis/<outcome> into the file.
SensitivityTable analyze_sweep(const AnalyzeOptions& options, bool store = true);

/// Spearman rank correlation (ties get mean ranks).
double spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace rf
