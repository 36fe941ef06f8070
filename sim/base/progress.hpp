// A progress report on stderr: runs done, rate and time left. On a terminal, one line rewritten
// in place after the first two seconds (short runs print nothing); without one (batch jobs), a
// full line every 30 seconds. Silent with --quiet.
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
  bool tty_;
  bool printed_ = false;
  Clock::time_point start_, last_;
};

}  // namespace rf
