#include "sim/csr_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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

}  // namespace rf
