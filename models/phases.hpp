// The mechanisms of the monthly step, one function each. models/monthly_step.cpp orders them.
#pragma once
#include "models/world.hpp"

namespace rf {

void phase_census(World& w);          // flows reset, dead firms removed, living and incubated counted
void phase_funds(World& w);           // investment periods and lives end; annual fundraising (models/funds.cpp)
void phase_government(World& w);      // budget year, fiscal rule, policy reversals, guidance fund
void phase_universities(World& w);    // research budget -> knowledge stock
void phase_talent(World& w);          // graduates choose a region; pool; graduate founders
void phase_entry(World& w);           // graduate, academic, corporate, refounder and baseline entry
void phase_network(World& w);         // tie decay, tie formation (models/network.cpp)
void phase_compute_market(World& w);  // compute price, demand, vouchers
void phase_labour(World& w);          // hiring toward target size from the talent pool
void phase_spillover(World& w);       // knowledge flows along ties and from universities
void phase_innovation(World& w);      // productivity shocks, Poisson innovations, patents
void phase_adoption(World& w);        // AI adoption as a diffusion through ties and sector peers

/// Cost of adopting AI in region r this month relative to the run's start: the compute part
/// (adoption_compute_share) moves with the compute price paid after vouchers over import_price.
double adoption_cost(const RegionState& r);
void phase_market(World& w);  // sector prices, revenue, costs, cash, valuation, stage
/// Smoothed revenue and growth, fundamental value and mark of firm i after `month` with `revenue`
/// (docs/MODEL.md 7.11; models/market.cpp).
void update_value(Firms& f, const RegionParams& p, std::size_t i, double revenue, std::int32_t month);
void phase_capital(World& w);  // insiders' follow-ons, screening by mandate, decisions with latency, rounds paid
/// Normal-normal update of the investors' belief about firm i's log quality with one signal
/// (models/capital.cpp, docs/MODEL.md 7.12).
void update_belief(Firms& f, std::size_t i, double signal, double noise);
void phase_exits(World& w);  // IPOs, acquisitions, failures, refounders
/// An acquisition: the acquirer takes over the target's staff, patents, cash and knowledge
/// (models/exits.cpp).
void absorb_target(Firms& f, std::size_t acquirer, std::size_t target);

/// Monthly adoption probability of a non-adopter whose contacts have adopted share m (exact
/// one-month Bass step, docs/MODEL.md 7.10).
double bass_step_probability(double p, double q, double m);
/// An upper bound of bass_step_probability(p, q, m) as computed, without its exp: p + q plus a
/// margin for rounding (infinity outside p, q >= 0, 0 <= m <= 1). A uniform draw at or above it
/// does not adopt, whatever the exact probability.
double bass_step_bound(double p, double q, double m);

/// Annual inflow of knowledge to university u at scale 1 (m CNY of budget times productivity).
double university_knowledge_inflow(const World& w, const University& u);

}  // namespace rf
