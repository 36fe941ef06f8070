// Human-readable and Markdown views of the parameter and output tables.
#pragma once
#include <string>

namespace rf {

/// All parameters, grouped, one block each (for `rainforest describe`).
std::string describe_parameters();

/// One parameter by "name" or "group.name"; throws UsageError naming the closest.
std::string describe_parameter(const std::string& key);

struct SourceReport {
  std::string text;
  std::size_t parameters = 0, assumptions = 0, missing = 0;
};
/// Every parameter a scenario file sets (also through `from:` imports), with its value and the
/// source comment on its line; counts assumptions and values without a source.
SourceReport describe_sources(const std::string& scenario_file);

/// docs/parameters.md, generated from the table.
std::string parameters_markdown();

/// The generated tables of docs/OUTPUT.md (series metrics and firm snapshot columns).
std::string outputs_markdown();

}  // namespace rf
