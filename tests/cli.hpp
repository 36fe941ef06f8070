// Runs the rainforest binary from tests and captures its output; scratch files for its inputs.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "scratch.hpp"

namespace rf::test {

struct Result {
  int status = 0;
  std::string output;  // stdout and stderr
};

/// Runs a shell command line, capturing stdout and stderr.
inline Result run_command(const std::string& command) {
  const std::string cmd = command + " 2>&1";
  Result r;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  while (fgets(buf.data(), buf.size(), pipe) != nullptr) r.output += buf.data();
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

inline Result rainforest(const std::string& args) {
  return run_command(std::string(RF_BINARY) + " " + args);
}

struct CliScratch : Scratch {
  [[nodiscard]] std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }
};

}  // namespace rf::test
