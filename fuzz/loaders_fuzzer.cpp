// libFuzzer target for the scenario and sweep loaders: any input must load or be refused with
// an rf::Error; any other exception, crash, hang or sanitizer report is a bug. Every loader
// parses through sim/config/yaml_document (duplicate keys, empty values), and a scenario that
// loads must load back from its resolved YAML to the same resolved YAML (names quoted, reals
// written as YAML 1.1 floats, timeline entries included); an rf::Error escaping there aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sim/base/errors.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/config/sweep_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string resolved;
  try {
    resolved = rf::resolved_yaml(rf::load_scenario_text(text, "fuzz.yaml"));
  } catch (const rf::Error&) {
  }
  if (!resolved.empty() && rf::resolved_yaml(rf::load_scenario_text(resolved, "resolved.yaml")) != resolved) std::abort();
  try {
    // Relative `base:` and `from:` paths resolve against the shipped scenarios.
    (void)rf::load_sweep_text(text, std::string(RF_SOURCE_DIR) + "/scenarios/sweeps/fuzz.yaml");
  } catch (const rf::Error&) {
  }
  return 0;
}
