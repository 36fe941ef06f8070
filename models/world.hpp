// The state of one run: firms as a structure of arrays, universities, funds and per-region state.
// Mechanisms in models/*.cpp read and write it; the engine in sim/ only schedules them.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/firm_event.hpp"
#include "models/live_slots.hpp"
#include "models/params.hpp"
#include "models/types.hpp"
#include "sim/base/csr_graph.hpp"

namespace rf {

/// Knowledge of one firm, one dimension per sector.
using SectorKnowledge = std::array<float, kSectors>;

/// Firms, one slot each, in order of birth (slot order == id order, kept by compaction). A closed
/// firm's slot stays (alive 0) until the census compacts (models/census.cpp), so every loop over
/// slots skips the dead. The arrays are listed once, in models/firm_fields.def.
struct Firms {
#define RF_FIRM_FIELD(TYPE, NAME) std::vector<TYPE> NAME;
#include "models/firm_fields.def"
#undef RF_FIRM_FIELD

  [[nodiscard]] std::size_t size() const {
    return id.size();
  }
  void resize(std::size_t n);
  /// Keeps the slots where keep[i] is true, in order; returns old->new slot map (-1 removed).
  std::vector<std::int32_t> compact(const std::vector<std::uint8_t>& keep);  // 32 bits: half the cache misses of the tie remap
};

struct University {
  std::uint8_t region = 0;
  double budget = 0.0;     // m CNY per year (scaled)
  double graduates = 0.0;  // per year (scaled)
  double knowledge = 0.0;
  float x = 0.0F, y = 0.0F;
};

/// The funds of every region, one slot each in the order they were raised (a slot is never
/// removed: holdings name funds by slot), as a structure of arrays. Money in m CNY. A fund invests
/// new money (uncalled) only in its investment period and follows on in its portfolio (reserve)
/// until the end of its life, when what is left undrawn goes back to its limited partners; capital
/// is called when a round is paid, and exit proceeds are distributed, not reinvested
/// (models/funds.cpp, docs/MODEL.md 7.12).
struct Funds {
  std::vector<FundType> type;
  std::vector<std::uint8_t> region;
  std::vector<Mandate> mandate;
  std::vector<std::int32_t> vintage;  // month raised (negative: before the run)
  std::vector<double> horizon;        // months within which the fund wants an exit
  std::vector<double> committed;      // limited partners' commitments
  std::vector<double> uncalled;       // undrawn, for new investments (investment period only)
  std::vector<double> reserve;        // undrawn, for follow-on rounds in its portfolio (until the end of its life)
  std::vector<double> called;         // paid into firms during the run
  std::vector<double> distributed;    // exit proceeds paid to the limited partners

