#include "sim/csr_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/small_world_generator.hpp>
#include <boost/random/linear_congruential.hpp>

#include "sim/rng.hpp"

namespace rf {

void CsrGraph::build(std::size_t nodes, std::span<const Edge> edges) {
  offsets_.assign(nodes + 1, 0);
  const std::size_t m = edges.size() * 2;
  // Pass 1: order directed edges by target (counting sort), so that pass 2, a stable counting
  // sort by source, leaves every row sorted.
  std::vector<std::uint64_t> count(nodes + 1, 0);
  for (const auto& e : edges) {
    ++count[e.u + 1];
    ++count[e.v + 1];
  }
  for (std::size_t i = 0; i < nodes; ++i) count[i + 1] += count[i];
  offsets_ = count;  // degree prefix sums are the row offsets too
  scratch_.resize(m);
  sources_scratch_.resize(m);
  {
    std::vector<std::uint64_t> pos(count.begin(), count.end() - 1);
    for (const auto& e : edges) {  // group by target: entries (source) for target e.v, e.u
      sources_scratch_[pos[e.v]++] = e.u;
      sources_scratch_[pos[e.u]++] = e.v;
    }
  }
  // Now sources_scratch_ holds, for targets in increasing order, their sources.
  targets_.resize(m);
  std::vector<std::uint64_t> pos(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t t = 0; t < nodes; ++t) {
    for (std::uint64_t k = offsets_[t]; k < offsets_[t + 1]; ++k) {
      const std::uint32_t s = sources_scratch_[k];
      targets_[pos[s]++] = static_cast<std::uint32_t>(t);
    }
  }
}

bool CsrGraph::has_edge(std::uint32_t a, std::uint32_t b) const {
  if (degree(b) < degree(a)) std::swap(a, b);
  const auto row = neighbours(a);
  return std::binary_search(row.begin(), row.end(), b);
}

std::vector<std::uint32_t> connected_components(const CsrGraph& g, std::uint32_t& count) {
  using BoostCsr = boost::compressed_sparse_row_graph<boost::directedS>;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  pairs.reserve(g.directed_edges());
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    for (auto j : g.neighbours(i)) pairs.emplace_back(static_cast<std::uint32_t>(i), j);
  }
  // Rows are sorted and symmetric, so the directed CSR view is an undirected graph for BGL.
  BoostCsr bg(boost::edges_are_sorted, pairs.begin(), pairs.end(), g.nodes());
  std::vector<std::uint32_t> component(g.nodes());
  count = static_cast<std::uint32_t>(boost::connected_components(bg, component.data()));
  return component;
}

std::vector<Edge> watts_strogatz(std::uint32_t n, std::uint32_t k, double p, std::uint64_t seed) {
  using Adj = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using SWIter = boost::small_world_iterator<boost::minstd_rand, Adj>;
  boost::minstd_rand gen(static_cast<std::uint32_t>(mix64(seed) % 2147483646u) + 1u);
  std::vector<Edge> edges;
  for (SWIter it(gen, n, k, p, false), end; it != end; ++it) {
    auto [a, b] = *it;
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    edges.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.u != y.u ? x.u < y.u : x.v < y.v; });
  edges.erase(std::unique(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.u == y.u && x.v == y.v; }),
              edges.end());
  return edges;
}

double average_clustering(const CsrGraph& g) {
  double sum = 0.0;
  std::size_t counted = 0;
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    const auto row = g.neighbours(i);
    if (row.size() < 2) continue;
    std::size_t links = 0;
    for (std::size_t a = 0; a < row.size(); ++a) {
      for (std::size_t b = a + 1; b < row.size(); ++b) links += g.has_edge(row[a], row[b]) ? 1 : 0;
    }
    sum += 2.0 * static_cast<double>(links) / (static_cast<double>(row.size()) * static_cast<double>(row.size() - 1));
    ++counted;
  }
  return counted == 0 ? 0.0 : sum / static_cast<double>(counted);
}

double mean_path_length(const CsrGraph& g, std::uint32_t sources, std::uint64_t seed) {
  const auto n = static_cast<std::uint32_t>(g.nodes());
  std::vector<std::int32_t> dist(n);
  std::vector<std::uint32_t> queue(n);
  double total = 0.0;
  double pairs = 0.0;
  const bool all = sources >= n;
  const std::uint32_t count = all ? n : sources;
  for (std::uint32_t s = 0; s < count; ++s) {
    std::uint32_t src = s;
    if (!all) {
      Stream rs(seed, Entity::Graph, s, 0, 0);
      src = rs.below(n);
    }
    std::fill(dist.begin(), dist.end(), -1);
    std::size_t head = 0, tail = 0;
    queue[tail++] = src;
    dist[src] = 0;
    while (head < tail) {
      const auto u = queue[head++];
      for (auto w : g.neighbours(u)) {
        if (dist[w] < 0) {
          dist[w] = dist[u] + 1;
          total += dist[w];
          pairs += 1.0;
          queue[tail++] = w;
        }
      }
    }
  }
  return pairs == 0.0 ? 0.0 : total / pairs;
}

}  // namespace rf
