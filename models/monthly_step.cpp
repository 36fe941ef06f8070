#include "models/monthly_step.hpp"

#include "models/phases.hpp"

namespace rf {

namespace {
// Read top to bottom: this is one month of the model. Each comment says what the phase does and
// which parts of the world it writes (r. = a region's state, f. = per-firm arrays; scratch buffers
// such as w.seeking aside).
const Phase kMonthlyPhases[] = {
    // The month opens: flows start from zero; firms closed last month leave; firms are counted.
    // Writes r.flow (reset), r.alive, r.incubated; w.edges (dead removed), w.gone_ties, w.dead_slots, w.vacant_slots; firm slots
    // when closed firms' slots are compacted (not every month).
    // Leaves w.graph stale (closed firms' ties; old slots after a compaction, w.graph_on_current_slots) until the
    // network phase updates it: no phase in between reads ties.
    {"census", phase_census},
    // Fund life cycles: investment periods and lives end; each January the regions raise new funds
    // from their limited partners in response to recent vintages' multiple.
    // Writes the funds' arrays (w.funds: new slots, uncalled, reserve); r.flow.
    {"funds", phase_funds},
    // New budget year, fiscal rule, reversals, guidance fund.
    // Writes r.budget_left, r.voucher_left, r.fiscal_factor, r.reversed_until, r.lever, r.flow; the newest guidance
    // fund's committed, uncalled and reserve; f.voucher_ytd (new year).
    {"government", phase_government},
    // Research budget -> knowledge. Writes universities' knowledge.
    {"universities", phase_universities},
    // Graduates choose a region; some will found firms.
    // Writes r.skilled_pool, r.pending_graduate_founders, r.budget_left, r.flow.
    {"talent", phase_talent},
    // Graduate, refounder, baseline, academic and corporate entry (reads r.alive, r.incubated).
    // Writes new firm slots (adopters at founding among them), w.next_firm_id, w.pending_ties, r.incubated, r.pending_*,
    // r.flow.births.
    {"entry", phase_entry},
    // Ties decay, spin-outs tie to their parents, new ties form.
    // Writes w.edges, w.graph, w.graph_on_current_slots, w.pending_ties (taken), w.live, w.gone_ties (emptied).
    {"network", phase_network},
    // Compute price, demand, vouchers.
    // Writes f.compute_need, f.compute_use, f.compute_bill, f.voucher_ytd; r.compute_price, r.compute_utilisation,
    // r.voucher_left, r.budget_left, r.flow.
    {"compute_market", phase_compute_market},
    // Firms move toward target size; skilled hiring.
    // Writes f.employees, f.skilled; r.skilled_pool, r.skilled_openings.
    {"labour", phase_labour},
    // Knowledge flows along ties and from universities. Writes f.knowledge (f.knowledge_next as a buffer).
    {"spillover", phase_spillover},
    // Shocks, Poisson innovations, patents.
    // Writes f.log_productivity, f.log_productivity_transitory, f.knowledge, f.patents; r.flow.
    {"innovation", phase_innovation},
    // AI adoption through ties and sector peers. Writes f.ai, r.adopted_share.
    {"adoption", phase_adoption},
    // Prices from finite demand, revenue, cash, valuation.
    // Writes r.demand, r.price, r.output, r.firms, r.budget_left, r.flow; f.revenue, f.revenue_avg, f.revenue_growth,
    // f.rd_spend, f.cash, f.equity_unspent, f.fundamental_value, f.valuation, f.stage.
    {"market", phase_market},
    // Insiders' follow-ons, screening by stage mandate, decisions after latency, rounds paid.
    // Writes funds' uncalled, reserve and called, w.holdings; f.pending_*, f.screened_month, f.belief_*, f.cash,
    // f.funding_total, f.equity_unspent, f.equity_burn, f.funding_stage, f.round_revenue, f.round_patents,
    // f.rounds, f.holding_head, f.post_money, f.post_money_month, f.valuation; r.funding_climate, r.flow.
    {"capital", phase_capital},
    // IPOs, acquisitions (the acquirer takes over the target), failures, refounders.
    // Writes f.alive, f.listed, f.valuation, f.holding_head, w.dead_slots; an acquirer's f.employees, f.skilled,
    // f.patents, f.knowledge; funds' distributed (exit proceeds), uncalled and reserve (withdrawn rounds);
    // r.skilled_pool, r.pending_refounds, r.flow.
    {"exits", phase_exits},
};
}  // namespace

std::span<const Phase> monthly_phases() {
  return kMonthlyPhases;
}

}  // namespace rf
