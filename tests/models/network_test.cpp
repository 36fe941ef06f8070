#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/network.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
void expect_simple_graph(const World& w) {
  for (std::size_t i = 0; i < w.graph.nodes(); ++i) {
    const auto row = w.graph.neighbours(i);
    for (std::size_t k = 0; k < row.size(); ++k) {
      EXPECT_NE(row[k], i) << "self-loop";
      if (k > 0) {
        EXPECT_LT(row[k - 1], row[k]) << "duplicate tie or unsorted row";
      }
    }
  }
}
}  // namespace

TEST(Network, InitialMeanDegreeIsReached) {
  World w = test::small_world(5000, 2, 1, [](RegionParams& p) { p.initial_degree = 6.0; });
  EXPECT_NEAR(2.0 * static_cast<double>(w.edges.size()) / 5000.0, 6.0, 0.05);
  expect_simple_graph(w);
}

TEST(Network, WattsStrogatzOptionGivesTheRingAtZeroRewiring) {
  World w = test::small_world(1000, 2, 1, [](RegionParams& p) {
    p.initial_topology = static_cast<int>(InitialTopology::WattsStrogatz);
    p.initial_degree = 7.0;  // rounded down to an even ring: 6 neighbours
    p.rewiring = 0.0;
  });
  ASSERT_EQ(w.edges.size(), 3000u);
  for (std::size_t i = 0; i < w.graph.nodes(); ++i) EXPECT_EQ(w.graph.degree(i), 6u) << i;
  EXPECT_TRUE(w.graph.has_edge(0, 999));  // the ring closes
  EXPECT_TRUE(w.graph.has_edge(0, 3));
  EXPECT_FALSE(w.graph.has_edge(0, 4));
  expect_simple_graph(w);
}

TEST(Network, WattsStrogatzRegionKeepsItsTiesWhileOthersSearch) {
  World mixed = test::small_world(500, 2, 2, [](RegionParams& p) {
    p.initial_degree = 4.0;
    p.rewiring = 0.2;
    if (p.centre_x_km > 0.0) p.initial_topology = static_cast<int>(InitialTopology::WattsStrogatz);  // region r1
  });
  std::size_t within_r1 = 0;
  for (const auto& e : mixed.edges) within_r1 += mixed.firms.region[e.u] == 1 && mixed.firms.region[e.v] == 1;
  // 500 firms x 4 / 2 from the small world, less the rare rewired duplicates it drops.
  EXPECT_LE(within_r1, 1000u);
  EXPECT_GE(within_r1, 990u);
  EXPECT_NEAR(2.0 * static_cast<double>(mixed.edges.size()) / 1000.0, 4.0, 0.1);  // r0 searched to its degree
}

TEST(Network, TiesRespectTheSearchRadius) {
  World w = test::small_world(3000, 2, 1, [](RegionParams& p) {
    p.data_openness = 0.0;
    p.radius_closed_km = 5.0;
    p.spread_km = 20.0;
  });
  ASSERT_GT(w.edges.size(), 0u);
  for (const auto& e : w.edges) {
    EXPECT_LE(distance_km(w.firms.x[e.u], w.firms.y[e.u], w.firms.x[e.v], w.firms.y[e.v]), 5.0 + 1e-9);
  }
}

TEST(Network, DataOpennessWidensReachAcrossRegions) {
  // Two regions 200 km apart: ties between them need a radius above 200 km.
  auto cross_ties = [](double openness) {
    World w = test::small_world(2000, 3, 2, [openness](RegionParams& p) {
      p.data_openness = openness;
      p.spread_km = 10.0;
    });
    w.regions[1].p.centre_x_km = 200.0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.region[i] == 1) w.firms.x[i] += static_cast<float>(200.0 - 1000.0);
    }
    w.regions[0].lever.data_openness = w.regions[1].lever.data_openness = openness;
    std::size_t cross = 0;
    for (w.month = 0; w.month < 24; ++w.month) phase_network(w);
    for (const auto& e : w.edges) cross += w.firms.region[e.u] != w.firms.region[e.v];
    return cross;
  };
  EXPECT_EQ(cross_ties(0.0), 0u);
  EXPECT_GT(cross_ties(1.0), 10u);
}

