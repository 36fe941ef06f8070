// Writes a run file the way `rainforest run` does, from a scenario and seeds, for tests of the
// file format (result_file_test, event_log_test).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/result_file.hpp"

namespace rf::test {

/// Simulates run i of `s` with seeds[i] and writes them all to `path` (overwriting with `force`).
inline void write_run_file(const std::string& path, const Scenario& s, const std::vector<std::uint64_t>& seeds,
                           bool force = false) {
  Provenance prov;
  prov.scenario_yaml = resolved_yaml(s);
  prov.command_line = "test";
  RunFile file(path, force, prov, s, seeds);
  for (std::size_t i = 0; i < seeds.size(); ++i) file.write_run(i, simulate(s, seeds[i]));
  file.commit();
}

}  // namespace rf::test
