#include "sim/config/scenario.hpp"

#include <set>
#include <string>

#include "models/parameter_rules.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/timeline.hpp"

namespace rf {

void validate(const Scenario& s, const std::string& origin) {
  auto bad = [&](const std::string& region, const std::string& what, const std::string& remedy) {
    fail(origin + (region.empty() ? "" : " (region '" + region + "')"), what, remedy);
  };
  if (s.regions.empty()) bad("", "the scenario has no regions", "Add at least one region under 'regions:'.");
  std::set<std::string> names;
  for (const auto& r : s.regions) {
    if (!names.insert(r.name).second)
      bad(r.name, "two regions share the name '" + r.name + "'", "Give each region its own name.");
    // The first rule the model's parameters break (models/parameter_rules.hpp), placed in the file.
    const auto violations = region_rule_violations(r.params);
    if (!violations.empty()) bad(r.name, violations.front().what, violations.front().remedy);
  }
  validate_timeline(s);
}

}  // namespace rf