TEST(Network, FullDecayRemovesAllTiesAndNoSearchAddsNone) {
  World w = test::small_world(2000, 2, 1, [](RegionParams& p) {
    p.tie_decay = 1.0;
    p.search_rate = 0.0;
  });
  ASSERT_GT(w.edges.size(), 0u);
  w.month = 0;
  phase_network(w);
  EXPECT_EQ(w.edges.size(), 0u);
  EXPECT_EQ(w.graph.directed_edges(), 0u);
}

TEST(Census, DeadFirmsAreCompactedAwayWithTheirTies) {
  World w = test::small_world(3000, 2, 1, [](RegionParams& p) {
    p.tie_decay = 0.0;
    p.search_rate = 0.0;
  });
  std::vector<std::uint32_t> survivors;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (i % 3 == 0) {
      w.firms.alive[i] = 0;
      ++w.dead_slots;
    } else {
      survivors.push_back(w.firms.id[i]);
    }
  }
  std::size_t surviving_ties = 0;
  for (const auto& e : w.edges) surviving_ties += w.firms.alive[e.u] && w.firms.alive[e.v];
  ASSERT_LT(surviving_ties, w.edges.size());
  w.month = 1;
  phase_census(w);
  ASSERT_EQ(w.firms.size(), survivors.size());
  EXPECT_EQ(w.dead_slots, 0u);
  EXPECT_DOUBLE_EQ(w.regions[0].alive, static_cast<double>(survivors.size()));
  for (std::size_t i = 0; i < survivors.size(); ++i) EXPECT_EQ(w.firms.id[i], survivors[i]);
  EXPECT_EQ(w.edges.size(), surviving_ties);
  phase_network(w);  // rebuilds the graph on the new slots (no decay, no search here)
  EXPECT_EQ(w.graph.directed_edges(), 2 * surviving_ties);
  expect_simple_graph(w);
  EXPECT_EQ(w.graph.nodes(), w.firms.size());
}

TEST(Network, PreferentialAttachmentFavoursHighDegree) {
  // Candidates drawn only by preferential attachment land on firms in proportion to degree.
  World w = test::small_world(4000, 5, 1, [](RegionParams& p) {
    p.preferential_share = 1.0;
    p.triadic_share = 0.0;
  });
  double hub_hits = 0, hub_share = 0, total_degree = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) total_degree += w.graph.degree(i);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.graph.degree(i) >= 8) hub_share += w.graph.degree(i) / total_degree;
  }
  int draws = 0;
  for (std::uint32_t k = 0; k < 20000; ++k) {
    Stream s(1, Entity::Graph, k, 0, 0);
    const auto j = propose_partner(w, k % w.firms.size(), s);
    if (j < 0) continue;
    ++draws;
    hub_hits += w.graph.degree(static_cast<std::size_t>(j)) >= 8 ? 1.0 : 0.0;
  }
  ASSERT_GT(draws, 1000);
  EXPECT_GT(hub_share, 0.02);
  EXPECT_NEAR(hub_hits / draws, hub_share, 0.05);
}

TEST(Network, TriadicClosureRaisesClustering) {
  auto clustering = [](double triadic) {
    World w = test::small_world(3000, 4, 1, [triadic](RegionParams& p) {
      p.triadic_share = triadic;
      p.preferential_share = 0.0;
      p.search_rate = 0.2;
    });
    for (w.month = 0; w.month < 12; ++w.month) phase_network(w);
    return average_clustering(w.graph);
  };
  EXPECT_GT(clustering(0.9), clustering(0.0) + 0.05);
}

}  // namespace rf
