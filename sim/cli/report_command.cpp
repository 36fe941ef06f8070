// `rainforest report`: the HTML report of any rainforest file, written by the Python analysis package.
#include "sim/cli/commands.hpp"
#include "sim/studies/report.hpp"

namespace rf::cli {

int report(const std::string& file, const std::string& out_dir, bool force) {
  return write_report(file, out_dir, force);
}

}  // namespace rf::cli
