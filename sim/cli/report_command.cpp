// `rainforest report`: the HTML report of any rainforest file, written by the Python analysis package.
#include "sim/cli/commands.hpp"
#include "sim/studies/report.hpp"

namespace rf::cli {

int report(const ReportOptions& o) {
  return write_report(o.file, o.out, o.force);
}

}  // namespace rf::cli
