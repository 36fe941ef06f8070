// libFuzzer target for the scenario and sweep loaders: any input must load or be refused with
// an rf::Error; any other exception, crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/base/errors.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/config/sweep_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    rf::Scenario s = rf::load_scenario_text(text, "fuzz.yaml");
    (void)rf::resolved_yaml(s);
  } catch (const rf::Error&) {
  }
  try {
    // Relative `base:` and `from:` paths resolve against the shipped scenarios.
    (void)rf::load_sweep_text(text, std::string(RF_SOURCE_DIR) + "/scenarios/sweeps/fuzz.yaml");
  } catch (const rf::Error&) {
  }
  return 0;
}
