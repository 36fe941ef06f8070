// Validation 3: Cowan & Jonard (2004), "Network structure and the diffusion of knowledge" (JEDC
// 28(8)): under barter exchange on a Watts-Strogatz network, long-run mean knowledge is highest at
// intermediate (small-world) rewiring, above both the ring lattice and the random graph.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "models/fixture.hpp"
#include "models/network.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"

namespace rf {

namespace {

constexpr double kFirms = 500;         // Cowan & Jonard's population
constexpr double kDegree = 10;         // and neighbourhood size
constexpr double kAlpha = 0.2;         // share of a gap absorbed per trade (see docs/VALIDATION.md)
constexpr std::int32_t kMonths = 300;  // trades have died out by then (same means at 2000)

/// Mean knowledge per firm and dimension after kMonths of barter only, on a Watts-Strogatz network
/// with rewiring p; initial knowledge uniform on [0, 1) in each of the four dimensions.
double final_mean_knowledge(double p, std::uint64_t seed) {
  World w = test::small_world(kFirms, seed, 1, [p](RegionParams& r) {
    r.initial_topology = static_cast<int>(InitialTopology::WattsStrogatz);
    r.initial_degree = kDegree;
    r.rewiring = p;
    r.exchange = static_cast<int>(KnowledgeExchange::Barter);
    r.rate = kAlpha;
    r.absorptive_half = 1e-4;  // absorptive capacity ~1: alpha alone sets the absorbed share
    r.university_rate = 0.0;
  });
  Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.x[i] = f.y[i] = 0.0F;  // no distance decay: only the network's structure matters
    f.revenue[i] = f.rd_spend[i] = 1.0;
    f.university[i] = -1;
    Stream s(seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Init), 77);
    for (auto& k : f.knowledge[i]) k = static_cast<float>(s.uniform());
  }
  for (auto& e : w.edges) e = make_tie(w, e.u, e.v);  // weights at the new positions
  w.graph.build(f.size(), w.edges);
  for (w.month = 0; w.month < kMonths; ++w.month) phase_spillover(w);
  double total = 0.0;
  for (const auto& k : f.knowledge) {
    for (float x : k) total += x;
  }
  return total / (kFirms * kSectors);
}

}  // namespace

// Each network g keeps its initial knowledge at every rewiring probability (common random
// numbers), so the peak is compared with each end by paired differences over the networks.
// Tolerance: the 95 % interval of the mean paired difference must lie above zero.
TEST(KnowledgeDiffusionValidation, MeanKnowledgePeaksAtIntermediateRewiring) {
  const std::vector<double> rewiring = {0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0};
  constexpr int kNetworks = 100;
  std::vector<std::vector<double>> values(rewiring.size());
  std::vector<double> means;
  for (std::size_t k = 0; k < rewiring.size(); ++k) {
    for (int g = 0; g < kNetworks; ++g) {
      values[k].push_back(final_mean_knowledge(rewiring[k], run_seed(2004, static_cast<std::uint64_t>(g))));
    }
    const auto ci = stats::mean_ci95(values[k]);
    means.push_back(ci.mean);
    std::printf("p=%-6g mean knowledge %.4f [%.4f, %.4f]\n", rewiring[k], ci.mean, ci.low, ci.high);
  }
  const auto best = static_cast<std::size_t>(std::max_element(means.begin(), means.end()) - means.begin());
  EXPECT_GT(best, 0u) << "the ring lattice has the most knowledge";
  EXPECT_LT(best, rewiring.size() - 1) << "the random graph has the most knowledge";
  for (std::size_t end : {std::size_t{0}, rewiring.size() - 1}) {
    std::vector<double> gain;
    for (int g = 0; g < kNetworks; ++g)
      gain.push_back(values[best][static_cast<std::size_t>(g)] - values[end][static_cast<std::size_t>(g)]);
    const auto ci = stats::mean_ci95(gain);
    std::printf("peak p=%g minus p=%g: %.4f [%.4f, %.4f]\n", rewiring[best], rewiring[end], ci.mean, ci.low, ci.high);
    EXPECT_GT(ci.low, 0.0) << "peak p = " << rewiring[best] << " vs p = " << rewiring[end];
  }
}

}  // namespace rf
