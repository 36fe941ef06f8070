// Dated changes of parameters: a scenario's `timeline:`, the timeline.YYYY-MM. prefix of --set
// paths, their checks and their YAML form. The engine applies them (sim/engine/timeline_apply.hpp)
// through the model's models/dated_change.hpp.
//
// YAML (paths as for --set; values as a region writes them, unscaled):
//   timeline:
//     - at: 2024-07
//       set: {regions.Hangzhou.policy.voucher_budget: 250, regions.Hangzhou.policy.voucher_rate: 0.25}
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "sim/base/calendar.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

/// "timeline.YYYY-MM.PATH" split into its date and PATH.
struct DatedPath {
  MonthIndex date = 0;
  std::string path;
};

/// The date and path of a --set path that starts with "timeline."; nullopt for any other path.
/// Throws UsageError if the date is not YYYY-MM.
std::optional<DatedPath> split_dated_path(const std::string& path);

/// Adds an entry in date order; an entry for the same date, region and parameter is replaced.
void add_timeline_entry(std::vector<TimelineEntry>& timeline, TimelineEntry entry);

/// Reads `timeline:` (a list of {at: YYYY-MM, set: {PATH: VALUE, ...}}) into s.timeline, after
/// s.regions are loaded. Errors are ScenarioError at file:line:column: a malformed date, an
/// unknown path (with the closest valid name), a value of the wrong type or out of range.
void load_timeline(const YAML::Node& node, Scenario& s, const std::string& origin);

/// Drops the entries dated after the run's last month: a run shortened with --set
/// simulation.months would never reach them, and the resolved scenario then lists only the
/// entries the run applies.
void drop_entries_after_run(Scenario& s);

/// Checks what depends on the rest of the scenario: each date lies within the run (from
/// simulation.start to its last month), each parameter can change after month 0, and the
/// parameters in force from each date pass validate() too. Throws ScenarioError naming where the
/// entry was written.
void validate_timeline(const Scenario& s);

/// The value of parameter `spec` of `region` (-1: simulation) in force in month `date`: the
/// scenario's value changed by the timeline's entries dated up to `date`.
double value_in_force(const Scenario& s, const ParamSpec& spec, std::int32_t region, MonthIndex date);

/// The entries as YAML under `timeline:` (nothing when there are none); load_timeline of it
/// gives back the same entries.
void emit_timeline(YAML::Emitter& out, const Scenario& s);

/// Gives region `region` of `to` the value of `spec` that region `region` of `from` has, with
/// its dated changes (for counterfactuals that move a lever from one city to another).
void copy_parameter(Scenario& to, const Scenario& from, std::size_t region, const ParamSpec& spec);

}  // namespace rf
