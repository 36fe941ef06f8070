#include "sim/base/csr_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/small_world_generator.hpp>
#include <boost/random/linear_congruential.hpp>

#include "sim/base/rng.hpp"

namespace rf {

void CsrGraph::build(std::size_t nodes, std::span<const Edge> edges) {
  if (!std::is_sorted(edges.begin(), edges.end(), edge_less)) {
    sorted_.assign(edges.begin(), edges.end());
    std::sort(sorted_.begin(), sorted_.end(), edge_less);
    edges = sorted_;
  }
  offsets_.assign(nodes + 1, 0);
  for (const auto& e : edges) {
    ++offsets_[e.u + 1];
    ++offsets_[e.v + 1];
  }
  for (std::size_t i = 0; i < nodes; ++i) offsets_[i + 1] += offsets_[i];
  targets_.resize(offsets_[nodes]);
  weights_.resize(offsets_[nodes]);
  // Row r holds its lower neighbours (edges (x, r), met in increasing x) and then its upper ones
  // (edges (r, y), one contiguous run of the sorted list): both arrive in order, so rows come out
  // sorted without a second pass. cursor_ fills the lower part of every row.
  cursor_.assign(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t k = 0; k < edges.size();) {
    const std::uint32_t u = edges[k].u;
    std::size_t run = k;
    while (run < edges.size() && edges[run].u == u) ++run;
    std::uint64_t upper = offsets_[u + 1] - (run - k);
    for (; k < run; ++k) {
      if (k + 16 < edges.size()) __builtin_prefetch(&cursor_[edges[k + 16].v]);  // a random access
      const Edge& e = edges[k];
      targets_[upper] = e.v;
      weights_[upper++] = e.weight_u;
      const std::uint64_t lower = cursor_[e.v]++;
      targets_[lower] = u;
      weights_[lower] = e.weight_v;
    }
  }
}

void CsrGraph::add_edges(std::size_t nodes, std::span<const Edge> fresh) {
  if (offsets_.empty()) offsets_.assign(1, 0);
  offsets_.resize(nodes + 1, offsets_.back());  // new nodes start with empty rows
  entries_.clear();
  for (const Edge& e : fresh) {
    entries_.push_back({e.u, e.v, e.weight_u});
    entries_.push_back({e.v, e.u, e.weight_v});
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.row != b.row ? a.row < b.row : a.target < b.target; });
  targets_next_.resize(targets_.size() + entries_.size());
  weights_next_.resize(targets_next_.size());
  // Copy the old arrays up to each insertion point (where the entry keeps its row sorted), then
  // the entry. Insertion points never decrease, because entries are sorted like the arrays.
  std::size_t copied = 0, out = 0;
  auto copy_until = [&](std::size_t end) {
    std::copy(targets_.begin() + static_cast<std::ptrdiff_t>(copied), targets_.begin() + static_cast<std::ptrdiff_t>(end),
              targets_next_.begin() + static_cast<std::ptrdiff_t>(out));
    std::copy(weights_.begin() + static_cast<std::ptrdiff_t>(copied), weights_.begin() + static_cast<std::ptrdiff_t>(end),
              weights_next_.begin() + static_cast<std::ptrdiff_t>(out));
    out += end - copied;
    copied = end;
  };
  for (const Entry& e : entries_) {
    const auto first = targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[e.row]);
    const auto last = targets_.begin() + static_cast<std::ptrdiff_t>(offsets_[e.row + 1]);
    copy_until(static_cast<std::size_t>(std::lower_bound(first, last, e.target) - targets_.begin()));
    targets_next_[out] = e.target;
    weights_next_[out++] = e.weight;
  }
  copy_until(targets_.size());
  targets_.swap(targets_next_);
  weights_.swap(weights_next_);
  // Row r moves right by the number of entries inserted into rows before it.
  std::size_t before = 0;
  for (std::size_t r = 0; r <= nodes; ++r) {
    while (before < entries_.size() && entries_[before].row < r) ++before;
    offsets_[r] += before;
  }
}

void CsrGraph::remove_edges(std::size_t nodes, std::span<const Edge> gone) {
  if (offsets_.empty()) offsets_.assign(1, 0);
  const std::size_t old_nodes = this->nodes();
  entries_.clear();
  for (const Edge& e : gone) {
    entries_.push_back({e.u, e.v, 0.0});
    entries_.push_back({e.v, e.u, 0.0});
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.row != b.row ? a.row < b.row : a.target < b.target; });
  // The entries between two removed ones move down together, by the number removed before them
  // (one copy per removal, none before the first); each row start moves down by the same count.
  std::size_t removed = 0, run = 0, next = 0;  // run: first entry not yet moved
  auto move_run = [&](std::size_t end) {
    if (removed > 0) {
      std::copy(targets_.begin() + static_cast<std::ptrdiff_t>(run), targets_.begin() + static_cast<std::ptrdiff_t>(end),
                targets_.begin() + static_cast<std::ptrdiff_t>(run - removed));
      std::copy(weights_.begin() + static_cast<std::ptrdiff_t>(run), weights_.begin() + static_cast<std::ptrdiff_t>(end),
                weights_.begin() + static_cast<std::ptrdiff_t>(run - removed));
    }
  };
  for (std::size_t r = 0; r < old_nodes; ++r) {
    const std::size_t begin = offsets_[r], end = offsets_[r + 1];
    offsets_[r] = begin - removed;
    const auto in_row = [&] { return next < entries_.size() && entries_[next].row == r; };
    while (next < entries_.size() && entries_[next].row < r) ++next;  // not in the graph: nothing to remove
    for (std::size_t k = begin; k < end && in_row(); ++k) {
      while (in_row() && entries_[next].target < targets_[k]) ++next;  // likewise
      if (!in_row() || entries_[next].target != targets_[k]) continue;
      move_run(k);
      ++removed;
      run = k + 1;
      ++next;
    }
  }
  move_run(targets_.size());
  const std::size_t out = targets_.size() - removed;
  offsets_.resize(nodes + 1);
  for (std::size_t r = old_nodes; r <= nodes; ++r) offsets_[r] = out;  // new nodes start with empty rows
  targets_.resize(out);
  weights_.resize(out);
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
  std::sort(edges.begin(), edges.end(), edge_less);
  edges.erase(std::unique(edges.begin(), edges.end(), same_tie), edges.end());
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
