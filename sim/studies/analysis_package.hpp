// Runs a module of the Python analysis package (analysis/rainforest_analysis) with Debian's
// python3, so `report` and `export` share one implementation with Python users.
#pragma once
#include <string>
#include <vector>

namespace rf {

/// Refuses `file` unless it is a readable rainforest file. Throws InputFileError.
void require_rainforest_file(const std::string& file);

/// Runs `python3 -m rainforest_analysis.<module> args...` and returns its exit status. Throws
/// UsageError if python3 or the package is missing (`what` names the command that needs it).
int run_analysis_module(const std::string& module, const std::vector<std::string>& args, const std::string& what);

}  // namespace rf
