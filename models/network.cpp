#include "models/network.hpp"

#include <algorithm>
#include <cmath>

#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

/// True if the tie is already in the world. The graph holds exactly the edge list here (the
/// network phase builds it after decay and every merge adds to both), so a lookup in the two short
/// rows replaces a binary search of the whole list, whose probes miss the cache at full scale.
/// Should the two ever disagree in size, the list itself is searched.
bool known_tie(const World& w, const Edge& e) {
  const CsrGraph& g = w.graph;
  if (g.directed_edges() == 2 * w.edges.size()) return e.v < g.nodes() && g.has_edge(e.u, e.v);
  const auto at = std::lower_bound(w.edges.begin(), w.edges.end(), e, edge_less);
  return at != w.edges.end() && same_tie(*at, e);
}

/// Keeps in `fresh` only the ties not yet in the world, in order. A tie already present wins over
/// a duplicate (both carry the same weights).
void drop_known_ties(const World& w, std::vector<Edge>& fresh) {
  std::size_t added = 0;
  for (const Edge& e : fresh) {
    if (!known_tie(w, e)) fresh[added++] = e;
  }
  fresh.resize(added);
}

/// Adds new ties to the sorted edge list and to the graph. The list grows in place and is merged
/// from its end, so the ties before the first new one are not moved (the list used to be copied
/// whole into a scratch buffer every month).
void merge_edges(World& w, std::vector<Edge>& fresh) {
  std::sort(fresh.begin(), fresh.end(), edge_less);
  fresh.erase(std::unique(fresh.begin(), fresh.end(), same_tie), fresh.end());
  drop_known_ties(w, fresh);
  std::vector<Edge>& edges = w.edges;
  std::size_t old = edges.size(), added = fresh.size(), out = old + added;
  edges.resize(out);
  while (added > 0) {
    if (old > 0 && edge_less(fresh[added - 1], edges[old - 1])) {
      edges[--out] = edges[--old];
    } else {
      edges[--out] = fresh[--added];
    }
  }
  w.graph.add_edges(w.firms.size(), fresh);
}

bool searches_at_start(const World& w, std::size_t i) {
  return w.regions[w.firms.region[i]].p.initial_topology == static_cast<int>(InitialTopology::Search);
}

/// One search per firm with probability `rate` (1 = everyone); accepted ties go to `fresh`.
/// With `initial` set, firms of regions whose ties start as a small world do not search.
void search_round(World& w, double rate_override, Decision decision, std::uint32_t counter, std::vector<Edge>& fresh,
                  bool initial = false) {
  const Firms& f = w.firms;
  w.live.build(f.alive);  // propose_partner draws a random firm by its rank among the living
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || (initial && !searches_at_start(w, i))) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    const double rate = rate_override >= 0.0 ? rate_override : p.search_rate;
    // uniform() < rate never holds for rate <= 0, so such a firm needs no random block; a draw
    // not made shifts no other draw (each firm's stream is its own). For 0 < rate < 1 the draw
    // itself decides, so every candidate firm spends its block.
    if (rate <= 0.0) continue;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(decision), counter);
    if (!s.bernoulli(rate)) continue;
    const std::int64_t j = propose_partner(w, i, s);
    if (j < 0) continue;
    fresh.push_back(make_tie(w, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)));
  }
}

