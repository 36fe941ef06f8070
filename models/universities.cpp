#include "models/phases.hpp"

namespace rf {

double university_knowledge_inflow(const World& w, const University& u) {
  const RegionParams& p = w.regions[u.region].p;
  // Budgets are scaled with the population; knowledge per firm must not be.
  return p.knowledge_per_budget * (u.budget / w.sim.scale) / 12.0;
}

void phase_universities(World& w) {
  for (auto& u : w.universities) {
    const RegionParams& p = w.regions[u.region].p;
    u.knowledge = (1.0 - p.knowledge_depreciation) * u.knowledge + university_knowledge_inflow(w, u);
  }
}

}  // namespace rf
