// The HDF5 result file (layout in docs/OUTPUT.md). Written to a temporary name next to the
// target and renamed only when complete, so a result file is never half-written.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace rf {

struct Provenance {
  std::string command_line;
  std::string scenario_yaml;    // resolved: every parameter, reproduces the run exactly
  std::string scenario_input;   // the text as the user wrote it
  std::string scenario_origin;  // file name
  std::uint64_t base_seed = 0;
};

/// Refuses an existing file unless `force`, and checks the directory can be written.
void check_output_path(const std::string& path, bool force);

class RunFile {
 public:
  RunFile(const std::string& path, bool force, const Provenance& provenance, const Scenario& scenario,
          const std::vector<std::uint64_t>& seeds);
  ~RunFile();  // removes the temporary file unless commit() was called
  RunFile(const RunFile&) = delete;
  RunFile& operator=(const RunFile&) = delete;

  /// Writes run `index` (calls must come in run order).
  void write_run(std::size_t index, const RunResult& result);
  /// Closes and renames the file into place.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// What `rainforest reproduce` and the tests read back from a run file.
struct StoredRuns {
  std::string scenario_yaml;
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> regions;
  std::size_t months = 0;
};
StoredRuns read_stored_runs(const std::string& path);

/// One /series dataset as [run][region][month], flattened.
std::vector<double> read_series(const std::string& path, const std::string& metric);

}  // namespace rf
