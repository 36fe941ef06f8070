// Policy risk from the model's own consequences (docs/MODEL.md 7.1, "Expected reversals"): the
// share of a horizon a lever is expected to be suspended, and what each lever is worth to the
// decision-maker, both from the model's equations. Pure functions of the parameters.
#pragma once
#include <cstdint>

#include "models/params.hpp"
#include "models/types.hpp"

namespace rf {

/// Expected share of the next `horizon` months during which one lever is suspended, for a lever
/// that is active now, when each month a reversal happens with probability `reversal_probability`,
/// picks one of `levers` levers uniformly and suspends it for `reversal_months` months (a new
/// reversal of a suspended lever restarts its suspension, as in models/government.cpp):
/// E = (1/H) sum_{t=1..H} [1 - (1 - q)^min(t, R)], q = reversal_probability / levers. Horizon and
/// length are rounded to whole months (the government's clock); E is 0 for a horizon below one.
double expected_off_share(double reversal_probability, int levers, double reversal_months, double horizon);

/// Log gain in the innovation rate of a firm that needs compute from a voucher paying
/// `voucher_rate` of its bill: -price_elasticity * compute_elasticity * log(1 - voucher_rate)
/// (compute demand (1 - v)^-eta_p, innovation (use/need)^eta_c; models/compute.cpp,
/// models/knowledge.cpp).
double voucher_value(double price_elasticity, double compute_elasticity, double voucher_rate);

/// Log gain in the innovation rate of an AI firm or adopter from data openness:
/// log(1 + data_elasticity * openness) (models/knowledge.cpp).
double data_innovation_value(double data_elasticity, double openness);

/// What each reversible lever is worth, in log quality (a fund) or log innovations per unit of
/// R&D (a firm), indexed by Lever.
struct LeverValues {
  double value[kReversibleLevers] = {0.0, 0.0, 0.0, 0.0};
  double& operator[](Lever l) { return value[static_cast<int>(l)]; }
  double operator[](Lever l) const { return value[static_cast<int>(l)]; }
};

/// A fund's values of the levers for a firm it has screened: for a firm that needs compute
/// (`uses_compute`: an AI firm or adopter), the innovation values of data openness and vouchers
/// over the fund's horizon; nothing for other firms, and nothing for the guidance fund and failure
/// insurance (they change how much capital there is and how many firms are founded, not what a firm
/// already backed is worth). The screening value of openness is not counted: a later suspension
/// cannot undo a screening already made (docs/MODEL.md 7.1).
LeverValues fund_lever_values(const RegionParams& p, bool uses_compute);

/// A firm's values of the levers for its R&D: the log gain in innovations per unit of R&D, over
/// rd_elasticity (the equivalent cut in the user cost of R&D); 0 for a firm that needs no compute
/// (the data and compute factors apply only to AI firms and adopters) and for the guidance fund
/// and failure insurance.
LeverValues rd_lever_values(const RegionParams& p, bool uses_compute);

/// Expected loss sum_l E(pi, R, H) * value_l over a horizon of `horizon` months.
double expected_policy_loss(const RegionParams& p, const LeverValues& values, double horizon);

/// Addition to a fund's hurdle from expected reversals over its horizon: the expected loss in log
/// quality of the levers' values (0 without reversals, and for a firm that needs no compute).
double fund_policy_discount(const RegionParams& p, double horizon, bool uses_compute);

/// Factor on a firm's target R&D share: exp(-rd_cost_elasticity * expected loss over
/// rd_reversal_horizon), 1 without reversals (Bloom, Griffith & Van Reenen 2002: long-run elasticity
/// of R&D to its user cost about 1).
double rd_policy_factor(const RegionParams& p, bool uses_compute);

}  // namespace rf
