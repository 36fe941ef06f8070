// The monthly step as the engine sees it: an explicit, ordered list of named phases.
#pragma once
#include <span>
#include <string_view>

namespace rf {

struct World;

/// One named phase of the monthly step; `run` changes the world in place.
struct Phase {
  std::string_view name;
  void (*run)(World&);
};

/// The monthly step, in order (docs/MODEL.md "Process overview and scheduling").
std::span<const Phase> monthly_phases();

}  // namespace rf
