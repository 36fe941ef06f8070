// Runs one seeded simulation of a scenario: builds the world, steps the monthly phases in order,
// records metrics. Knows nothing of files or threads.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "models/firm_event.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

struct SnapshotColumn {
  std::string_view name;
  bool integer = false;
  std::vector<double> values;
};

struct RunResult {
  std::uint64_t seed = 0;
  std::size_t regions = 0, months = 0;
  std::vector<double> series;              // [metric][region][month]
  std::vector<SnapshotColumn> firms;       // living firms at the end (empty if snapshot_firms is off)
  std::vector<std::int64_t> ties;          // firm-firm ties at the end as (id, id) pairs, with the snapshot
  std::vector<FirmEvent> events;           // every firm event of the run in the order made (models/firm_event.hpp)
  std::vector<SnapshotColumn> panel;       // living firms at the end of every firm_panel_every-th month and the last,
  std::vector<std::int32_t> panel_months;  // rows in month order; the month of each row
  double seconds = 0.0;
  double setup_seconds = 0.0;  // building the world (scenario to firms, ties, funds)
};

struct RunOptions {
  bool check_every_month = false;                // accounting identities each month (always at the end)
  std::vector<double>* phase_seconds = nullptr;  // if set, accumulates wall time per phase
  std::function<void()> month_done;              // if set, called after each month (progress of long runs)
  unsigned threads = 1;  // threads for one run's per-firm loops (models/slot_parts.hpp); results do not depend on it
};

RunResult simulate(const Scenario& scenario, std::uint64_t seed, const RunOptions& options = {});

/// Names of the phases, in order (for profiles).
std::vector<std::string> phase_names();

/// Metadata of the /final/firms columns.
struct SnapshotColumnSpec {
  std::string_view name, unit, description;
  bool integer;
};
std::vector<SnapshotColumnSpec> snapshot_columns();

}  // namespace rf
