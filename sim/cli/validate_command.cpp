// `rainforest validate`: checks a scenario file (with --set overrides) without running it.
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sim/config/scenario_loader.hpp"

namespace rf::cli {

int validate(const std::string& file, const std::vector<std::string>& overrides) {
  const Scenario s = load_scenario_file(file, overrides);
  std::printf("%s: valid scenario '%s': %zu region(s), %lld months, scale %g\n", file.c_str(), s.name.c_str(), s.regions.size(),
              static_cast<long long>(s.sim.months), s.sim.scale);
  return 0;
}

}  // namespace rf::cli
