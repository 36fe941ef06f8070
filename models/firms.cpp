#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "models/world.hpp"

namespace rf {

namespace {
constexpr const char* kFirmFieldNames[] = {
#define RF_FIRM_FIELD(TYPE, NAME) #NAME,
#include "models/firm_fields.def"
#undef RF_FIRM_FIELD
};
// A member added to Firms by hand, outside the list, would be missed by resize and compaction.
static_assert(sizeof(Firms) == std::size(kFirmFieldNames) * sizeof(std::vector<double>),
              "every member of Firms must be a per-firm array listed in models/firm_fields.def");

// Applies `fn` to every per-firm array, so resize and compaction never miss a field.
template <class Fn>
void for_each_array(Firms& f, Fn&& fn) {
#define RF_FIRM_FIELD(TYPE, NAME) fn(f.NAME);
#include "models/firm_fields.def"
#undef RF_FIRM_FIELD
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

FirmEvent& World::record_event(std::size_t slot, EventKind kind) {
  FirmEvent e;
  e.month = month;
  e.firm = firms.id[slot];
  e.region = firms.region[slot];
  e.sector = firms.sector[slot];
  e.origin = firms.origin[slot];
  e.kind = kind;
  if (!sim.event_log) return unrecorded = e;
  return events.emplace_back(e);
}

}  // namespace rf
