// Changing a parameter of a running world at a date (a scenario's timeline, docs/MODEL.md
// "Dated policies"). A value comes as the scenario writes it: unscaled, like every value in
// YAML, and is scaled here exactly as make_world scales it. What follows from the change in
// the current budget year and in agents that copied the parameter at month 0 is done here too.
#pragma once
#include <cstddef>
#include <string_view>

#include "models/param_table.hpp"
#include "models/world.hpp"

namespace rf {

/// Why `spec` cannot change after month 0 (it is read only while make_world builds the month-0
/// world, or it is the run's horizon, calendar or an output option); empty if it can.
std::string_view fixed_after_start(const ParamSpec& spec);

/// Sets region parameter `spec` of region `region` to `value` (unscaled; Bool 0/1, Choice its
/// index) from this month on. The budget year in progress gets the change for its months left:
/// a voucher or science budget raised in July adds half the yearly difference to what is left;
/// a cut in July leaves at most half the new annual amount (never below zero). A new science budget is the budget of the current
/// budget year and the fiscal rule grows it from there; a new fiscal_growth applies from the next budget year. Universities'
/// budgets and graduates and funds' horizons follow their parameters. Precondition: fixed_after_start(spec) is empty and
/// spec.scope is Region.
void change_region_parameter(World& w, std::size_t region, const ParamSpec& spec, double value);

/// Sets simulation parameter `spec` (unscaled) from this month on.
/// Precondition: fixed_after_start(spec) is empty and spec.scope is Simulation.
void change_simulation_parameter(World& w, const ParamSpec& spec, double value);

}  // namespace rf
