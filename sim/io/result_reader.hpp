// Reads back what `reproduce`, `report` and the tests need from a result file: root attributes,
// the stored scenario and seeds of a run group, and its series.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rf {

/// A string attribute of the root group, or "" if the file or the attribute cannot be read.
std::string read_root_attribute(const std::string& path, const std::string& name);

/// What `rainforest reproduce` and the tests read back from a run group.
struct StoredRuns {
  std::string scenario_yaml;
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> regions;
  std::size_t months = 0;
};
/// Throws InputFileError if the file is not a readable rainforest file.
StoredRuns read_stored_runs(const std::string& path, const std::string& group = "/");

/// Names of the metrics in the /series group of a run group (its three-dimensional datasets; the
/// dimension scales run, region and month are left out), in the file's order. Throws InputFileError.
std::vector<std::string> series_names(const std::string& path, const std::string& group = "/");

/// One /series dataset of a run group as [run][region][month], flattened. Throws InputFileError.
std::vector<double> read_series(const std::string& path, const std::string& metric, const std::string& group = "/");

}  // namespace rf
