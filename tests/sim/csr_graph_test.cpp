#include "sim/base/csr_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/base/rng.hpp"

namespace rf {

TEST(CsrGraph, RowsAreSortedAndSymmetric) {
  const std::vector<Edge> edges = {{0, 3}, {1, 2}, {0, 1}, {2, 3}, {0, 2}};
  CsrGraph g;
  g.build(5, edges);
  EXPECT_EQ(g.nodes(), 5u);
  EXPECT_EQ(g.directed_edges(), 10u);
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    const auto row = g.neighbours(i);
    EXPECT_TRUE(std::is_sorted(row.begin(), row.end()));
    for (auto j : row) EXPECT_TRUE(g.has_edge(j, static_cast<std::uint32_t>(i)));
  }
  EXPECT_EQ(g.degree(0), 3u);
  EXPECT_EQ(g.degree(4), 0u);
  EXPECT_TRUE(g.has_edge(3, 0));
  EXPECT_FALSE(g.has_edge(1, 3));
}

TEST(CsrGraph, ConnectedComponentsViaBoost) {
  CsrGraph g;
  g.build(6, std::vector<Edge>{{0, 1}, {1, 2}, {3, 4}});
  std::uint32_t count = 0;
  const auto c = connected_components(g, count);
  EXPECT_EQ(count, 3u);  // {0,1,2}, {3,4}, {5}
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[3]);
  EXPECT_NE(c[5], c[3]);
}

TEST(CsrGraph, RingLatticeHasKnownClusteringAndPathLength) {
  // Watts-Strogatz at p = 0 is the ring lattice: C = 3(k-2) / (4(k-1)) = 2/3 for k = 10.
  const auto edges = watts_strogatz(1000, 10, 0.0, 1);
  EXPECT_EQ(edges.size(), 5000u);
  CsrGraph g;
  g.build(1000, edges);
  EXPECT_NEAR(average_clustering(g), 2.0 / 3.0, 1e-12);
  // L(0) = n / (2k) for large n: 50.45 exactly for n = 1000, k = 10 (shared/reference).
  EXPECT_NEAR(mean_path_length(g, 1000, 1), 50.45, 0.01);
}

TEST(CsrGraph, RewiringShrinksPathLengthFirst) {
  CsrGraph g;
  g.build(1000, watts_strogatz(1000, 10, 0.05, 3));
  EXPECT_GT(average_clustering(g), 0.5);
  EXPECT_LT(mean_path_length(g, 200, 3), 15.0);
}

TEST(CsrGraph, EmptyGraph) {
  CsrGraph g;
  g.build(3, std::vector<Edge>{});
  EXPECT_EQ(g.directed_edges(), 0u);
  EXPECT_EQ(average_clustering(g), 0.0);
}

namespace {
/// Random distinct ties u < v with distinct weights per end, from a counter-based stream.
std::vector<Edge> random_ties(std::uint32_t nodes, std::size_t count, std::uint64_t seed) {
  std::vector<Edge> edges;
  for (std::size_t k = 0; k < count; ++k) {
    Stream s(seed, Entity::Graph, static_cast<std::uint32_t>(k), 0, 0);
    const std::uint32_t a = s.below(nodes), b = s.below(nodes);
    if (a == b) continue;
    edges.push_back({std::min(a, b), std::max(a, b), s.uniform(), s.uniform()});
  }
  std::sort(edges.begin(), edges.end(), edge_less);
  edges.erase(std::unique(edges.begin(), edges.end(), same_tie), edges.end());
  return edges;
}

void expect_same_graph(const CsrGraph& a, const CsrGraph& b) {
  ASSERT_EQ(a.nodes(), b.nodes());
  EXPECT_EQ(a.offsets(), b.offsets());
  EXPECT_EQ(a.targets(), b.targets());
  for (std::size_t i = 0; i < a.nodes(); ++i) {
    const auto wa = a.weights(i), wb = b.weights(i);
    ASSERT_TRUE(std::equal(wa.begin(), wa.end(), wb.begin(), wb.end())) << "row " << i;
  }
}
}  // namespace

TEST(CsrGraph, WeightsFollowTheirEnd) {
  CsrGraph g;
  g.build(3, std::vector<Edge>{{0, 2, 0.25, 0.75}});
  EXPECT_EQ(g.weights(0)[0], 0.25);
  EXPECT_EQ(g.weights(2)[0], 0.75);
  EXPECT_TRUE(g.weights(1).empty());
}

TEST(CsrGraph, UnsortedInputGivesTheSameGraphAsSorted) {
  auto edges = random_ties(300, 900, 5);
  CsrGraph sorted, shuffled;
  sorted.build(300, edges);
  std::reverse(edges.begin(), edges.end());
  shuffled.build(300, edges);
  expect_same_graph(sorted, shuffled);
}

TEST(CsrGraph, AddingEdgesEqualsRebuilding) {
  // Ties split into an old set and new ones, some on new nodes: the incremental path must give
  // exactly the arrays of a full rebuild (the monthly network phase relies on it).
  const auto all = random_ties(500, 2000, 11);
  std::vector<Edge> old, fresh;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const bool on_new_node = all[k].v >= 450;
    (on_new_node || k % 7 == 0 ? fresh : old).push_back(all[k]);
  }
  CsrGraph incremental, rebuilt;
  incremental.build(450, old);
  incremental.add_edges(500, fresh);
  rebuilt.build(500, all);
  expect_same_graph(incremental, rebuilt);
  incremental.add_edges(510, {});
  EXPECT_EQ(incremental.nodes(), 510u);
  EXPECT_EQ(incremental.degree(505), 0u);
}

TEST(CsrGraph, RemovingEdgesEqualsRebuilding) {
  // Some nodes close (all their ties go), some ties decay, new nodes arrive: the in-place removal
  // must give exactly the arrays of a rebuild from the remaining ties (the network phase relies on it).
  const auto all = random_ties(500, 2000, 13);
  std::vector<Edge> gone, rest;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Edge& e = all[k];
    const bool closed = e.u % 9 == 0 || e.v % 9 == 0;
    (closed || k % 5 == 0 ? gone : rest).push_back(e);
  }
  std::reverse(gone.begin(), gone.end());  // any order
  CsrGraph incremental, rebuilt;
  incremental.build(500, all);
  incremental.remove_edges(520, gone);
  rebuilt.build(520, rest);
  expect_same_graph(incremental, rebuilt);
  EXPECT_EQ(incremental.degree(9), 0U);
  EXPECT_EQ(incremental.degree(515), 0U);
  incremental.remove_edges(520, {});  // nothing to remove: unchanged
  expect_same_graph(incremental, rebuilt);
  incremental.remove_edges(520, gone);  // ties no longer there: unchanged
  expect_same_graph(incremental, rebuilt);
}

}  // namespace rf
