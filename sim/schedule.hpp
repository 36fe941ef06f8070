// The engine's view of a model step: an explicit, ordered list of named phases.
#pragma once
#include <span>
#include <string_view>

namespace rf {

struct World;

struct Phase {
  std::string_view name;
  void (*run)(World&);
};

}  // namespace rf
