// Where a long command keeps its finished runs until its output file is complete: the directory
// OUT.parts beside OUT, holding plan.txt (the plan's fingerprint and the command line that started
// it) and journals of finished runs (sim/io/journal). A killed command leaves it behind; the same
// command with --resume redoes only the missing runs. `sweep`, `run`, `reproduce`, `compare` and
// `calibrate` share these rules.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rf {

/// OUT.parts.
std::string parts_dir(const std::string& out);

/// 16 hex digits of `v`: how fingerprints are written in plan files and result files.
std::string hex64(std::uint64_t v);

/// The fingerprint of a plan: the texts its runs depend on (resolved scenarios, seeds, settings)
/// and this build's version and commit. Journals carry it; files and plan.txt its hex64 text.
std::uint64_t plan_fingerprint(const std::vector<std::string>& texts);

/// With --resume, OUT is already the finished output of this plan: nothing to do.
struct AlreadyComplete {};

struct PartsRequest {
  std::string out;             // the output file
  std::string fingerprint;     // of the plan (hex): what the runs depend on, and the build
  std::string command_line;    // of this invocation
  std::string what;            // "sweep", "run", ... for messages
  std::string resume_command;  // the command that resumes, for messages
  bool resume = false, force = false;
};

struct PartsState {
  std::string command_line;  // of the invocation that started the work (recorded in the output)
  bool resumed = false;      // journals of an earlier invocation are kept
};

/// Decides between a fresh start and a resume, and prepares OUT.parts (one process only: rank 0
/// of a sweep). A resume needs OUT.parts of the same fingerprint; OUT may exist only as this
/// plan's interrupted output (root attributes plan_fingerprint and interrupted, or failed_runs
/// for a sweep with failed points), which the command then replaces. Throws AlreadyComplete, UsageError (another plan) or
/// OutputError (OUT exists, or OUT.parts exists without --resume or --force).
PartsState prepare_parts(const PartsRequest& request);

/// Removes OUT.parts once OUT is written.
void remove_parts(const std::string& out);

/// Removes OUT.parts if its journals hold no finished run of the plan (a command that failed
/// before any run finished leaves nothing to resume, and must not block the next one).
void remove_parts_without_runs(const std::string& out, std::uint64_t fingerprint);

}  // namespace rf
