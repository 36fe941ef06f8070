// Sweeps: runs every point of a design with its seeds, journals each finished run
// (so --resume after any crash redoes nothing), and assembles one HDF5 file in run order, so the
// file is the same whatever the threads, the MPI ranks or the interruptions.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/sweep_spec.hpp"
#include "sim/engine/cluster.hpp"
#include "sim/studies/design.hpp"
#include "sim/studies/study_options.hpp"

namespace rf {

struct SweepPlan {
  SweepSpec spec;
  DesignMatrix design;
  std::vector<double> values;                  // [point][parameter], numeric (Bool 0/1, Choice index)
  std::vector<std::string> settings;           // [point][parameter], as --set path=value
  std::vector<std::uint64_t> replicate_seeds;  // the same for every point: common random numbers
  std::uint64_t fingerprint = 0;               // of the sweep text, the resolved base and the build

  [[nodiscard]] std::size_t points() const { return design.points; }
  [[nodiscard]] std::size_t runs() const { return design.points * spec.runs_per_point; }
  // Runs are interleaved across points: run j is replicate j / P of point j % P.
  [[nodiscard]] std::size_t point_of(std::size_t run) const { return run % points(); }
  [[nodiscard]] std::size_t replicate_of(std::size_t run) const { return run / points(); }
  [[nodiscard]] std::uint64_t seed_of(std::size_t run) const { return replicate_seeds[replicate_of(run)]; }
  /// The base scenario with the point's values applied.
  [[nodiscard]] Scenario scenario(std::size_t point) const;
  /// The point's settings as "path=value, path=value".
  [[nodiscard]] std::string settings_text(std::size_t point) const;
};

/// Maps the design to parameter values and checks that every point is a valid scenario.
SweepPlan make_sweep_plan(SweepSpec spec);

/// Of the shared options a sweep takes out, threads (per process), force, quiet and command_line;
/// its seeds, runs and settings are in the sweep file.
struct SweepOptions : StudyOptions {
  std::string sweep_file;
  bool retry_failed = false;  // with --resume: run again the runs that failed (by default they are kept as failed)
};

/// A sweep ready to run: its plan, and what rank 0 found in the output's place.
struct SweepStart {
  SweepPlan plan;
  std::string command_line;        // of the command that started the sweep (recorded in the file)
  bool complete = false;           // the file is already finished: nothing to run (every rank)
  bool nothing_to_resume = false;  // --resume found no interrupted sweep and starts afresh (rank 0)
};

/// Makes the plan and prepares the parts directory (a fresh start or a resume). Collective over
/// the ranks of an MPI job; a failure is thrown on one rank and SilentExit on the others.
SweepStart start_sweep(const SweepOptions& options, const Cluster& cluster);

/// A run whose point made the model stop (e.g. the population guard): the sweep goes on without it.
struct FailedRun {
  std::size_t run = 0, point = 0;
  std::string settings;  // the point's --set values
  std::string reason;
};

struct SweepReport {
  std::size_t already = 0;        // runs finished before this process started (resumed)
  std::vector<FailedRun> failed;  // rank 0: every failed run in the file, in run order
};

/// Runs the runs not yet in the journals on every rank, then rank 0 writes the file in run order
/// and removes the journals. A run that fails (ScenarioError or ModelError from the model, e.g.
/// the population guard) is journaled as failed with its reason; the other runs go on; the file
/// stores its series as NaN and names it (/runs/failed, attribute failed_runs), the journals are
/// kept, and --resume does not run it again unless retry_failed. Throws Interrupted (rank 0)
/// after SIGINT or SIGTERM on any rank.
SweepReport finish_sweep(const SweepStart& start, const SweepOptions& options, const Cluster& cluster);

}  // namespace rf
