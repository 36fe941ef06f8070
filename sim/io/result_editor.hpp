// Edits a finished result file in place: replaces one group of tables (analyze stores its
// sensitivity tables in the sweep file this way).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/io/table.hpp"

namespace rf {

/// Replaces `group` of an existing file with these tables and string attributes. Works on a
/// copy renamed into place, so the file is never left half-modified. Throws OutputError.
void replace_tables(const std::string& path, const std::string& group, const std::vector<Table>& tables,
                    const std::vector<std::pair<std::string, std::string>>& attributes);

}  // namespace rf
