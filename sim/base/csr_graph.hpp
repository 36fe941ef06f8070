// Undirected graph in compressed sparse row form: the step loop reads neighbours and tie weights
// from flat arrays. Rebuilt from a sorted edge list in one counting pass, O(nodes + edges).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace rf {

/// An undirected tie u < v. Each end keeps its own weight (the model stores the spillover decay
/// seen from that end's region), computed once when the tie forms instead of every month.
struct Edge {
  std::uint32_t u = 0, v = 0;
  double weight_u = 1.0, weight_v = 1.0;
};

/// Order of the edge list: by u, then v.
inline bool edge_less(const Edge& a, const Edge& b) {
  return a.u != b.u ? a.u < b.u : a.v < b.v;
}
inline bool same_tie(const Edge& a, const Edge& b) {
  return a.u == b.u && a.v == b.v;
}

class CsrGraph {
 public:
  /// Rebuilds for `nodes` nodes from undirected edges (each stored in both rows, with the weight
  /// of that end). Edges sorted by edge_less take one pass; others are sorted first.
  void build(std::size_t nodes, std::span<const Edge> edges);

  /// Adds ties not yet in the graph (sorted by edge_less, none already present) and grows it to
  /// `nodes` nodes: one sequential pass that copies rows around the insertion points, instead of
  /// a rebuild, since a month adds few ties.
  void add_edges(std::size_t nodes, std::span<const Edge> fresh);

  /// Removes the ties `gone` (in any order; one not in the graph is ignored) and grows the graph
  /// to `nodes` nodes. The entries between two removed ones move down together, so a month's few
  /// removals cost one sequential pass and a copy per removal: the same arrays as a rebuild from the
  /// remaining ties, without the rebuild's scattered writes.
  void remove_edges(std::size_t nodes, std::span<const Edge> gone);

  [[nodiscard]] std::size_t nodes() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  [[nodiscard]] std::size_t directed_edges() const { return targets_.size(); }
  [[nodiscard]] std::span<const std::uint32_t> neighbours(std::size_t i) const {
    return {targets_.data() + offsets_[i], targets_.data() + offsets_[i + 1]};
  }
  /// Weights parallel to neighbours(i): the weight of each tie at end i.
  [[nodiscard]] std::span<const double> weights(std::size_t i) const {
    return {weights_.data() + offsets_[i], weights_.data() + offsets_[i + 1]};
  }
  [[nodiscard]] std::uint32_t degree(std::size_t i) const { return static_cast<std::uint32_t>(offsets_[i + 1] - offsets_[i]); }
  [[nodiscard]] bool has_edge(std::uint32_t a, std::uint32_t b) const;
  [[nodiscard]] const std::vector<std::uint64_t>& offsets() const { return offsets_; }
  [[nodiscard]] const std::vector<std::uint32_t>& targets() const { return targets_; }

 private:
  std::vector<std::uint64_t> offsets_;
  std::vector<std::uint32_t> targets_;
  std::vector<double> weights_;
  std::vector<std::uint64_t> cursor_;  // reused by build(), so a rebuild does not allocate
  std::vector<Edge> sorted_;
  struct Entry {
    std::uint32_t row, target;
    double weight;
  };
  std::vector<Entry> entries_;  // add_edges: the new directed entries; remove_edges: those to drop
  std::vector<std::uint32_t> targets_next_;
  std::vector<double> weights_next_;
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
