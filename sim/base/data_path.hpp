// Shipped data files (outcome definitions, lever groups) are named relative to the repository;
// when the command runs elsewhere, they are found in the source tree the binary was built from.
#pragma once
#include <filesystem>
#include <string>

namespace rf {

inline std::string data_file(const std::string& path) {
  namespace fs = std::filesystem;
#ifdef RF_DATA_DIR
  if (!fs::exists(path) && fs::path(path).is_relative() && fs::exists(fs::path(RF_DATA_DIR) / path)) {
    return (fs::path(RF_DATA_DIR) / path).string();
  }
#endif
  return path;
}

}  // namespace rf
