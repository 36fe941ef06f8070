// Names in a rainforest result file that its writer and its readers share (docs/OUTPUT.md).
#pragma once
#include <string>

namespace rf::layout {

inline constexpr const char* kFormatAttribute = "format";  // root attribute, value kFormat
inline constexpr const char* kFormat = "rainforest";
inline constexpr const char* kKindAttribute = "kind";  // run, compare, sweep or calibration
// Root attributes: the fingerprint of the plan that made the file (sim/io/parts_dir), and
// "K of N runs" when the command was interrupted.
inline constexpr const char* kPlanFingerprint = "plan_fingerprint";
inline constexpr const char* kInterrupted = "interrupted";
// Root attribute of a sweep file some of whose runs failed: "K of N runs failed" (their series
// are NaN; /runs/failed and /runs/failure name them). Like an interrupted file, --resume keeps it.
inline constexpr const char* kFailedRuns = "failed_runs";
inline constexpr const char* kScenario = "scenario";  // the resolved scenario of a run group
inline constexpr const char* kSeeds = "runs/seed";
inline constexpr const char* kRunIds = "runs/run_id";
inline constexpr const char* kSeedDecimalName = "seed_decimal";  // in runs/: the seeds as decimal text
inline constexpr const char* kSeedDecimal = "runs/seed_decimal";
inline constexpr const char* kRegions = "regions";
inline constexpr const char* kSeries = "series/";  // + metric name: [run][region][month]
// Dimension scales of the series, datasets of /series beside the metrics (netCDF coordinates).
inline constexpr const char* kRunScale = "run";
inline constexpr const char* kRegionScale = "region";
inline constexpr const char* kMonthScale = "month";  // YYYY-MM of each month
// The series whose shape [run, region, month] the readers take; every file has it.
inline constexpr const char* kShapeSeries = "series/firms_alive";

/// The path of `name` inside run group `group` ("/" or "/scenarios/<name>").
inline std::string in_group(const std::string& group, const std::string& name) {
  return (group == "/" ? "" : group + "/") + name;
}

}  // namespace rf::layout
