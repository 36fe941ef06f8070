// Reading the text files a user names (scenarios, sweeps, targets): only regular files of a
// sane size, so a path like /dev/zero or a huge file is an error, not a hang.
#pragma once
#include <string>

namespace rf {

/// The whole file. Throws UsageError naming `what` (e.g. "scenario file") and, if given, the
/// place that referred to it.
std::string read_text_file(const std::string& path, const std::string& what, const std::string& referrer = "");

}  // namespace rf
