#pragma once
#include <span>

#include "sim/schedule.hpp"

namespace rf {

/// The monthly step, in order (docs/MODEL.md "Process overview and scheduling").
std::span<const Phase> monthly_phases();

}  // namespace rf
