#include "sim/base/multiplicity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/base/errors.hpp"

namespace rf::stats {

std::vector<double> adjust_p_values(std::span<const double> p, Correction correction) {
  std::vector<double> adjusted(p.begin(), p.end());
  std::vector<std::size_t> order;  // tested entries, by increasing p
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!std::isnan(p[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return p[x] < p[y]; });
  const auto m = static_cast<double>(order.size());
  if (correction == Correction::Holm) {
    // The k-th smallest (k from 0) is multiplied by m - k; running maximum keeps the order.
    double running = 0.0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      running = std::max(running, std::min(1.0, (m - static_cast<double>(k)) * p[order[k]]));
      adjusted[order[k]] = running;
    }
  } else {
    // The k-th smallest (rank k + 1) is multiplied by m / (k + 1); running minimum from the top.
    double running = 1.0;
    for (std::size_t k = order.size(); k-- > 0;) {
      running = std::min(running, m / static_cast<double>(k + 1) * p[order[k]]);
      adjusted[order[k]] = running;
    }
  }
  return adjusted;
}

std::string_view correction_name(Correction correction) {
  return correction == Correction::Holm ? "Holm" : "Benjamini-Hochberg";
}

Correction parse_correction(const std::string& text) {
  if (text == "holm") return Correction::Holm;
  if (text == "bh") return Correction::BenjaminiHochberg;
  throw UsageError("unknown correction '" + text + "'",
                   "Use --correction holm (family-wise error, the default) or --correction bh (false discovery rate).");
}

}  // namespace rf::stats
