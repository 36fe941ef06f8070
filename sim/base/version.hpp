#pragma once
#include <string_view>

namespace rf {
std::string_view version();     // project version from CMake
std::string_view git_commit();  // commit the binary was built from ("-dirty" if modified)
}  // namespace rf
