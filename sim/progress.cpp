#include "sim/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace rf {

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}

void Progress::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 2.0 || (std::chrono::duration<double>(now - last_).count() < 0.2 && done < total)) return;
  last_ = now;
  const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
  const double left = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
  std::fprintf(stderr, "\r%s: %zu/%zu runs (%3.0f%%), %.2f runs/s, %.0fs elapsed, ~%.0fs left   ", label_.c_str(), done, total,
               100.0 * static_cast<double>(done) / static_cast<double>(total), rate, elapsed, left);
  std::fflush(stderr);
  printed_ = true;
}

void Progress::finish() {
  if (printed_) std::fputc('\n', stderr);
  printed_ = false;
}

}  // namespace rf
