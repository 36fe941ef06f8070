// A table of doubles with named rows and columns, as result files store comparisons, traces and
// sensitivity indices (a 2-D dataset with `rows` and `columns` attributes).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace rf {

struct Table {
  std::string name, description;
  std::vector<std::string> rows, columns;
  std::vector<double> values;                                        // row-major
  std::vector<std::pair<std::string, std::string>> attributes = {};  // further string attributes (name, value)
};

}  // namespace rf
