// Checks an output path before a long command starts, so it fails in a second, not at the end.
#pragma once
#include <string>

namespace rf {

/// Refuses an existing file unless `force`, and checks the directory can be written.
/// Throws OutputError saying what to do.
void check_output_path(const std::string& path, bool force);

}  // namespace rf
