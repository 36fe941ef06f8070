// The monthly outputs of the model, declared once in models/metrics.def.
#pragma once
#include <span>
#include <string_view>

#include "models/world.hpp"

namespace rf {

enum class Metric : int {
#define RF_METRIC(NAME, UNIT, DESC) NAME,
#include "models/metrics.def"
#undef RF_METRIC
  Count
};
inline constexpr int kMetricCount = static_cast<int>(Metric::Count);

struct MetricSpec {
  std::string_view name, unit, description;
};
std::span<const MetricSpec> metric_table();

/// True if living firm slot i is a unicorn as the published rankings (Hurun) count them: an AI or
/// hard-tech firm, neither listed nor acquired (`listed`), not state-owned, valued at
/// `unicorn_valuation` or more, whatever its age or funding.
bool is_unicorn(const Firms& f, const RegionParams& p, std::size_t i);

/// Fills row[region * kMetricCount + metric] for the month just stepped; reads the world and
/// changes nothing (the census phase clears the flows when the next month opens). Network
/// metrics are computed only when `network_month` is true (else NaN).
void collect_metrics(const World& w, std::span<double> row, bool network_month);

/// Accounting identities of the month (docs/MODEL.md "Accounting"); throws ModelError.
void check_accounting(const World& w);

}  // namespace rf
