// What happened to a firm, one record per event: the firm demography and venture outcomes
// behind survival curves, hazards by age and exit multiples. The phases append them to the
// run's buffer (World::events); the engine returns them in RunResult::events.
#pragma once
#include <cstdint>
#include <limits>

namespace rf {

/// Kinds of firm event. Their numeric values appear in the output (append, never renumber).
enum class EventKind : std::uint8_t { Initial = 0, Birth = 1, Round = 2, Ipo = 3, Acquisition = 4, Failure = 5, Adoption = 6 };
inline constexpr int kEventKinds = 7;
inline constexpr const char* kEventKindNames[kEventKinds] = {"initial",     "birth",   "round",   "ipo",
                                                             "acquisition", "failure", "adoption"};

/// Why a firm failed (kind Failure); None for every other kind.
enum class FailureCause : std::uint8_t { None = 0, Cash = 1, Shrink = 2, Exogenous = 3 };
inline constexpr const char* kFailureCauseNames[] = {"none", "cash", "shrink", "exogenous"};

/// One event. The fields that do not apply to a kind are NaN (amounts) or -1 (indices).
/// Money in m CNY at the run's scale. Nothing in it depends on the run's index or seed position.
struct FirmEvent {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::int32_t month = 0;   // month of the run (0 = first); initial firms at 0
  std::uint32_t firm = 0;   // stable firm id
  std::uint8_t region = 0;  // region index in scenario order
  std::uint8_t sector = 0;  // Sector
  std::uint8_t origin = 0;  // Origin
  EventKind kind = EventKind::Birth;
  FailureCause cause = FailureCause::None;
  std::int8_t fund_type = -1;  // round: FundType of the investing fund
  std::int8_t stage = -1;      // round: RoundStage
  std::int64_t acquirer = -1;  // acquisition: id of the acquiring firm, -1 none or unknown
  double amount = kNone;       // round: capital paid in
  double pre_money = kNone;    // round: valuation before the round
  double price = kNone;        // ipo, acquisition: value of the whole firm at exit
  double multiple = kNone;     // ipo, acquisition: investors' proceeds over equity raised; failure of a funded firm: 0
  double cash = kNone;         // failure: cash at closure
};

}  // namespace rf
