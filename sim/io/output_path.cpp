#include "sim/io/output_path.hpp"

#include <unistd.h>

#include <filesystem>

#include "sim/base/errors.hpp"

namespace rf {

namespace fs = std::filesystem;

void check_output_path(const std::string& path, bool force) {
  const fs::path p(path);
  if (fs::exists(p) && !force) {
    throw OutputError("'" + path + "' already exists", "Pass --force to overwrite it, or choose another --out.");
  }
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir)) {
    throw OutputError("the directory '" + dir.string() + "' of '" + path + "' does not exist",
                      "Create it first (mkdir -p), or choose another --out.");
  }
  if (access(dir.c_str(), W_OK) != 0) {
    throw OutputError("the directory '" + dir.string() + "' is not writable", "Choose a directory you can write to.");
  }
}

}  // namespace rf
