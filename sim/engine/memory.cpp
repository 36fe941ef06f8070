#include "sim/engine/memory.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "models/firm_event.hpp"
#include "models/metrics.hpp"
#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/engine/simulation.hpp"

namespace rf {

namespace {

// Measured: full-scale Hangzhou, 421,000 firms at the start and 1.18 million at the end, peaks
// at 692 MB with the firm snapshot (`run`, issue 2) and 608 MB without it (`rainforest bench`,
// docs/PERFORMANCE.md): at most 1.64 KB per initial firm, growth and ties included.
// Firm events (RunResult::events, 64 bytes each): a ten-year 1 % Hangzhou run makes about 4.8 per
// initial firm (20,400 for 4,206 firms); doubled for the buffer's growth by doubling.
constexpr double kBytesPerInitialFirm = 1700.0 + 2.0 * 4.8 * sizeof(FirmEvent);
constexpr double kBytesPerRun = 8e6;  // world, buffers and series of a small run
constexpr double kBaseBytes = 60e6;   // the program itself
// A run stops when its firm arrays exceed this multiple of the start (the largest preset grows
// by 2.8 in ten years): such growth means the parameters make the population explode.
constexpr double kGrowthLimit = 25.0;
// Small scenarios may grow further: their firm arrays stay small anyway.
constexpr double kMinFirmLimit = 100000.0;

std::string gigabytes(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, bytes < 1e9 ? "%.0f MB" : "%.1f GB", bytes < 1e9 ? bytes / 1e6 : bytes / 1e9);
  return buf;
}

}  // namespace

double initial_firm_count(const Scenario& s, std::size_t region) {
  RegionParams p = s.regions.at(region).params;
  apply_scale(p, s.sim.scale);
  return std::round(p.initial_firms);
}

double initial_firm_count(const Scenario& s) {
  double n = 0.0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) n += initial_firm_count(s, r);
  return n;
}

/// Bytes of one snapshot of the living firms (with two tie ids per firm), allowing the
/// population to triple over ten years.
double snapshot_bytes(const Scenario& s) {
  const double growth = 3.0 * std::max(1.0, static_cast<double>(s.sim.months) / 120.0);
  return 8.0 * static_cast<double>(snapshot_columns().size() + 2) * growth * initial_firm_count(s);
}

/// Bytes of a run's firm panel (simulation.firm_panel_every): one snapshot per panel month.
double panel_bytes(const Scenario& s) {
  if (s.sim.firm_panel_every <= 0) return 0.0;
  return snapshot_bytes(s) * std::ceil(static_cast<double>(s.sim.months) / static_cast<double>(s.sim.firm_panel_every));
}

double estimated_bytes(const Scenario& s, unsigned concurrent) {
  return kBaseBytes +
         static_cast<double>(std::max(1u, concurrent)) *
             (kBytesPerRun + panel_bytes(s) +
              kBytesPerInitialFirm * initial_firm_count(s) * std::max(1.0, static_cast<double>(s.sim.months) / 120.0));
}

double physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0.0;
}

void check_memory(const Scenario& s, unsigned concurrent) {
  const double need = estimated_bytes(s, concurrent);
  const double have = physical_memory_bytes();
  if (have > 0.0 && need > 0.9 * have) {
    throw UsageError("scenario '" + s.name + "' would need about " + gigabytes(need) + " of memory (" +
                         std::to_string(static_cast<long long>(initial_firm_count(s))) + " firms at the start, " +
                         std::to_string(std::max(1u, concurrent)) + " run(s) at once); this machine has " + gigabytes(have),
                     "Lower simulation.scale or --threads, or run on a machine with more memory.");
  }
}

double estimated_output_bytes(const Scenario& s, std::size_t runs) {
  const double cells =
      static_cast<double>(kMetricCount) * static_cast<double>(s.regions.size()) * static_cast<double>(s.sim.months);
  double per_run = 8.0 * cells;
  if (s.sim.snapshot_firms) per_run += snapshot_bytes(s);
  per_run += panel_bytes(s);
  return per_run * static_cast<double>(runs);
}

void check_disk(const Scenario& s, std::size_t runs, const std::string& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(out), ec).parent_path();
  const auto space = fs::space(dir, ec);
  if (ec) return;  // the directory's own checks (sim/io/output_path) say what is wrong with it
  const double per_run = 2.0 * estimated_output_bytes(s, 1);
  const double need = per_run * static_cast<double>(runs);
  const auto have = static_cast<double>(space.available);
  if (need > have) {
    const auto fit = static_cast<long long>(have / per_run);
    throw OutputError("writing " + std::to_string(runs) + " runs to '" + out + "' needs about " + gigabytes(need) +
                          " of disk (the file and the journal of finished runs beside it); " + dir.string() + " has " +
                          gigabytes(have) + " free",
                      "Use at most " + std::to_string(fit) + " runs, fewer months or regions, or --out on a larger disk.");
  }
}

std::size_t firm_limit(const Scenario& s) {
  return static_cast<std::size_t>(std::max(kMinFirmLimit, kGrowthLimit * initial_firm_count(s)));
}

std::string firm_limit_rule(const Scenario& s) {
  const auto start = static_cast<long long>(initial_firm_count(s));
  return "the limit is " + std::to_string(firm_limit(s)) + " firms, the larger of 100,000 firms and 25 times the " +
         std::to_string(start) + " firms at the start";
}

}  // namespace rf
