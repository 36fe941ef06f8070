// A one-line progress report on stderr: runs done, rate and time left. Silent when stderr is
// not a terminal or --quiet was given, and for the first two seconds (short runs print nothing).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace rf {

class Progress {
 public:
  Progress(std::string label, bool enabled);
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  bool enabled_;
  bool printed_ = false;
  Clock::time_point start_, last_;
};

}  // namespace rf
