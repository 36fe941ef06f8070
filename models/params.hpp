// Typed parameter structs generated from models/parameters.def (the one parameter table).
#pragma once
#include <cstdint>
#include <string>

#include "sim/base/calendar.hpp"

namespace rf {

#define RF_CTYPE_Real double
#define RF_CTYPE_Int std::int64_t
#define RF_CTYPE_Bool bool
#define RF_CTYPE_Choice int
#define RF_CTYPE_Month MonthIndex

/// Parameters with one value per scenario.
struct SimulationParams {
#define RF_PARAM(SCOPE, GROUP, NAME, KIND, DEF, LO, HI, SCALED, UNIT, CHOICES, DESC, SRC) RF_PARAM_FIELD_##SCOPE(NAME, KIND, DEF)
#define RF_PARAM_FIELD_Simulation(NAME, KIND, DEF) RF_CTYPE_##KIND NAME = static_cast<RF_CTYPE_##KIND>(DEF);
#define RF_PARAM_FIELD_Region(NAME, KIND, DEF)
#include "models/parameters.def"
#undef RF_PARAM_FIELD_Simulation
#undef RF_PARAM_FIELD_Region
#undef RF_PARAM
};

/// Parameters with one value per region.
struct RegionParams {
#define RF_PARAM(SCOPE, GROUP, NAME, KIND, DEF, LO, HI, SCALED, UNIT, CHOICES, DESC, SRC) RF_PARAM_FIELD_##SCOPE(NAME, KIND, DEF)
#define RF_PARAM_FIELD_Region(NAME, KIND, DEF) RF_CTYPE_##KIND NAME = static_cast<RF_CTYPE_##KIND>(DEF);
#define RF_PARAM_FIELD_Simulation(NAME, KIND, DEF)
#include "models/parameters.def"
#undef RF_PARAM_FIELD_Simulation
#undef RF_PARAM_FIELD_Region
#undef RF_PARAM
};

/// One region as a scenario declares it: its name and unscaled parameters.
struct RegionSpec {
  std::string name;
  RegionParams params;  // unscaled, as written in the scenario
};

enum class GuidanceMode : int { Gardener = 0, Designer = 1 };
enum class InitialTopology : int { Search = 0, WattsStrogatz = 1 };
enum class KnowledgeExchange : int { Broadcast = 0, Barter = 1 };

}  // namespace rf
