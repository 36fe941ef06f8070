// Owns the sweep file format (docs/SWEEPS.md, "Sweep file layout"): a run file whose runs are
// the points of a design times their replicates, plus /sweep, /points and /runs/point, replicate.
// One writer and one reader, so every dataset and attribute name is written down once.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/result_file.hpp"

namespace rf {

/// What a sweep file holds beside its runs' series.
struct SweepRecord {
  std::string design;                               // grid, random, latin, saltelli or morris
  std::string fingerprint;                          // of the plan: recognises the finished file on --resume
  std::string definition;                           // the sweep file as written
  std::vector<std::string> parameters;              // [parameter]: the --set paths
  std::vector<double> values;                       // [point][parameter]; true/false 1/0, a choice its index
  std::vector<double> unit;                         // [point][parameter]: unit-cube coordinates
  std::vector<std::string> settings;                // [point][parameter]: path=value
  std::vector<std::int64_t> block, changed;         // [point]: design blocks, parameter changed or -1
  std::vector<std::int64_t> run_point, replicate;   // [run]
  std::size_t points = 0, runs_per_point = 0;       // the design's points and runs per point
  std::size_t base_points = 0;                      // N of the sweep file (saltelli: base sample size)
  std::size_t trajectories = 0, morris_levels = 0;  // morris
  std::vector<std::int64_t> failed_runs;            // runs whose point made the model stop (series NaN)
  std::vector<std::string> failures;                // [failed run]: the point's settings and the reason
};

/// Writes a sweep file. Overwrites `path`: the sweep checked it when it started.
class SweepFileWriter {
 public:
  /// `definition_file` names the sweep file in the description of /sweep/definition.
  SweepFileWriter(const std::string& path, const Provenance& provenance, const Scenario& base,
                  const std::vector<std::uint64_t>& seeds, const SweepRecord& record, const std::string& definition_file);
  /// Writes run `index` (calls must come in run order).
  void write_run(std::size_t index, const RunResult& result) { file_.write_run(index, result); }
  /// Closes and renames the file into place.
  void commit() { file_.commit(); }

 private:
  ResultFile file_;
};

/// A sweep file read back: its record, the resolved base scenario and the series' shape.
struct StoredSweep {
  SweepRecord record;
  std::string scenario_yaml;
  std::size_t regions = 0, months = 0;
};

/// Throws InputFileError if `path` is not a readable sweep file.
StoredSweep read_sweep_file(const std::string& path);

/// Where `rainforest analyze` stores the tables of analysis `name` in a sweep file.
std::string sweep_analysis_group(const std::string& name);

}  // namespace rf
