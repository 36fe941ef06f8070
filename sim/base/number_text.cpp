#include "sim/base/number_text.hpp"

#include <cstdio>

namespace rf {

std::string significant(double v, int digits) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

}  // namespace rf
