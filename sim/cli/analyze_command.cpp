// `rainforest analyze`: prints the sensitivity table of one outcome of a sweep (also stored in the file).
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sim/studies/analyze.hpp"

namespace rf::cli {

int analyze(const AnalyzeOptions& o) {
  const SensitivityTable t = analyze_sweep(o);
  if (!t.warning.empty()) std::fprintf(stderr, "rainforest: warning: %s\n", t.warning.c_str());
  if (o.quiet) return 0;
  std::printf("%s: %s of '%s' over %zu points (%zu runs); outcome mean %.4g, variance %.4g\n", o.file.c_str(),
              t.method == "sobol"    ? "Sobol indices"
              : t.method == "morris" ? "Morris elementary effects"
                                     : "Spearman rank correlations",
              t.outcome.c_str(), t.points, t.runs, t.mean, t.variance);
  if (t.method != "spearman") std::printf("95%% bootstrap intervals from %zu resamples\n", o.bootstrap);
  std::printf("%-46s", "parameter");
  if (t.method == "sobol") {
    std::printf(" %-26s %-26s\n", "first order S1 [95%]", "total ST [95%]");
  } else if (t.method == "morris") {
    std::printf(" %-30s %12s %12s\n", "mu* [95%]", "mu", "sigma");
  } else {
    std::printf(" %12s\n", "rho");
  }
  for (const auto& r : t.rows) {
    std::printf("%-46s", r.parameter.c_str());
    const auto& v = r.values;
    if (t.method == "sobol") {
      std::printf(" %7.3f [%6.3f, %6.3f]    %7.3f [%6.3f, %6.3f]\n", v[0], v[1], v[2], v[3], v[4], v[5]);
    } else if (t.method == "morris") {
      std::printf(" %10.4g [%8.4g, %8.4g] %12.4g %12.4g\n", v[0], v[1], v[2], v[3], v[4]);
    } else {
      std::printf(" %12.3f\n", v[0]);
    }
  }
  std::printf("stored in %s:%s/%s\n", o.file.c_str(), t.group.c_str(), t.method.c_str());
  return 0;
}

}  // namespace rf::cli
