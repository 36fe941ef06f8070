#include <algorithm>
#include <cstdint>

#include "models/world.hpp"

namespace rf {

namespace {
// Applies `fn` to every per-firm array, so resize and compaction never miss a field.
template <class Fn>
void for_each_array(Firms& f, Fn&& fn) {
  fn(f.id);
  fn(f.alive);
  fn(f.region);
  fn(f.sector);
  fn(f.ownership);
  fn(f.origin);
  fn(f.stage);
  fn(f.ai);
  fn(f.listed);
  fn(f.rounds);
  fn(f.birth_month);
  fn(f.incubated_until);
  fn(f.university);
  fn(f.x);
  fn(f.y);
  fn(f.employees);
  fn(f.skilled);
  fn(f.log_productivity);
  fn(f.log_productivity_transitory);
  fn(f.log_quality);
  fn(f.cash);
  fn(f.revenue);
  fn(f.revenue_avg);
  fn(f.rd_spend);
  fn(f.compute_need);
  fn(f.compute_use);
  fn(f.compute_bill);
  fn(f.voucher_ytd);
  fn(f.funding_total);
  fn(f.equity_unspent);
  fn(f.valuation);
  fn(f.patents);
  fn(f.pending_fund);
  fn(f.pending_month);
  fn(f.pending_amount);
  fn(f.holding_head);
  fn(f.knowledge);
  fn(f.knowledge_next);
}
}  // namespace

void Firms::resize(std::size_t n) {
  for_each_array(*this, [n](auto& v) { v.resize(n); });
}

std::vector<std::int32_t> Firms::compact(const std::vector<std::uint8_t>& keep) {
  const std::size_t n = size();
  std::vector<std::int32_t> map(n, -1);
  // Survivors form runs of consecutive slots; each array moves run by run (a memmove each),
  // since few firms die in a month.
  struct Run {
    std::size_t from, to, length;
  };
  std::vector<Run> runs;
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    if (runs.empty() || runs.back().from + runs.back().length != i) runs.push_back({i, next, 0});
    ++runs.back().length;
    map[i] = static_cast<std::int32_t>(next++);
  }
  for_each_array(*this, [&](auto& v) {
    for (const Run& r : runs) {
      if (r.from == r.to) continue;  // the first run usually stays in place
      const auto from = v.begin() + static_cast<std::ptrdiff_t>(r.from);
      std::copy(from, from + static_cast<std::ptrdiff_t>(r.length), v.begin() + static_cast<std::ptrdiff_t>(r.to));
    }
    v.resize(next);
  });
  return map;
}

}  // namespace rf
