#include <cstdint>
#include <vector>

#include "models/phases.hpp"

namespace rf {

namespace {

/// Removes the slots of firms that closed (last month's exits and earlier kept ones) and their
/// ties. Slot order (== id order) is kept, so renumbered ties stay sorted with u < v. The CSR
/// graph is not rebuilt here: the network phase rebuilds it after tie decay, and no phase before
/// it reads ties (rebuilding twice a month cost about 4 % of a run).
void remove_dead_firms(World& w) {
  const auto map = w.firms.compact(w.firms.alive);
  auto renumber = [&map](std::vector<Edge>& list) {
    std::size_t out = 0;
    constexpr std::size_t kAhead = 16;  // map[e.v] is a random access: fetch it early
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (k + kAhead < list.size()) __builtin_prefetch(&map[list[k + kAhead].v]);
      const Edge e = list[k];
      if (map[e.u] < 0 || map[e.v] < 0) continue;
      list[out] = e;
      list[out].u = static_cast<std::uint32_t>(map[e.u]);
      list[out].v = static_cast<std::uint32_t>(map[e.v]);
      ++out;
    }
    list.resize(out);
  };
  renumber(w.edges);
  renumber(w.pending_ties);
  w.vacant_slots = 0;
  w.graph_on_current_slots = false;  // its rows and targets are the old slots
}

/// Drops the ties of firms that closed and keeps their slots: no slot moves, so the ties that
/// stay keep their numbers and their order. The graph keeps the dropped ties (w.gone_ties) until
/// the network phase removes them; no phase before it reads ties.
void drop_dead_ties(World& w) {
  const std::vector<std::uint8_t>& alive = w.firms.alive;
  std::size_t out = 0;
  constexpr std::size_t kAhead = 16;  // alive[e.v] is a random access: fetch it early
  for (std::size_t k = 0; k < w.edges.size(); ++k) {
    if (k + kAhead < w.edges.size()) __builtin_prefetch(&alive[w.edges[k + kAhead].v]);
    const Edge& e = w.edges[k];
    if (alive[e.u] == 0 || alive[e.v] == 0) {
      w.gone_ties.push_back(e);
    } else {
      w.edges[out++] = e;
    }
  }
  w.edges.resize(out);
  // Ties made at birth are not in the graph yet: they only go.
  std::erase_if(w.pending_ties, [&alive](const Edge& e) { return alive[e.u] == 0 || alive[e.v] == 0; });
}

}  // namespace

/// Opens the month: its flows start from zero, the firms that closed leave, and the living and
/// incubated firms of every region are counted for this month's entry.
void phase_census(World& w) {
  for (auto& r : w.regions) {
    r.flow = RegionFlows{};
    r.alive = 0.0;
    r.incubated = 0.0;
  }
  if (w.dead_slots > 0) {
    w.vacant_slots += w.dead_slots;
    w.dead_slots = 0;
    if (static_cast<double>(w.vacant_slots) > w.compact_share * static_cast<double>(w.firms.size())) {
      remove_dead_firms(w);
    } else {
      drop_dead_ties(w);
    }
  }
  // Month 0 is counted like any other (before the census it was not, so month 0 had no baseline
  // entrants; see docs/MODEL.md, "Changes of results").
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    RegionState& r = w.regions[f.region[i]];
    r.alive += 1.0;
    // Places held at the end of last month: a place that ends this month is freed at the next census.
    r.incubated += f.incubated_until[i] >= w.month ? 1.0 : 0.0;
  }
}

}  // namespace rf
