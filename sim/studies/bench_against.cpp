#include "sim/studies/bench_against.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numeric>

#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/stats.hpp"
#include "sim/io/result_reader.hpp"

namespace rf {

namespace {

using Clock = std::chrono::steady_clock;

/// This process's own binary, so the comparison runs exactly the build that was invoked.
std::string self_binary() {
  std::error_code ec;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find this binary's path: " + ec.message(), "Run bench --against on Linux (/proc is needed).");
  return path.string();
}

struct ChildRun {
  double wall = 0.0;         // s, from start to exit
  double cpu = 0.0;          // s, user + system
  double peak_rss_mb = 0.0;  // of the child
};

/// Starts `args` (args[0] the binary) and waits for it. Its own output goes to the terminal, so a
/// failing run says why; a non-zero exit throws.
ChildRun run_child(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const auto t0 = Clock::now();
  if (const int e = posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ); e != 0) {
    throw Error("cannot start '" + args[0] + "': " + std::strerror(e), "Check that it is an executable rainforest binary.");
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) throw Error("lost the run of '" + args[0] + "'", "Run the bench again.");
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  // Ctrl-C reaches the child too (same process group); it stops, and so does the comparison.
  if (interrupted()) {
    throw Interrupted("bench --against interrupted",
                      "Run it again to measure; its temporary outputs are in the temporary directory (rf_against_*).",
                      interrupt_signal());
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line;
    for (const auto& a : args) line += (line.empty() ? "" : " ") + a;
    const std::string how = WIFEXITED(status) ? "status " + std::to_string(WEXITSTATUS(status))
                                              : "killed by signal " + std::to_string(WTERMSIG(status));
    throw Error("the timed run failed (" + how + "): " + line,
                "Run that command by hand to see why; the other binary may not know an option of this one.");
  }
  return {wall, cpu_seconds(usage.ru_utime, usage.ru_stime), static_cast<double>(usage.ru_maxrss) / 1024.0};
}

/// Living firms summed over regions and months of the run in `path`.
double firm_steps_in(const std::string& path) {
  const std::vector<double> alive = read_series(path, "firms_alive");
  return std::accumulate(alive.begin(), alive.end(), 0.0);
}

/// First difference between two series of one metric, bit for bit (NaN equals NaN of the same bits).
std::string values_difference(const std::string& metric, const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) {
    return "series '" + metric + "' has " + std::to_string(a.size()) + " values in one file and " + std::to_string(b.size()) +
           " in the other";
  }
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::bit_cast<std::uint64_t>(a[k]) != std::bit_cast<std::uint64_t>(b[k])) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "series '%s' differs at value %zu ([run][region][month] flattened): %.17g vs %.17g",
                    metric.c_str(), k, a[k], b[k]);
      return buf;
    }
  }
  return "";
}

std::string temp_output(const std::string& tag, std::size_t rep) {
  const auto dir = std::filesystem::temp_directory_path();
  return (dir / ("rf_against_" + std::to_string(getpid()) + "_" + tag + "_" + std::to_string(rep) + ".h5")).string();
}

/// One timed run of `side`'s binary; returns its output file.
std::string time_one(AgainstSide& side, const BenchOptions& o, const std::string& tag, std::size_t rep) {
  std::string out = temp_output(tag, rep);
  const ChildRun c = run_child(against_run_arguments(side.binary, o.scenario, o.full_scale, out));
  side.walls.push_back(c.wall);
  side.cpus.push_back(c.cpu);
  side.peak_rss_mb = std::max(side.peak_rss_mb, c.peak_rss_mb);
  return out;
}

void summarise(AgainstSide& side, const std::string& output) {
  side.median_wall = stats::median(side.walls);
  side.median_cpu = stats::median(side.cpus);
  side.firm_steps = firm_steps_in(output);
  side.ns_per_firm_step = side.firm_steps > 0.0 ? 1e9 * side.median_wall / side.firm_steps : 0.0;
  side.cpu_ns_per_firm_step = side.firm_steps > 0.0 ? 1e9 * side.median_cpu / side.firm_steps : 0.0;
}

}  // namespace

double cpu_seconds(const timeval& user, const timeval& system) {
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  return seconds(user) + seconds(system);
}

void check_against_binary(const std::string& binary) {
  struct stat st {};
  if (stat(binary.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || access(binary.c_str(), X_OK) != 0) {
    throw UsageError("--against '" + binary + "' is not an executable file",
                     "Give the path of another rainforest binary, e.g. a build of the base commit "
                     "(docs/PERFORMANCE.md, 'Second round').");
  }
}

std::vector<std::string> against_run_arguments(const std::string& binary, const std::string& scenario, double scale,
                                               const std::string& out) {
  char scale_text[64];
  std::snprintf(scale_text, sizeof scale_text, "simulation.scale=%.17g", scale);
  return {binary,
          "run",
          scenario,
          "--runs",
          "1",
          "--threads",
          "1",
          "--set",
          scale_text,
          "--set",
          "simulation.snapshot_firms=false",
          "--quiet",
          "--force",
          "--out",
          out};
}

std::string series_difference(const std::string& a, const std::string& b, std::size_t& metrics) {
  const std::vector<std::string> names = series_names(a);
  if (names != series_names(b)) return "the two files hold different sets of series";
  metrics = names.size();
  for (const auto& name : names) {
    std::string d = values_difference(name, read_series(a, name), read_series(b, name));
    if (!d.empty()) return d;
  }
  return "";
}

AgainstBench bench_against(const BenchOptions& o, const AgainstProgress& progress) {
  check_against_binary(o.against);
  AgainstBench b;
  b.self.binary = self_binary();
  b.other.binary = o.against;
  std::string last_self, last_other;
  for (std::size_t rep = 0; rep < o.repeat; ++rep) {
    const std::string self_out = time_one(b.self, o, "self", rep);
    if (progress) progress("this", rep + 1, b.self.walls.back(), b.self.cpus.back());
    const std::string other_out = time_one(b.other, o, "other", rep);
    if (progress) progress("other", rep + 1, b.other.walls.back(), b.other.cpus.back());
    const std::string diff = series_difference(self_out, other_out, b.metrics);
    if (!diff.empty()) {
      throw Error("bench --against: the two binaries' outputs differ (repeat " + std::to_string(rep + 1) + "): " + diff +
                      "; files kept: " + self_out + ", " + other_out,
                  "The change is not bit-identical: find the step that changed results (h5diff the files' /series).");
    }
    for (const auto* old : {&last_self, &last_other}) {
      if (!old->empty()) std::filesystem::remove(*old);
    }
    last_self = self_out;
    last_other = other_out;
  }
  summarise(b.self, last_self);
  summarise(b.other, last_other);
  std::filesystem::remove(last_self);
  std::filesystem::remove(last_other);
  return b;
}

}  // namespace rf
