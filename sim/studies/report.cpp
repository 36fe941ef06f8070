#include "sim/studies/report.hpp"

#include <filesystem>

#include "sim/base/errors.hpp"
#include "sim/studies/analysis_package.hpp"

namespace rf {

int write_report(const std::string& file, const std::string& out_dir, bool force) {
  namespace fs = std::filesystem;
  require_rainforest_file(file);
  if (fs::exists(fs::path(out_dir) / "index.html") && !force) {
    throw OutputError("'" + out_dir + "' already holds a report", "Pass --force to replace it, or choose another --out.");
  }
  return run_analysis_module("report", {file, out_dir}, "the report");
}

int export_csv(const std::string& file, const std::string& out_dir, bool force) {
  namespace fs = std::filesystem;
  require_rainforest_file(file);
  if (fs::exists(fs::path(out_dir) / "series.csv") && !force) {
    throw OutputError("'" + out_dir + "' already holds an export", "Pass --force to replace it, or choose another directory.");
  }
  return run_analysis_module("export", {file, out_dir}, "the CSV export");
}

}  // namespace rf
