// The journal of a comparison's finished runs (OUT.parts, sim/io/journal): an interrupted or
// killed `compare` resumes with --resume and redoes only the runs that had not finished.
//
// Every run of a comparison has a stable id, so a resumed command finds it whatever order the
// runs finished in. With S scenarios and a budget of B runs per scenario (--runs, or --max-runs
// with --precision):
//   scenario k, run i                        -> k * B + i              (whole run: series, events)
//   null copy of the first scenario, run i   -> S * B + i              (whole run)
//   c-th counterfactual of --decompose, run i -> (S + 1) * B + c * R + i (outcome values only)
//   --robust point p, scenario k, run i      -> 2^40 + (2 p + k) * runs + i (outcome values only)
// where R is --decompose-runs and c counts counterfactuals in the order the Shapley computation
// first asks for them, which depends only on the lever groups and the seeds.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/simulation.hpp"
#include "sim/io/journal.hpp"

namespace rf {

class CompareJournal {
 public:
  /// Reads the journals of `dir` kept for the plan `fingerprint` and opens one to append to.
  /// Throws UsageError if a journal there belongs to another plan, OutputError if it cannot write.
  CompareJournal(const std::string& dir, std::uint64_t fingerprint);

  /// The whole run journaled under `id`, if any (decoded exactly as it was simulated).
  [[nodiscard]] std::optional<RunResult> run(std::uint64_t id) const;
  /// Journals a whole run.
  void add_run(std::uint64_t id, const RunResult& r);

  /// The outcome values journaled under `id` for the counterfactual `key` (its coalition of lever
  /// groups), if any; a record of another key (a different plan position) is ignored.
  [[nodiscard]] std::optional<std::vector<double>> values(std::uint64_t id, std::uint64_t key, std::size_t count) const;
  /// Journals the outcome values of a counterfactual run.
  void add_values(std::uint64_t id, std::uint64_t key, const std::vector<double>& values);

  /// Forces what was journaled to disk (before an interrupted command exits).
  void sync() { writer_.sync(); }
  /// Runs found in the journals when the command started.
  [[nodiscard]] std::size_t kept() const { return journaled_.size(); }

 private:
  std::map<std::uint64_t, JournalRecord> journaled_;
  JournalWriter writer_;
};

/// Where a block of runs of a comparison goes in the journal: the id of its first run and, for a
/// counterfactual of --decompose, the key of its coalition (only outcome values are kept).
struct JournalSlot {
  CompareJournal* journal = nullptr;  // none: nothing is journaled
  std::uint64_t first_id = 0;
  bool whole_runs = true;
  std::uint64_t key = 0;
};

}  // namespace rf
