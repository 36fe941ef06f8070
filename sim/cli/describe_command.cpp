// `rainforest describe`: prints the parameter table, one parameter, the docs tables or a scenario's sources.
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/describe.hpp"

namespace rf::cli {

int describe(const std::string& parameter, bool markdown, bool outputs_markdown_flag, const std::string& sources_file) {
  if (!sources_file.empty()) {
    const auto report = describe_sources(sources_file);
    std::cout << report.text;
    return report.missing == 0 ? 0 : 1;
  }
  if (markdown) {
    std::cout << parameters_markdown();
  } else if (outputs_markdown_flag) {
    std::cout << outputs_markdown();
  } else if (!parameter.empty()) {
    std::cout << describe_parameter(parameter);
  } else {
    std::cout << describe_parameters();
  }
  return 0;
}

}  // namespace rf::cli
