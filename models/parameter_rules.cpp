#include "models/parameter_rules.hpp"

#include <utility>

namespace rf {

namespace {
// Shares are compared with a little slack so that values written as decimals summing to 1
// (0.97 + 0.02 + 0.01) are not refused for rounding.
constexpr double kShareSlack = 1e-12;
constexpr double kBudgetSlack = 1e-9;  // m CNY
}  // namespace

std::vector<ParameterViolation> region_rule_violations(const RegionParams& p) {
  std::vector<ParameterViolation> out;
  auto bad = [&out](std::string what, std::string remedy) { out.push_back({std::move(what), std::move(remedy)}); };
  if (p.private_share + p.state_share > 1.0 + kShareSlack) {
    bad("firms.private_share + firms.state_share exceeds 1", "Lower one of them; foreign-owned firms take the remainder.");
  }
  if (p.share_ai + p.share_hardtech + p.share_heavy > 1.0 + kShareSlack) {
    bad("firms.share_ai + share_hardtech + share_heavy exceeds 1", "Lower them; services take the remainder.");
  }
  if (p.voucher_budget > 0.0 && p.voucher_cap > p.voucher_budget) {
    bad("policy.voucher_cap (" + std::to_string(p.voucher_cap) + " m CNY per firm) is above the annual policy.voucher_budget (" +
            std::to_string(p.voucher_budget) + " m CNY)",
        "Raise the budget or lower the per-firm cap.");
  }
  if (p.voucher_budget + p.guidance_fund > p.science_budget + kBudgetSlack) {
    bad("policy.voucher_budget + policy.guidance_fund exceed policy.science_budget, which pays for them",
        "Raise policy.science_budget or lower the levers it pays for.");
  }
  if (p.radius_closed_km > p.radius_open_km) {
    bad("policy.radius_closed_km is larger than policy.radius_open_km",
        "Openness widens the radius: make radius_open_km the larger.");
  }
  for (const auto& [name, cap] :
       {std::pair{"max_employees", p.max_employees}, std::pair{"entrant_max_potential", p.entrant_max_potential}}) {
    if (p.min_employees > cap) {
      bad("firms.min_employees (" + std::to_string(p.min_employees) + ") is above firms." + name + " (" + std::to_string(cap) +
              ")",
          std::string("The firm-size law runs from min_employees up to ") + name + ": lower min_employees or raise " + name +
              ".");
    }
  }
  if (p.fund_investment_period > p.fund_life) {
    bad("capital.fund_investment_period (" + std::to_string(p.fund_investment_period) +
            " months) is longer than capital.fund_life (" + std::to_string(p.fund_life) + " months)",
        "A fund invests within its life: shorten the investment period or lengthen the life.");
  }
  if (p.preferential_share + p.triadic_share > 1.0 + kShareSlack) {
    bad("network.preferential_share + network.triadic_share exceeds 1", "Lower them; random search takes the remainder.");
  }
  return out;
}

}  // namespace rf
