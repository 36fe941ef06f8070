// `rainforest report` and `rainforest export`: the HTML report and the tidy CSV files of any
// rainforest file, both written by the Python analysis package.
#include "sim/cli/commands.hpp"
#include "sim/studies/report.hpp"

namespace rf::cli {

int report(const ReportOptions& o) {
  return write_report(o.file, o.out, o.force);
}

int export_tables(const ReportOptions& o) {
  return export_csv(o.file, o.out, o.force);
}

}  // namespace rf::cli
