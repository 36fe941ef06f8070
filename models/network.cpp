#include "models/network.hpp"

#include <algorithm>

#include "models/economics.hpp"

namespace rf {

namespace {

bool edge_less(const Edge& a, const Edge& b) {
  return a.u != b.u ? a.u < b.u : a.v < b.v;
}
bool edge_equal(const Edge& a, const Edge& b) {
  return a.u == b.u && a.v == b.v;
}

/// Adds sorted, de-duplicated new edges to the sorted edge list and rebuilds the graph.
void merge_edges(World& w, std::vector<Edge>& fresh) {
  std::sort(fresh.begin(), fresh.end(), edge_less);
  fresh.erase(std::unique(fresh.begin(), fresh.end(), edge_equal), fresh.end());
  const auto mid = static_cast<std::ptrdiff_t>(w.edges.size());
  w.edges.insert(w.edges.end(), fresh.begin(), fresh.end());
  std::inplace_merge(w.edges.begin(), w.edges.begin() + mid, w.edges.end(), edge_less);
  w.edges.erase(std::unique(w.edges.begin(), w.edges.end(), edge_equal), w.edges.end());
  w.graph.build(w.firms.size(), w.edges);
}

/// One search per firm with probability `rate` (1 = everyone); accepted ties go to `fresh`.
void search_round(World& w, double rate_override, Decision decision, std::uint32_t counter, std::vector<Edge>& fresh) {
  const Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(decision), counter);
    const double rate = rate_override >= 0.0 ? rate_override : p.search_rate;
    if (!s.bernoulli(rate)) continue;
    const std::int64_t j = propose_partner(w, i, s);
    if (j < 0) continue;
    const auto a = static_cast<std::uint32_t>(i);
    const auto b = static_cast<std::uint32_t>(j);
    fresh.push_back({std::min(a, b), std::max(a, b)});
  }
}

}  // namespace

std::int64_t propose_partner(const World& w, std::size_t i, Stream& s) {
  const Firms& f = w.firms;
  const RegionState& r = w.regions[f.region[i]];
  const auto n = static_cast<std::uint32_t>(f.size());
  const bool in_graph = i < w.graph.nodes();
  const double u = s.uniform();
  std::int64_t j = -1;
  if (u < r.p.preferential_share && !w.edges.empty()) {
    const Edge& e = w.edges[s.below(static_cast<std::uint32_t>(w.edges.size()))];
    j = s.bernoulli(0.5) ? e.u : e.v;
  } else if (u < r.p.preferential_share + r.p.triadic_share && in_graph && w.graph.degree(i) > 0) {
    const auto row = w.graph.neighbours(i);
    const std::uint32_t k = row[s.below(static_cast<std::uint32_t>(row.size()))];
    const auto row2 = w.graph.neighbours(k);
    if (!row2.empty()) j = row2[s.below(static_cast<std::uint32_t>(row2.size()))];
  } else {
    j = s.below(n);
  }
  if (j < 0 || static_cast<std::size_t>(j) == i || static_cast<std::size_t>(j) >= f.size()) return -1;
  const auto js = static_cast<std::size_t>(j);
  if (!f.alive[js]) return -1;
  if (distance_km(f.x[i], f.y[i], f.x[js], f.y[js]) > search_radius(r)) return -1;
  if (in_graph && js < w.graph.nodes() && w.graph.has_edge(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(js)))
    return -1;
  return j;
}

void build_initial_network(World& w) {
  w.graph.build(w.firms.size(), w.edges);
  double target_degree = 0.0;
  double firms = 0.0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    target_degree += w.regions[w.firms.region[i]].p.initial_degree;
    firms += 1.0;
  }
  if (firms == 0.0) return;
  const double target_edges = target_degree / 2.0;
  std::vector<Edge> fresh;
  // Rounds of one search per firm; capped so an unreachable degree (tiny radius) still ends.
  const auto max_rounds = static_cast<std::uint32_t>(4.0 * target_degree / firms + 8.0);
  for (std::uint32_t round = 0; round < max_rounds && static_cast<double>(w.edges.size()) < target_edges; ++round) {
    fresh.clear();
    search_round(w, 1.0, Decision::Search, 0xFFFFFu - round, fresh);
    const double room = target_edges - static_cast<double>(w.edges.size());
    if (static_cast<double>(fresh.size()) > room) fresh.resize(static_cast<std::size_t>(room));
    merge_edges(w, fresh);
  }
}

void phase_network(World& w) {
  Firms& f = w.firms;
  // 1. Keep the ties whose ends are alive and that did not decay, in sorted order.
  std::vector<Edge> kept;
  kept.reserve(w.edges.size());
  for (std::size_t i = 0; i < w.graph.nodes(); ++i) {
    if (!f.alive[i]) continue;
    const double decay = w.regions[f.region[i]].p.tie_decay;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::TieDecay), static_cast<std::uint32_t>(w.month));
    for (auto j : w.graph.neighbours(i)) {
      if (j <= i || !f.alive[j]) continue;
      if (decay > 0.0 && s.bernoulli(decay)) continue;
      kept.push_back({static_cast<std::uint32_t>(i), j});
    }
  }
  // 2. Remove dead firm slots; slot order (== id order) is preserved.
  std::vector<Edge> fresh;
  if (w.dead_slots > 0) {
    const auto map = f.compact(f.alive);
    auto remap = [&map](std::vector<Edge>& list, std::vector<Edge>& out) {
      for (const auto& e : list) {
        if (map[e.u] < 0 || map[e.v] < 0) continue;
        const auto a = static_cast<std::uint32_t>(map[e.u]);
        const auto b = static_cast<std::uint32_t>(map[e.v]);
        out.push_back({std::min(a, b), std::max(a, b)});
      }
    };
    std::vector<Edge> remapped;
    remapped.reserve(kept.size());
    remap(kept, remapped);
    kept.swap(remapped);
    remap(w.pending_ties, fresh);
    w.dead_slots = 0;
  } else {
    fresh = w.pending_ties;
  }
  w.pending_ties.clear();
  w.edges.swap(kept);
  w.graph.build(f.size(), w.edges);
  // 3. New ties: spin-outs' ties to their parents and this month's searches.
  search_round(w, -1.0, Decision::Search, static_cast<std::uint32_t>(w.month), fresh);
  merge_edges(w, fresh);
}

}  // namespace rf
