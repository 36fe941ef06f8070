// Lever groups of `compare --decompose`: every region parameter in which the two scenarios differ
// (its value or its dated changes) belongs to exactly one group, so the Shapley values of the
// groups add up to the whole gap and nothing is left unattributed. A groups file names groups
// of the user's choosing; every differing parameter it does not name joins an automatic group:
//   city_size         firms.initial_firms (a bigger city has more of everything)
//   sector_structure  firms.share_* (the sector mix)
//   <table group>     every other parameter, by its group in the parameter table (capital,
//                     talent, ...; "other_<group>" if the file already uses that name)
#pragma once
#include <string>
#include <vector>

#include "models/param_table.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

struct LeverGroup {
  std::string name;
  std::vector<const ParamSpec*> params;
  bool automatic = false;  // made from the diff, not named in the groups file
};

/// The groups of a groups file (YAML: groups: [{name, parameters: [group.name, ...]}, ...]).
/// Throws ScenarioError at the line of a parameter that is not a region parameter, of a
/// parameter named in two groups, or of a group name used twice.
std::vector<LeverGroup> load_lever_groups(const std::string& path);

/// Region parameters whose value differs between `a` and `b` in some region, or whose dated
/// changes (timeline entries: dates and values) differ; in parameter-table order. The scenarios
/// must have the same number of regions.
std::vector<const ParamSpec*> differing_parameters(const Scenario& a, const Scenario& b);

/// True if `a` and `b` have different simulation-wide parameters (a decomposition moves region
/// parameters only); `what` receives the first such parameter's path.
bool simulation_parameters_differ(const Scenario& a, const Scenario& b, std::string& what);

/// The groups of the decomposition of a - b: the user's groups restricted to the parameters that
/// differ (groups left empty are dropped and their names returned in `unchanged`), then the
/// automatic groups for every other differing parameter. Every differing parameter is in exactly
/// one group.
std::vector<LeverGroup> attribute_differences(const Scenario& a, const Scenario& b, const std::vector<LeverGroup>& user,
                                              std::vector<std::string>& unchanged);

}  // namespace rf
