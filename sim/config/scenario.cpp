#include "sim/config/scenario.hpp"

#include <set>
#include <utility>

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
    const auto& p = r.params;
    if (p.private_share + p.state_share > 1.0 + 1e-12) {
      bad(r.name, "firms.private_share + firms.state_share exceeds 1",
          "Lower one of them; foreign-owned firms take the remainder.");
    }
    if (p.share_ai + p.share_hardtech + p.share_heavy > 1.0 + 1e-12) {
      bad(r.name, "firms.share_ai + share_hardtech + share_heavy exceeds 1", "Lower them; services take the remainder.");
    }
    if (p.voucher_budget > 0.0 && p.voucher_cap > p.voucher_budget) {
      bad(r.name,
          "policy.voucher_cap (" + std::to_string(p.voucher_cap) +
              " m CNY per firm) is above the annual policy.voucher_budget (" + std::to_string(p.voucher_budget) + " m CNY)",
          "Raise the budget or lower the per-firm cap.");
    }
    if (p.voucher_budget + p.guidance_fund > p.science_budget + 1e-9) {
      bad(r.name, "policy.voucher_budget + policy.guidance_fund exceed policy.science_budget, which pays for them",
          "Raise policy.science_budget or lower the levers it pays for.");
    }
    if (p.radius_closed_km > p.radius_open_km) {
      bad(r.name, "policy.radius_closed_km is larger than policy.radius_open_km",
          "Openness widens the radius: make radius_open_km the larger.");
    }
    for (const auto& [name, cap] :
         {std::pair{"max_employees", p.max_employees}, std::pair{"entrant_max_potential", p.entrant_max_potential}}) {
      if (p.min_employees > cap) {
        bad(r.name,
            "firms.min_employees (" + std::to_string(p.min_employees) + ") is above firms." + name + " (" + std::to_string(cap) +
                ")",
            std::string("The firm-size law runs from min_employees up to ") + name + ": lower min_employees or raise " + name +
                ".");
      }
    }
    if (p.preferential_share + p.triadic_share > 1.0 + 1e-12) {
      bad(r.name, "network.preferential_share + network.triadic_share exceeds 1",
          "Lower them; random search takes the remainder.");
    }
  }
  validate_timeline(s);
}

}  // namespace rf
