#include "models/monthly_step.hpp"

#include "models/phases.hpp"

namespace rf {

namespace {
// Read top to bottom: this is one month of the model.
const Phase kMonthlyPhases[] = {
    {"government", phase_government},          // new budget year, fiscal rule, reversals, guidance fund
    {"universities", phase_universities},      // research budget -> knowledge
    {"talent", phase_talent},                  // graduates choose a region; some will found firms
    {"entry", phase_entry},                    // graduate, refounder, baseline, academic, corporate entry
    {"network", phase_network},                // ties decay, dead firms leave, new ties form
    {"compute_market", phase_compute_market},  // compute price, demand, vouchers
    {"labour", phase_labour},                  // firms move toward target size; skilled hiring
    {"spillover", phase_spillover},            // knowledge flows along ties and from universities
    {"innovation", phase_innovation},          // shocks, Poisson innovations, patents
    {"adoption", phase_adoption},              // Bass-like AI adoption through neighbours
    {"market", phase_market},                  // prices from finite demand, revenue, cash, valuation
    {"capital", phase_capital},                // screening, decisions after latency, rounds paid
    {"exits", phase_exits},                    // IPOs, acquisitions, failures, refounders
};
}  // namespace

std::span<const Phase> monthly_phases() {
  return kMonthlyPhases;
}

}  // namespace rf
