#include "sim/cli/common_options.hpp"

#include <algorithm>
#include <thread>

namespace rf::cli {

unsigned default_threads() {
  return std::max(1u, std::thread::hardware_concurrency());
}

CLI::Option* add_threads(CLI::App& app, unsigned& threads, const std::string& help) {
  threads = 0;
  // A subcommand has one parse-complete callback; --threads is the only option that takes it.
  app.parse_complete_callback([&threads] {
    if (threads == 0) threads = default_threads();
  });
  return app.add_option("--threads,-t", threads, help);
}

CLI::Option* add_out(CLI::App& app, std::string& out, const std::string& help) {
  return app.add_option("--out,-o", out, help);
}

CLI::Option* add_force(CLI::App& app, bool& force, const std::string& help) {
  return app.add_flag("--force", force, help);
}

CLI::Option* add_resume(CLI::App& app, bool& resume, const std::string& help) {
  return app.add_flag("--resume", resume, help);
}

CLI::Option* add_quiet(CLI::App& app, bool& quiet, const std::string& help) {
  return app.add_flag("--quiet,-q", quiet, help);
}

CLI::Option* add_seed(CLI::App& app, std::uint64_t& seed, const std::string& help) {
  return app.add_option("--seed,-s", seed, help);
}

CLI::Option* add_runs(CLI::App& app, std::size_t& runs, const std::string& help) {
  return app.add_option("--runs,-n", runs, help);
}

CLI::Option* add_set(CLI::App& app, std::vector<std::string>& overrides, const std::string& help) {
  return app.add_option("--set", overrides, help);
}

}  // namespace rf::cli
