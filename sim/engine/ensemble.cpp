#include "sim/engine/ensemble.hpp"

#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace rf {

void run_parallel(std::size_t count, unsigned threads, const std::function<RunResult(std::size_t)>& job,
                  const std::function<void(std::size_t, RunResult&&)>& done) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::exception_ptr error;

  auto worker = [&] {
    while (!stop.load() && !interrupted()) {
      const std::size_t index = next.fetch_add(1);
      if (index >= count) return;
      try {
        RunResult result = job(index);
        std::lock_guard lock(mutex);
        if (!stop.load()) done(index, std::move(result));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        stop.store(true);
        return;
      }
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

void run_ensemble(const Scenario& scenario, const EnsembleOptions& options,
                  const std::function<void(std::size_t, RunResult&&)>& sink,
                  const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t total = options.seeds.size();
  std::map<std::size_t, RunResult> finished;  // out-of-order results waiting for their turn
  std::size_t next_to_write = 0;
  std::size_t completed = 0;
  std::vector<std::uint8_t> reused(total, 0);  // not vector<bool>: threads write different elements
  // Threads beyond one per run go to the runs' per-firm loops (a single run on two cores uses both).
  RunOptions run = options.run;
  run.threads = std::max(1U, static_cast<unsigned>(options.threads / std::max<std::size_t>(total, 1)));
  run_parallel(
      total, options.threads,
      [&](std::size_t i) {
        if (options.stored) {
          if (auto r = options.stored(i)) {
            reused[i] = 1;
            return std::move(*r);
          }
        }
        return simulate(scenario, options.seeds[i], run);
      },
      [&](std::size_t index, RunResult&& result) {
        if (options.finished && !reused[index]) options.finished(index, result);
        finished.emplace(index, std::move(result));
        // Whoever completes a run writes every run that is now next in order.
        while (!finished.empty() && finished.begin()->first == next_to_write) {
          sink(next_to_write, std::move(finished.begin()->second));
          finished.erase(finished.begin());
          ++next_to_write;
        }
        ++completed;
        if (progress) progress(completed, total);
      });
  if (next_to_write < total) {
    throw Interrupted("interrupted after " + std::to_string(next_to_write) + " of " + std::to_string(total) + " runs",
                      "Run the command again to get every run.", interrupt_signal());
  }
}

}  // namespace rf
