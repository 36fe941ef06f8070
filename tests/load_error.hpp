// The message and remedy a loader gives for a text, for tests of validation messages.
#pragma once
#include <string>

#include "sim/base/errors.hpp"

namespace rf::test {

/// Calls `load(text)` and returns "what | remedy" of the error of type E it throws, or "" when the
/// text loads; another exception fails the test by escaping. `load` is a scenario or sweep loader
/// bound to a file name.
template <typename E, typename Load>
std::string load_error(Load load, const std::string& text) {
  try {
    load(text);
  } catch (const E& e) {
    return std::string(e.what()) + " | " + e.remedy();
  }
  return "";
}

}  // namespace rf::test
