#include "sim/base/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace rf {

namespace {

/// Without a terminal (batch jobs, Slurm logs) a full line every this many seconds: 30, or
/// RAINFOREST_PROGRESS_SECONDS.
double log_every_seconds() {
  const char* text = std::getenv("RAINFOREST_PROGRESS_SECONDS");
  if (text == nullptr) return 30.0;
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  return end != text && v >= 0.0 ? v : 30.0;
}

}  // namespace

Progress::Progress(std::string label, bool enabled, std::string unit)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      enabled_(enabled),
      tty_(isatty(STDERR_FILENO) != 0),
      log_every_(log_every_seconds()),
      start_(Clock::now()),
      last_(start_) {}

void Progress::expect(std::size_t total, std::size_t months) {
  const std::lock_guard lock(mutex_);
  runs_total_ = total;
  months_per_run_ = months;
}

void Progress::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  runs_done_ = done;
  runs_total_ = total;
  print(done == total);
}

void Progress::months_done(std::size_t months, bool simulated) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  months_done_ += months;
  if (simulated) months_simulated_ += months;
  print(false);
}

void Progress::print(bool final_run) {
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double since = std::chrono::duration<double>(now - last_).count();
  if (tty_ ? (elapsed < 2.0 || (since < 0.2 && !final_run)) : since < log_every_) return;
  if (runs_total_ == 0 && months_per_run_ == 0) return;
  last_ = now;
  const std::size_t months_total = months_per_run_ * runs_total_;
  double left = 0.0;
  char months[96] = "";
  if (months_total > 0 && months_simulated_ > 0) {
    // Time left from the months simulated so far: finer than runs, and right for one long run.
    left = elapsed * static_cast<double>(months_total - std::min(months_done_, months_total)) /
           static_cast<double>(months_simulated_);
    std::snprintf(months, sizeof months, ", %zu/%zu months (%3.0f%%)", std::min(months_done_, months_total), months_total,
                  100.0 * static_cast<double>(months_done_) / static_cast<double>(months_total));
  } else if (runs_done_ > 0) {
    left = elapsed * static_cast<double>(runs_total_ - runs_done_) / static_cast<double>(runs_done_);
  }
  std::fprintf(stderr, "%s%s: %zu/%zu %s%s, %.0fs elapsed, ~%.0fs left%s", tty_ ? "\r" : "", label_.c_str(), runs_done_,
               runs_total_, unit_.c_str(), months, elapsed, left, tty_ ? "   " : "\n");
  std::fflush(stderr);
  printed_ = tty_;
}

void Progress::finish() {
  const std::lock_guard lock(mutex_);
  if (printed_) std::fputc('\n', stderr);
  printed_ = false;
}

}  // namespace rf
