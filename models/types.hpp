// Enumerations shared by the model's mechanisms. Their numeric values appear in the output.
#pragma once
#include <cstdint>

namespace rf {

inline constexpr int kSectors = 4;
enum class Sector : std::uint8_t { AI = 0, HardTech = 1, Heavy = 2, Services = 3 };
inline constexpr const char* kSectorNames[kSectors] = {"ai", "hardtech", "heavy", "services"};
inline bool is_tech(std::uint8_t sector) {
  return sector <= static_cast<std::uint8_t>(Sector::HardTech);
}

enum class Ownership : std::uint8_t { Private = 0, State = 1, Foreign = 2 };
enum class Origin : std::uint8_t { Other = 0, Graduate = 1, Academic = 2, Corporate = 3, Refounder = 4, Initial = 5 };
inline constexpr int kOrigins = 6;
inline constexpr const char* kOriginNames[kOrigins] = {"other", "graduate", "academic", "corporate", "refounder", "initial"};
enum class Stage : std::uint8_t { Startup = 0, ScaleUp = 1, Mature = 2 };

enum class FundType : std::uint8_t { Venture = 0, Patient = 1, Guidance = 2 };
inline constexpr int kFundTypes = 3;
inline constexpr const char* kFundTypeNames[kFundTypes] = {"venture", "patient", "guidance"};

/// What a fund may put new money into (its stage mandate): seed funds back seed and series A
/// rounds, growth funds series A and later. Any fund may follow on in a firm it holds, from reserve.
enum class Mandate : std::uint8_t { Seed = 0, Growth = 1 };

/// Stage of an equity round (docs/MODEL.md 7.12). Their numeric values appear in the output.
enum class RoundStage : std::uint8_t { Seed = 0, A = 1, B = 2, CPlus = 3 };
inline constexpr int kRoundStages = 4;
inline constexpr const char* kRoundStageNames[kRoundStages] = {"seed", "a", "b", "c+"};

/// Levers a policy reversal can suspend.
enum class Lever : std::uint8_t { Vouchers = 0, GuidanceFund = 1, FailureInsurance = 2, DataOpenness = 3 };
inline constexpr int kReversibleLevers = 4;

/// Decision ids of random streams (part of the reproducibility contract: append, never renumber).
enum class Decision : std::uint32_t {
  Init = 1,
  Shock = 2,
  Innovation = 3,
  Adoption = 4,
  Search = 5,
  TieDecay = 6,
  Screening = 7,
  Exit = 8,
  Entry = 9,
  Talent = 10,
  Reversal = 11,
  Spinout = 12,
  Refound = 13,
  Metrics = 14,
  Graduates = 16,
  Spinoff = 17,
  Barter = 18,
  AdoptionAtBirth = 19,
  Acquirer = 20,
  FollowOn = 21
};

}  // namespace rf
