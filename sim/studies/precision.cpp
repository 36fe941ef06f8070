#include "sim/studies/precision.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "sim/base/errors.hpp"
#include "sim/base/paired_stats.hpp"
#include "sim/base/stats.hpp"

namespace rf {

std::size_t PrecisionRule::looks() const {
  if (max_runs <= pilot) return 1;
  return 1 + (max_runs - pilot + batch - 1) / batch;
}

double PrecisionRule::sign_alpha() const {
  return alpha / static_cast<double>(looks());
}

void PrecisionRule::check() const {
  if (!(relative_half_width > 0.0)) {
    throw UsageError("--precision must be above 0", "Give the half-width as a share of the first scenario's mean, e.g. 0.05.");
  }
  if (pilot < 2) throw UsageError("--runs (the pilot of --precision) must be at least 2", "Use --runs 20 or so.");
  if (batch < 1) throw UsageError("--batch must be at least 1", "Use --batch 20 or so.");
  if (max_runs < pilot) {
    throw UsageError("--max-runs (" + std::to_string(max_runs) + ") is below the pilot --runs (" + std::to_string(pilot) + ")",
                     "Raise --max-runs or lower --runs.");
  }
  if (max_seconds < 0.0) throw UsageError("--max-seconds must not be negative", "Use 0 for no time budget.");
}

std::string PrecisionRule::text(const std::string& reference_scenario, bool paired) const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "runs added until each headline outcome's 95 %% interval of the %s difference has a half-width at most "
                "%.3g of %s's mean, or its %.4g %% interval (Bonferroni over %zu looks) excludes 0; pilot %zu, batches of "
                "%zu, at most %zu runs",
                paired ? "paired" : "Welch", relative_half_width, reference_scenario.c_str(), 100.0 * (1.0 - sign_alpha()),
                looks(), pilot, batch, max_runs);
  std::string out = buf;
  if (max_seconds > 0.0) out += " or " + std::to_string(static_cast<long long>(std::ceil(max_seconds))) + " s";
  return out;
}

double Resolution::runs_needed() const {
  return std::min(runs_for_width, runs_for_sign);
}

namespace {

/// n with sd / sqrt(n) * z = scale, i.e. (z sd / scale)^2, and at least the 2 runs an interval
/// needs; 0 without noise, infinite without scale.
double runs_for(double z, double sd, double scale) {
  if (sd <= 0.0) return 0.0;
  if (scale <= 0.0) return std::numeric_limits<double>::infinity();
  const double root = z * sd / scale;
  return std::max(2.0, root * root);
}

}  // namespace

Resolution assess(std::span<const double> a, std::span<const double> b, bool paired, const PrecisionRule& rule) {
  Resolution r;
  const auto n = static_cast<double>(a.size());
  double df = n - 1.0;
  if (paired) {
    const auto c = stats::compare_paired(a, b);
    r.difference = c.difference;
    r.sd_per_run = c.sd_difference;
  } else {
    const double sa = stats::sample_sd(a), sb = stats::sample_sd(b);
    r.difference = stats::mean(b) - stats::mean(a);
    r.sd_per_run = std::sqrt(sa * sa + sb * sb);
    const double va = sa * sa / n, vb = sb * sb / n;
    if (va + vb > 0.0) df = (va + vb) * (va + vb) / ((va * va + vb * vb) / (n - 1.0));  // Welch-Satterthwaite
  }
  const double se = r.sd_per_run / std::sqrt(n);
  r.half_width = se > 0.0 ? stats::student_t_quantile(0.975, df) * se : 0.0;
  const double reference = stats::mean(a) != 0.0 ? std::abs(stats::mean(a)) : std::abs(stats::mean(b));
  r.target_half_width = rule.relative_half_width * reference;
  r.width_resolved = r.half_width <= r.target_half_width;
  const double sign_alpha = rule.sign_alpha();
  r.sign_resolved =
      se > 0.0 ? std::abs(r.difference) > stats::student_t_quantile(1.0 - sign_alpha / 2.0, df) * se : r.difference != 0.0;
  r.runs_for_width = runs_for(stats::normal_quantile(0.975), r.sd_per_run, r.target_half_width);
  r.runs_for_sign = runs_for(stats::normal_quantile(1.0 - sign_alpha / 2.0) + stats::normal_quantile(rule.power), r.sd_per_run,
                             std::abs(r.difference));
  return r;
}

StopRecord run_until_resolved(const PrecisionRule& rule, const std::function<std::vector<Resolution>(std::size_t)>& extend_to) {
  rule.check();
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  StopRecord s;
  s.runs = rule.pilot;
  auto status = extend_to(s.runs);
  s.looks = 1;
  auto all_resolved = [&] { return std::all_of(status.begin(), status.end(), [](const Resolution& r) { return r.resolved(); }); };
  while (!all_resolved()) {
    if (s.runs >= rule.max_runs) {
      s.reason = "run budget";
      break;
    }
    const std::size_t next = std::min(s.runs + rule.batch, rule.max_runs);
    const double per_run = elapsed() / static_cast<double>(s.runs);
    if (rule.max_seconds > 0.0 && elapsed() + per_run * static_cast<double>(next - s.runs) > rule.max_seconds) {
      s.reason = "time budget";
      break;
    }
    s.runs = next;
    status = extend_to(s.runs);
    ++s.looks;
  }
  if (s.reason.empty()) s.reason = "resolved";
  s.seconds = elapsed();
  return s;
}

}  // namespace rf
