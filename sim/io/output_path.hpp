// Checks an output path before a long command starts, so it fails in a second, not at the end,
// and finds the temporary files that killed commands left beside it.
#pragma once
#include <string>
#include <vector>

namespace rf {

/// Refuses an existing file unless `force`, and checks the directory can be written. Names the
/// stale temporary files of `path` on stderr; with `force` removes them. Throws OutputError
/// saying what to do.
void check_output_path(const std::string& path, bool force);

/// Temporary files of `path` (`path`.tmp.<pid>, written by rainforest while it writes `path`)
/// whose process is gone: left by a command that was killed (kill -9, a crash, a lost node).
std::vector<std::string> stale_temporaries(const std::string& path);

}  // namespace rf
