// The options many subcommands share (--out, --force, --quiet, --seed, --runs, --set, --threads),
// declared here once with one name, short flag and wording each, and resolved here once; and the
// one rule for every count or size option of every subcommand (add_count).
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/base/count.hpp"

namespace rf::cli {

/// The most worker threads (0 means every core).
constexpr std::uint64_t kMaxThreads = 1024;

/// The rule of every count option: the text must be a whole number written in digits (no sign,
/// fraction or exponent) from `min` to `max`; anything else, including a number past 2^64 - 1, is a
/// usage error (exit status 2) that states the range in words. Nothing wraps around.
CLI::Validator count_rule(std::uint64_t min, std::uint64_t max);

/// An option bound to an unsigned or signed integer under count_rule(min, max). `max` must fit T.
template <class T>
CLI::Option* add_count(CLI::App& app, const std::string& flags, T& value, std::uint64_t min, std::uint64_t max,
                       const std::string& help) {
  static_assert(std::is_integral_v<T>);
  return app.add_option(flags, value, help)->check(count_rule(min, max));
}

/// Every hardware thread (at least one): what an absent --threads or --threads 0 means.
unsigned default_threads();

/// The rule of every size option given as a real (a scale): a finite number from `min` to `max`,
/// else a usage error (status 2) stating the range.
CLI::Validator size_rule(double min, double max);

/// --threads,-t, 0 to kMaxThreads. Resolved (0 or absent: default_threads()) when `app` has been parsed.
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
/// --seed,-s: the base seed, 0 to 2^64 - 1.
CLI::Option* add_seed(CLI::App& app, std::uint64_t& seed,
                      const std::string& help = "Base seed; run i uses a seed derived from (base, i)");
/// --runs,-n: seeded runs, `min` (1, or 2 where intervals need two) to kMaxRuns.
CLI::Option* add_runs(CLI::App& app, std::size_t& runs, const std::string& help = "Number of seeded runs", std::uint64_t min = 1);
/// --set path=value, repeatable; each --set takes exactly one value, so `--set k=v SCENARIO`
/// leaves SCENARIO to the positional argument.
CLI::Option* add_set(CLI::App& app, std::vector<std::string>& overrides,
                     const std::string& help = "Override a parameter: path=value (repeatable), e.g. simulation.months=60");

}  // namespace rf::cli
