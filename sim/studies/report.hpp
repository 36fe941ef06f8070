// `rainforest report FILE.h5 --out DIR` and `rainforest export FILE.h5 --csv DIR`: run the Python
// report writer and CSV exporter (analysis/) with Debian's python3, so the figures and tables
// come from one implementation used from Python too.
#pragma once
#include <string>

namespace rf {

/// Writes DIR/index.html and its figures; returns the exit status.
int write_report(const std::string& file, const std::string& out_dir, bool force);

/// Writes tidy CSV files of the file's series, runs, events, firms and tables into DIR; returns
/// the exit status.
int export_csv(const std::string& file, const std::string& out_dir, bool force);

}  // namespace rf
