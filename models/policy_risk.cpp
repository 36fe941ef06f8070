#include "models/policy_risk.hpp"

#include <algorithm>
#include <cmath>

namespace rf {

double expected_off_share(double reversal_probability, int levers, double reversal_months, double horizon) {
  const double h = std::round(horizon);
  const double r = std::max(0.0, std::round(reversal_months));
  if (h < 1.0 || levers < 1 || r <= 0.0 || reversal_probability <= 0.0) return 0.0;
  const double q = std::min(1.0, reversal_probability / levers);
  const double a = 1.0 - q;  // chance a month brings no reversal of this lever
  // Months 1..m (m = min(H, R)) are off if any of months 1..t hit the lever: sum 1 - a^t;
  // later months are off if any of the last R months did: 1 - a^R each.
  const double m = std::min(h, r);
  const double head = m - (a >= 1.0 ? m : a * (1.0 - std::pow(a, m)) / (1.0 - a));
  const double tail = (h - m) * (1.0 - std::pow(a, r));
  return std::clamp((head + tail) / h, 0.0, 1.0);
}

double voucher_value(double price_elasticity, double compute_elasticity, double voucher_rate) {
  if (voucher_rate <= 0.0) return 0.0;
  return -price_elasticity * compute_elasticity * std::log(std::max(1.0 - voucher_rate, 1e-6));
}

double data_innovation_value(double data_elasticity, double openness) {
  if (openness <= 0.0) return 0.0;
  return std::log1p(data_elasticity * openness);
}

LeverValues fund_lever_values(const RegionParams& p, bool uses_compute) {
  LeverValues v;
  if (!uses_compute) return v;
  v[Lever::DataOpenness] = data_innovation_value(p.data_elasticity, p.data_openness);
  v[Lever::Vouchers] = voucher_value(p.price_elasticity, p.compute_elasticity, p.voucher_rate);
  return v;
}

LeverValues rd_lever_values(const RegionParams& p, bool uses_compute) {
  LeverValues v;
  if (!uses_compute || p.rd_elasticity <= 0.0) return v;
  v[Lever::DataOpenness] = data_innovation_value(p.data_elasticity, p.data_openness) / p.rd_elasticity;
  v[Lever::Vouchers] = voucher_value(p.price_elasticity, p.compute_elasticity, p.voucher_rate) / p.rd_elasticity;
  return v;
}

double expected_policy_loss(const RegionParams& p, const LeverValues& values, double horizon) {
  const double off = expected_off_share(p.reversal_probability, kReversibleLevers, p.reversal_months, horizon);
  if (off <= 0.0) return 0.0;
  double loss = 0.0;
  for (const double v : values.value) loss += off * v;
  return loss;
}

double fund_policy_discount(const RegionParams& p, double horizon, bool uses_compute) {
  if (p.reversal_probability <= 0.0 || !uses_compute) return 0.0;
  return expected_policy_loss(p, fund_lever_values(p, uses_compute), horizon);
}

double rd_policy_factor(const RegionParams& p, bool uses_compute) {
  if (p.reversal_probability <= 0.0) return 1.0;
  return std::exp(-p.rd_cost_elasticity * expected_policy_loss(p, rd_lever_values(p, uses_compute), p.rd_reversal_horizon));
}

}  // namespace rf
