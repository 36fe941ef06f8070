// Numbers as short text for tables, attributes and messages.
#pragma once
#include <string>

namespace rf {

/// `v` with at most `digits` significant digits, printf's %g (e.g. 0.1234 -> "0.123" for 3).
std::string significant(double v, int digits);

}  // namespace rf
