// A small sweep for tests, and helpers to start the binary in the background and watch its journals.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rf::test {

/// A Saltelli sweep of the default scenario at 0.2 % scale for 24 months: 8 points per base
/// point, two runs each (`points` = 30 gives 240 runs of about 10 ms).
inline std::string tiny_sweep(std::size_t points) {
  return std::string("name: tiny\nbase: ") + RF_SOURCE_DIR +
         "/scenarios/default.yaml\n"
         "set: {simulation.months: 24, simulation.scale: 0.002}\n"
         "design: saltelli\npoints: " +
         std::to_string(points) +
         "\nruns_per_point: 2\nseed: 5\n"
         "parameters:\n"
         "  - {path: regions.*.policy.data_openness, range: [0, 1]}\n"
         "  - {path: regions.*.policy.failure_insurance_months, range: [0, 36]}\n";
}

/// Bytes in the journals of a sweep's parts directory.
inline std::uintmax_t journal_bytes(const std::string& parts) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(parts, ec)) {
    if (e.path().extension() == ".bin") total += std::filesystem::file_size(e.path(), ec);
  }
  return total;
}

/// Starts the rainforest binary with `args` in the background (output discarded); returns its pid.
inline pid_t spawn(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  std::vector<char*> argv;
  std::string binary = RF_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (freopen("/dev/null", "w", stdout) == nullptr || freopen("/dev/null", "w", stderr) == nullptr) _exit(126);
  execv(RF_BINARY, argv.data());
  _exit(127);
}

}  // namespace rf::test
