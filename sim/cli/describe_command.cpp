// `rainforest describe`: prints the parameter table, one parameter, the docs tables or a scenario's sources.
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/describe.hpp"

namespace rf::cli {

int describe(const DescribeOptions& o) {
  if (!o.sources_file.empty()) {
    const auto report = describe_sources(o.sources_file);
    std::cout << report.text;
    return report.missing == 0 ? 0 : 1;
  }
  if (o.markdown) {
    std::cout << parameters_markdown();
  } else if (o.outputs_markdown) {
    std::cout << outputs_markdown();
  } else if (!o.parameter.empty()) {
    std::cout << describe_parameter(o.parameter);
  } else {
    std::cout << describe_parameters();
  }
  return 0;
}

}  // namespace rf::cli
