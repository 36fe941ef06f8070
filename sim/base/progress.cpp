#include "sim/base/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace rf {

namespace {
// Without a terminal (batch jobs, Slurm logs) a full line every this many seconds.
constexpr double kLogEverySeconds = 30.0;
}  // namespace

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}

void Progress::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double since = std::chrono::duration<double>(now - last_).count();
  if (tty_ ? (elapsed < 2.0 || (since < 0.2 && done < total)) : since < kLogEverySeconds) return;
  last_ = now;
  const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
  const double left = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
  std::fprintf(stderr, "%s%s: %zu/%zu runs (%3.0f%%), %.2f runs/s, %.0fs elapsed, ~%.0fs left%s", tty_ ? "\r" : "",
               label_.c_str(), done, total, 100.0 * static_cast<double>(done) / static_cast<double>(total), rate, elapsed, left,
               tty_ ? "   " : "\n");
  std::fflush(stderr);
  printed_ = tty_;
}

void Progress::finish() {
  if (printed_) std::fputc('\n', stderr);
  printed_ = false;
}

}  // namespace rf
