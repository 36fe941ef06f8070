// The options many subcommands share (--out, --force, --quiet, --seed, --runs, --set, --threads),
// declared here once with one name, short flag and wording each, and resolved here once.
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace rf::cli {

/// Every hardware thread (at least one): what an absent --threads or --threads 0 means.
unsigned default_threads();

/// --threads,-t. Resolved (0 or absent: default_threads()) when `app` has been parsed.
CLI::Option* add_threads(CLI::App& app, unsigned& threads,
                         const std::string& help = "Worker threads (default: all cores); results do not depend on it");
/// --out,-o: the output file.
CLI::Option* add_out(CLI::App& app, std::string& out, const std::string& help = "HDF5 file to write");
/// --force.
CLI::Option* add_force(CLI::App& app, bool& force, const std::string& help = "Overwrite an existing output file");
/// --resume: finish an interrupted command from its journal (OUT.parts).
CLI::Option* add_resume(
    CLI::App& app, bool& resume,
    const std::string& help = "Finish an interrupted command without redoing its finished runs (kept in OUT.parts)");
/// --quiet,-q.
CLI::Option* add_quiet(CLI::App& app, bool& quiet, const std::string& help = "No progress line or summary");
/// --seed,-s: the base seed.
CLI::Option* add_seed(CLI::App& app, std::uint64_t& seed,
                      const std::string& help = "Base seed; run i uses a seed derived from (base, i)");
/// --runs,-n: seeded runs.
CLI::Option* add_runs(CLI::App& app, std::size_t& runs, const std::string& help = "Number of seeded runs");
/// --set path=value, repeatable.
CLI::Option* add_set(CLI::App& app, std::vector<std::string>& overrides,
                     const std::string& help = "Override a parameter: path=value (repeatable), e.g. simulation.months=60");

}  // namespace rf::cli
