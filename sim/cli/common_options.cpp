#include "sim/cli/common_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <thread>

namespace rf::cli {

CLI::Validator count_rule(std::uint64_t min, std::uint64_t max) {
  const std::string rule = count_rule_text(min, max);
  return {[min, max, rule](std::string& text) -> std::string {
            return parse_count(text, min, max) ? std::string() : "must be " + rule + ", got '" + text + "'";
          },
          rule, "count"};
}

CLI::Validator size_rule(double min, double max) {
  const auto text_of = [](double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  };
  const std::string rule = "a number from " + text_of(min) + " to " + text_of(max);
  return {[min, max, rule](std::string& text) -> std::string {
            double v = 0.0;
            const char* end = text.data() + text.size();
            const auto parsed = std::from_chars(text.data(), end, v);
            const bool ok = parsed.ec == std::errc() && parsed.ptr == end && std::isfinite(v) && v >= min && v <= max;
            return ok ? std::string() : "must be " + rule + ", got '" + text + "'";
          },
          rule, "size"};
}

unsigned default_threads() {
  return std::max(1u, std::thread::hardware_concurrency());
}

CLI::Option* add_threads(CLI::App& app, unsigned& threads, const std::string& help) {
  threads = 0;
  // A subcommand has one parse-complete callback; --threads is the only option that takes it.
  app.parse_complete_callback([&threads] {
    if (threads == 0) threads = default_threads();
  });
  return add_count(app, "--threads,-t", threads, 0, kMaxThreads, help);
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
  return add_count(app, "--seed,-s", seed, 0, kMaxSeed, help);
}

CLI::Option* add_runs(CLI::App& app, std::size_t& runs, const std::string& help, std::uint64_t min) {
  return add_count(app, "--runs,-n", runs, min, kMaxRuns, help);
}

CLI::Option* add_set(CLI::App& app, std::vector<std::string>& overrides, const std::string& help) {
  return app.add_option("--set", overrides, help)->allow_extra_args(false);
}

}  // namespace rf::cli