/// Watts-Strogatz ties among the firms of region k, in birth (slot) order around the ring.
void small_world_ties(World& w, std::size_t k, std::vector<Edge>& fresh) {
  const RegionParams& p = w.regions[k].p;
  std::vector<std::uint32_t> members;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.region[i] == k) members.push_back(static_cast<std::uint32_t>(i));
  }
  const auto ring = static_cast<std::uint32_t>(std::floor(p.initial_degree / 2.0)) * 2;
  if (ring == 0 || members.size() <= ring) return;
  const auto n = static_cast<std::uint32_t>(members.size());
  for (const Edge& e : watts_strogatz(n, ring, p.rewiring, mix64(w.seed ^ (0x5A11'0000ull + k)))) {
    fresh.push_back(make_tie(w, members[e.u], members[e.v]));
  }
}

}  // namespace

Edge make_tie(const World& w, std::uint32_t a, std::uint32_t b) {
  const Firms& f = w.firms;
  Edge e{std::min(a, b), std::max(a, b)};
  const double d = distance_km(f.x[e.u], f.y[e.u], f.x[e.v], f.y[e.v]);
  e.weight_u = std::exp2(-d / w.regions[f.region[e.u]].p.distance_half_km);
  e.weight_v = std::exp2(-d / w.regions[f.region[e.v]].p.distance_half_km);
  return e;
}

std::int64_t propose_partner(const World& w, std::size_t i, Stream& s) {
  const Firms& f = w.firms;
  const RegionState& r = w.regions[f.region[i]];
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
    // A rank among the living firms, not a slot: closed firms' slots kept until the next
    // compaction (models/census.cpp) must not change which firm a draw picks.
    j = w.live.slot(s.below(w.live.count()), f.alive);
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
  w.live.build(w.firms.alive);
  w.graph.build(w.firms.size(), w.edges);
  w.graph_on_current_slots = true;
  std::vector<Edge> fresh;
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    if (w.regions[k].p.initial_topology == static_cast<int>(InitialTopology::WattsStrogatz)) small_world_ties(w, k, fresh);
  }
  if (!fresh.empty()) merge_edges(w, fresh);
  // The other regions' firms search in rounds until their mean degree is reached.
  double target_degree = 0.0;
  double firms = 0.0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (!searches_at_start(w, i)) continue;
    target_degree += w.regions[w.firms.region[i]].p.initial_degree;
    firms += 1.0;
  }
  if (firms == 0.0) return;
  const double target_edges = static_cast<double>(w.edges.size()) + target_degree / 2.0;
  // Rounds of one search per firm; capped so an unreachable degree (tiny radius) still ends.
  const auto max_rounds = static_cast<std::uint32_t>(4.0 * target_degree / firms + 8.0);
  for (std::uint32_t round = 0; round < max_rounds && static_cast<double>(w.edges.size()) < target_edges; ++round) {
    fresh.clear();
    search_round(w, 1.0, Decision::Search, 0xFFFFFu - round, fresh, true);
    const double room = target_edges - static_cast<double>(w.edges.size());
    if (static_cast<double>(fresh.size()) > room) fresh.resize(static_cast<std::size_t>(room));
    merge_edges(w, fresh);
  }
}

void phase_network(World& w) {
  const Firms& f = w.firms;
  // 1. Keep the ties that did not decay, in sorted order (the census has removed the dead firms'
  //    ties from the list). The edge list is sorted by lower end, so each firm's upper ties are one
  //    run drawn from its own stream.
  //    Survivors are moved down within the list itself (never ahead of the tie being read).
  std::vector<Edge>& edges = w.edges;
  std::vector<Edge>& gone = w.gone_ties;  // the census put the closed firms' ties here
  std::size_t kept = 0;
  for (std::size_t k = 0; k < edges.size();) {
    const std::uint32_t i = edges[k].u;
    std::size_t run = k;
    while (run < edges.size() && edges[run].u == i) ++run;
    const double decay = w.regions[f.region[i]].p.tie_decay;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::TieDecay), static_cast<std::uint32_t>(w.month));
    for (std::size_t e = k; e < run; ++e) {
      if (decay > 0.0 && s.bernoulli(decay)) {
        gone.push_back(edges[e]);
        continue;
      }
      edges[kept++] = edges[e];
    }
    k = run;
  }
  edges.resize(kept);
  //    The graph follows: last month's graph less the closed firms' ties and the decayed ones, on
  //    the same slots, unless the census compacted the slots (then it is rebuilt from the list).
  //    Either way it holds exactly the edge list (tests/sim/csr_graph_test.cpp).
  if (w.graph_on_current_slots) {
    w.graph.remove_edges(f.size(), gone);
  } else {
    w.graph.build(f.size(), edges);
    w.graph_on_current_slots = true;
  }
  gone.clear();
  // 2. New ties: spin-outs' ties to their parents (made at entry) and this month's searches.
  std::vector<Edge> fresh;  // taken without a copy
  fresh.swap(w.pending_ties);
  search_round(w, -1.0, Decision::Search, static_cast<std::uint32_t>(w.month), fresh);
  merge_edges(w, fresh);
}

}  // namespace rf
