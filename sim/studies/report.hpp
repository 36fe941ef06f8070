// `rainforest report FILE.h5 --out DIR`: runs the Python report writer (analysis/) with Debian's
// python3, so the figures come from one implementation used from Python too.
#pragma once
#include <string>

namespace rf {

/// Writes DIR/index.html and its figures; returns the exit status.
int write_report(const std::string& file, const std::string& out_dir, bool force);

}  // namespace rf
