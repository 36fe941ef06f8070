#include "sim/ensemble.hpp"

#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace rf {

void run_ensemble(const Scenario& scenario, const EnsembleOptions& options,
                  const std::function<void(std::size_t, RunResult&&)>& sink,
                  const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t total = options.seeds.size();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::map<std::size_t, RunResult> finished;  // out-of-order results waiting for their turn
  std::size_t next_to_write = 0;
  std::size_t done = 0;
  std::exception_ptr error;

  auto worker = [&] {
    while (!stop.load()) {
      const std::size_t index = next.fetch_add(1);
      if (index >= total) return;
      try {
        RunResult result = simulate(scenario, options.seeds[index], options.run);
        std::lock_guard lock(mutex);
        finished.emplace(index, std::move(result));
        // Whoever holds the lock writes every run that is now next in order.
        while (!finished.empty() && finished.begin()->first == next_to_write) {
          sink(next_to_write, std::move(finished.begin()->second));
          finished.erase(finished.begin());
          ++next_to_write;
        }
        ++done;
        if (progress) progress(done, total);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        stop.store(true);
        return;
      }
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(total)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace rf
