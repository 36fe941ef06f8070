// Undirected graph in compressed sparse row form: the step loop reads neighbours from two flat
// arrays. Rebuilt from an edge list by two counting sorts in O(nodes + edges), rows sorted.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace rf {

struct Edge {
  std::uint32_t u = 0, v = 0;  // u < v
};

class CsrGraph {
 public:
  /// Rebuilds for `nodes` nodes from undirected edges (each stored in both rows).
  void build(std::size_t nodes, std::span<const Edge> edges);

  [[nodiscard]] std::size_t nodes() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  [[nodiscard]] std::size_t directed_edges() const { return targets_.size(); }
  [[nodiscard]] std::span<const std::uint32_t> neighbours(std::size_t i) const {
    return {targets_.data() + offsets_[i], targets_.data() + offsets_[i + 1]};
  }
  [[nodiscard]] std::uint32_t degree(std::size_t i) const { return static_cast<std::uint32_t>(offsets_[i + 1] - offsets_[i]); }
  [[nodiscard]] bool has_edge(std::uint32_t a, std::uint32_t b) const;
  [[nodiscard]] const std::vector<std::uint64_t>& offsets() const { return offsets_; }
  [[nodiscard]] const std::vector<std::uint32_t>& targets() const { return targets_; }

 private:
  std::vector<std::uint64_t> offsets_;
  std::vector<std::uint32_t> targets_;
  std::vector<std::uint32_t> scratch_;  // reused by build()
  std::vector<std::uint32_t> sources_scratch_;
};

/// Component id of every node (Boost.Graph connected_components on a Boost CSR view).
std::vector<std::uint32_t> connected_components(const CsrGraph& g, std::uint32_t& count);

/// Edges of a Watts-Strogatz small world (ring of n nodes, k neighbours, rewiring p), built with
/// Boost.Graph's small_world_iterator; self-loops and duplicate edges are dropped.
std::vector<Edge> watts_strogatz(std::uint32_t n, std::uint32_t k, double p, std::uint64_t seed);

/// Average local clustering coefficient over nodes of degree >= 2 (exact).
double average_clustering(const CsrGraph& g);

/// Mean shortest-path length over all connected pairs (BFS from every node, or from
/// `sources` sampled nodes when sources < n).
double mean_path_length(const CsrGraph& g, std::uint32_t sources, std::uint64_t seed);

}  // namespace rf
