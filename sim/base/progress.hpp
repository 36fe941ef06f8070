// A progress report on stderr: runs done, months simulated, rate and time left. On a terminal,
// one line rewritten in place after the first two seconds (short runs print nothing); without one
// (batch jobs), a full line every 30 seconds (RAINFOREST_PROGRESS_SECONDS sets another interval). Silent with --quiet.
// Thread-safe: the simulating threads report months, the thread that hands runs over reports runs.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace rf {

class Progress {
 public:
  /// `unit` names what update() counts ("runs", or "evaluations" of a calibration).
  Progress(std::string label, bool enabled, std::string unit = "runs");
  /// `total` runs (units) are to come, each simulating `months` months: the line then counts
  /// months too and takes the time left from them, so a single long run reports before it ends.
  void expect(std::size_t total, std::size_t months);
  /// `done` of `total` runs (units) are finished.
  void update(std::size_t done, std::size_t total);
  /// `months` more months are done; `simulated` is false for runs read back from a journal,
  /// which count as done but not towards the rate.
  void months_done(std::size_t months, bool simulated = true);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void print(bool final_run);  // with mutex_ held
  std::string label_, unit_;
  bool enabled_;
  bool tty_;
  double log_every_;  // seconds between lines without a terminal
  bool printed_ = false;
  std::mutex mutex_;
  std::size_t runs_done_ = 0, runs_total_ = 0;
  std::size_t months_per_run_ = 0, months_done_ = 0, months_simulated_ = 0;
  Clock::time_point start_, last_;
};

}  // namespace rf
