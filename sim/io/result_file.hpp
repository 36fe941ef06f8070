// Writes HDF5 result files (layout in docs/OUTPUT.md). A file is written to a temporary name next
// to the target and renamed only when complete, so a result file is never half-written.
// A run file holds one run group at "/"; a comparison file holds one run group per scenario
// under /scenarios/<name> and the comparison tables under /compare.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/table.hpp"

namespace rf {

struct Provenance {
  std::string command_line;
  std::string scenario_yaml;    // resolved: every parameter, reproduces the run exactly
  std::string scenario_input;   // the text as the user wrote it
  std::string scenario_origin;  // file name
  std::uint64_t base_seed = 0;
};

class ResultFile {
 public:
  /// Opens OUT.tmp.<pid>; `kind` is "run" or "compare".
  ResultFile(const std::string& path, bool force, const std::string& kind, const std::string& command_line,
             std::uint64_t base_seed);
  ~ResultFile();  // removes the temporary file unless commit() was called
  ResultFile(const ResultFile&) = delete;
  ResultFile& operator=(const ResultFile&) = delete;

  /// Starts a run group ("/" or "/scenarios/<name>") for a scenario and its seeds.
  void begin_group(const std::string& group, const Provenance& provenance, const Scenario& scenario,
                   const std::vector<std::uint64_t>& seeds);
  /// Makes a group begun earlier the current one again, so runs of several groups can be written
  /// in turns (each group's runs still in run order).
  void resume_group(const std::string& group);
  /// Writes run `index` of the current group (calls must come in run order).
  void write_run(std::size_t index, const RunResult& result);
  /// Writes a table under `group` (created if needed).
  void write_table(const std::string& group, const Table& table);
  /// Writes a string array dataset.
  void write_strings(const std::string& path, const std::vector<std::string>& values);
  /// Writes a string dataset with a description.
  void write_text(const std::string& path, const std::string& text, const std::string& description);
  /// Writes a 1-D (or, with `columns` > 0, 2-D) integer or double dataset with a description.
  void write_ints(const std::string& path, const std::vector<std::int64_t>& values, const std::string& description);
  void write_doubles(const std::string& path, const std::vector<double>& values, std::size_t columns,
                     const std::string& description);
  /// Sets a string attribute on the root group.
  void set_root_attribute(const std::string& name, const std::string& value);
  /// Keeps only the first `runs` runs of the current group (a group begun with more seeds than
  /// were run, as `compare --precision` does).
  void keep_runs(std::size_t runs);
  /// keep_runs after an interrupt, marking the file with the attribute interrupted = "K of N runs".
  void truncate_runs(std::size_t runs);
  /// Closes and renames the file into place.
  void commit();
  /// Gives the file up after a write elsewhere failed for lack of room: the temporary file is
  /// removed without closing it through HDF5, which would try to flush it and fail again.
  void abandon();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A run file: one run group at "/".
class RunFile {
 public:
  RunFile(const std::string& path, bool force, const Provenance& provenance, const Scenario& scenario,
          const std::vector<std::uint64_t>& seeds);
  void write_run(std::size_t index, const RunResult& result) { file_.write_run(index, result); }
  void set_root_attribute(const std::string& name, const std::string& value) { file_.set_root_attribute(name, value); }
  void truncate_runs(std::size_t runs) { file_.truncate_runs(runs); }
  void commit() { file_.commit(); }
  void abandon() { file_.abandon(); }

 private:
  ResultFile file_;
};

}  // namespace rf
