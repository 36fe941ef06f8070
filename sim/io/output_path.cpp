#include "sim/io/output_path.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "sim/base/errors.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {

/// True while process `pid` exists (a process of another user counts).
bool process_alive(long pid) {
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

std::vector<std::string> stale_temporaries(const std::string& path) {
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  const std::string prefix = p.filename().string() + ".tmp.";
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
    if (!process_alive(std::stol(pid))) out.push_back((dir / name).string());
  }
  return out;
}

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
  for (const auto& stale : stale_temporaries(path)) {
    if (force) {
      std::error_code ec;
      fs::remove(stale, ec);
      std::fprintf(stderr, "rainforest: removed '%s', left by a killed command\n", stale.c_str());
    } else {
      std::fprintf(stderr, "rainforest: note: '%s' was left by a killed command (its process is gone); --force removes it\n",
                   stale.c_str());
    }
  }
}

}  // namespace rf
