// `rainforest sweep`: runs every point of a design with its seeds, journals each finished run
// (so --resume after any crash redoes nothing), and assembles one HDF5 file in run order, so the
// file is the same whatever the threads, the MPI ranks or the interruptions.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/sweep_spec.hpp"
#include "sim/engine/cluster.hpp"
#include "sim/studies/design.hpp"

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
};

/// Maps the design to parameter values and checks that every point is a valid scenario.
SweepPlan make_sweep_plan(SweepSpec spec);

struct SweepOptions {
  std::string sweep_file, out, command_line;
  unsigned threads = 0;  // 0: all cores
  bool resume = false, force = false, quiet = false;
};

/// Runs (or finishes) a sweep on this process, or on all ranks of an MPI job. Returns the exit
/// status; ranks other than 0 return a failure status without printing a second message.
int run_sweep(const SweepOptions& options, const Cluster& cluster);

/// The parts directory that holds the journals of an unfinished sweep writing `out`.
std::string sweep_parts_dir(const std::string& out);

}  // namespace rf
