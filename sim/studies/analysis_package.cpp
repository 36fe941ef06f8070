#include "sim/studies/analysis_package.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/io/input_file.hpp"

namespace rf {

namespace {
// Debian's interpreter: it sees python3-h5py, -pandas, -matplotlib and -scipy (a pyenv python3
// on the PATH does not).
constexpr const char* kPython = "/usr/bin/python3";
}  // namespace

void require_rainforest_file(const std::string& file) {
  open_input_file(file).close();
}

int run_analysis_module(const std::string& module, const std::vector<std::string>& args, const std::string& what) {
  namespace fs = std::filesystem;
  const std::string analysis = fs::path(data_file("analysis/rainforest_analysis/reader.py")).parent_path().parent_path();
  if (!fs::exists(kPython) || !fs::is_directory(analysis)) {
    throw UsageError(what + " needs " + std::string(kPython) + " and the analysis package (" + analysis + ")",
                     "Run scripts/setup.sh, which installs python3-h5py, python3-pandas, python3-matplotlib and python3-scipy.");
  }
  const pid_t pid = fork();
  if (pid < 0) throw OutputError("cannot start python3", "Check the process limits of this machine.");
  if (pid == 0) {
    setenv("PYTHONPATH", analysis.c_str(), 1);
    setenv("MPLBACKEND", "Agg", 1);
    std::vector<std::string> command = {kPython, "-m", "rainforest_analysis." + module};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (auto& a : command) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(kPython, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}

}  // namespace rf
