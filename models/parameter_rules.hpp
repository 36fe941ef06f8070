// Rules that tie several parameters of one region together. Each row of models/parameters.def
// checks its own range; these are the combinations a single row cannot express. They belong to
// the model, beside its parameter table: the loader (sim/config) only places the violations in
// a file and formats them.
#pragma once
#include <string>
#include <vector>

#include "models/params.hpp"

namespace rf {

/// A broken rule: what is wrong, naming the parameters by their YAML paths, and how to fix it.
struct ParameterViolation {
  std::string what;
  std::string remedy;
};

/// Every rule a region's (unscaled) parameters break, in a fixed order; empty when they are
/// consistent. Rules: ownership and sector shares each sum to at most 1; the voucher cap per
/// firm fits in the annual voucher budget; vouchers and the guidance fund fit in the science
/// budget that pays for them; the open search radius is at least the closed one; min_employees
/// is at most max_employees and entrant_max_potential; preferential and triadic shares of tie
/// search sum to at most 1.
std::vector<ParameterViolation> region_rule_violations(const RegionParams& p);

}  // namespace rf