  [[nodiscard]] std::size_t size() const { return type.size(); }
  /// Appends a fund with `committed` undrawn, the reserve share set aside; returns its slot.
  std::size_t add(FundType t, std::uint8_t reg, Mandate m, std::int32_t month, double fund_horizon, double amount,
                  double reserve_share);
};

/// A fund's equity stake in a firm; a per-firm linked list through `next`.
struct Holding {
  std::int32_t fund = -1;
  double share = 0.0;
  std::int32_t next = -1;
};

/// What one region accumulates during a month; becomes the month's metrics.
struct RegionFlows {
  double births[6] = {0, 0, 0, 0, 0, 0};  // by Origin
  double deaths = 0, funded = 0, first_funded = 0, exits_ipo = 0, exits_acq = 0, exit_proceeds = 0;
  double down_rounds = 0;          // rounds priced below the firm's last post-money
  double funds_raised = 0;         // commitments to new funds (annual fundraising, guidance injections)
  double invested[3] = {0, 0, 0};  // by FundType
  double received = 0;             // capital firms received (accounting check)
  double funded_quality = 0;       // latent log quality summed over the firms paid a round
  double innovations = 0, innovations_ai = 0, patents = 0, voucher_spend = 0, budget_spent = 0;
  double compute_used = 0, compute_spend = 0, compute_spend_ai = 0;  // PFLOPS-months; m CNY before vouchers
  double graduates_produced = 0, graduates_retained = 0, graduates_emigrated = 0, graduates_immigrated = 0;
};

/// Levers after policy reversals, for this month.
struct EffectiveLevers {
  double voucher_rate = 0, data_openness = 0, insurance_months = 0, guidance_fund = 0;
};

struct RegionState {
  std::string name;
  RegionParams p;  // scaled parameters
  EffectiveLevers lever;
  std::array<std::int32_t, kReversibleLevers> reversed_until{-1, -1, -1, -1};
  double budget_left = 0;                 // science budget left this year
  double voucher_left = 0;                // voucher budget left this year
  double fiscal_factor = 1.0;             // (1 + fiscal_growth)^(budget years since fiscal_base_year)
  std::int32_t fiscal_base_year = 0;      // budget year the science budget was last set (models/dated_change.hpp)
  std::array<double, kSectors> demand{};  // final demand, m CNY per month
  std::array<double, kSectors> price{1.0, 1.0, 1.0, 1.0};
  std::array<double, kSectors> output{};         // last month's quantity sold
  std::array<double, kSectors> initial_firms{};  // firms per sector at month 0 (tradable demand)
  std::array<double, kSectors> firms{};          // firms per sector this month
  std::array<double, kSectors>
      adopted_share{};  // share of living firms per sector that had adopted AI after last month's adoption phase
  double compute_price = 0, compute_utilisation = 0;
  double world_price = 0;           // cloud compute price outside the region this month, before the import mark-up
  double commercial_pflops = -1.0;  // commercial compute capacity; < 0 until sized at the first month with demand
  double compute_capacity = 0;      // local capacity this month (commercial and public), PFLOPS
  double compute_imported = 0;      // imported cloud compute this month, PFLOPS-months
  double skilled_pool = 0;
  double skilled_openings = 0;           // vacancies last month
  double pending_refounds = 0;           // failed founders who will found again next month
  double incubated = 0;                  // incubator places taken (census, then entry)
  double pending_graduate_founders = 0;  // founders among this month's graduate arrivals
  double alive = 0;                      // living firms at this month's census
  double funding_climate = 0;            // 12-month average of rounds per seeking firm
  RegionFlows flow;
};

struct World {
  std::uint64_t seed = 0;
  SimulationParams sim;
  std::vector<RegionState> regions;
  Firms firms;
  std::vector<University> universities;
  Funds funds;
  std::vector<Holding> holdings;
  std::uint32_t next_firm_id = 0;
  std::size_t dead_slots = 0;    // firms closed since the census
  std::size_t vacant_slots = 0;  // slots of firms closed before this month's census, kept until compaction (census)
  // The census compacts once vacant slots exceed this share of all slots. Compaction moves every
  // per-firm array behind the first closed slot, nearly all of it in any month with a closure,
  // while a kept slot costs the loops one skipped iteration. Results do not depend on it (a test
  // compacts every month with 0).
  double compact_share = 1.0 / 8.0;
  LiveSlots live;  // rank -> slot among living firms (network phase: a random firm)
  std::int32_t month = 0;
  unsigned threads = 1;  // threads for the per-firm loops that run in parts (models/slot_parts.hpp)
  // Firm-firm ties: the edge list is the source of truth, the CSR is rebuilt from it.
  std::vector<Edge> edges;
  std::vector<Edge> pending_ties;  // ties made at birth (spin-out to parent), slots
  // The CSR mirrors the edge list from the network phase to the end of the month; the next network
  // phase updates it in place (closed firms' and decayed ties out, new ties in) while slots keep
  // their numbers, and rebuilds it after a compaction renumbered them (graph_on_current_slots false).
  CsrGraph graph;
  bool graph_on_current_slots = false;
  std::vector<Edge> gone_ties;  // ties the graph still has and the list has lost: closed firms' (census), decayed (network)
  // Dense buffers reused across months so the step loop does not allocate.
  std::vector<std::uint32_t> seeking;        // slots looking for equity, grouped by region
  std::vector<std::uint32_t> seeking_found;  // seekers in slot order (capital phase scratch)
  std::vector<std::size_t> seeking_offsets;  // region r's seekers: [offsets[r], offsets[r+1])
  std::vector<std::uint32_t> adopters;       // slots adopting AI this month
  std::vector<double> output;                // per-slot output this month (market phase)
  // Per slot, the log A the market phase used and its exp: the metrics reuse the exp where log A
  // is still the same bits (a firm an acquisition changed is recomputed), saving an exp per firm.
  std::vector<double> market_log_tfp, market_tfp;
  // Firm events of the run so far, in the order the phases made them (models/firm_event.hpp);
  // empty when simulation.event_log is off, and record_event then hands out `unrecorded`.
  std::vector<FirmEvent> events;
  FirmEvent unrecorded;

  /// Appends an event of the firm in `slot` this month, its fixed fields (id, region, sector,
  /// origin) filled in; the caller sets the amounts that apply to the kind.
  FirmEvent& record_event(std::size_t slot, EventKind kind);
};

}  // namespace rf
