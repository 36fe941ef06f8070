#include "sim/studies/report.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/io/result_reader.hpp"

namespace rf {

namespace {
// Debian's interpreter: it sees python3-h5py, -pandas, -matplotlib and -scipy (a pyenv python3
// on the PATH does not).
constexpr const char* kPython = "/usr/bin/python3";
}  // namespace

int write_report(const std::string& file, const std::string& out_dir, bool force) {
  namespace fs = std::filesystem;
  if (read_root_attribute(file, "format") != "rainforest") {
    throw InputFileError("'" + file + "' is not a readable rainforest file", "Pass a file written by rainforest.");
  }
  if (fs::exists(fs::path(out_dir) / "index.html") && !force) {
    throw OutputError("'" + out_dir + "' already holds a report", "Pass --force to replace it, or choose another --out.");
  }
  const std::string analysis = fs::path(data_file("analysis/rainforest_analysis/report.py")).parent_path().parent_path();
  if (!fs::exists(kPython) || !fs::is_directory(analysis)) {
    throw UsageError("the report needs " + std::string(kPython) + " and the analysis package (" + analysis + ")",
                     "Run scripts/setup.sh, which installs python3-h5py, python3-pandas, python3-matplotlib and python3-scipy.");
  }
  const pid_t pid = fork();
  if (pid < 0) throw OutputError("cannot start python3", "Check the process limits of this machine.");
  if (pid == 0) {
    setenv("PYTHONPATH", analysis.c_str(), 1);
    setenv("MPLBACKEND", "Agg", 1);
    std::vector<std::string> args = {kPython, "-m", "rainforest_analysis.report", file, out_dir};
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(kPython, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}

}  // namespace rf
