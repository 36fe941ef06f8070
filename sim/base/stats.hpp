// Small-sample statistics for comparing ensembles of runs (no single-run comparisons).
#pragma once
#include <span>

namespace rf::stats {

double mean(std::span<const double> x);
double sample_sd(std::span<const double> x);  // n - 1 denominator; 0 for n < 2
/// Median (the mean of the two middle values for an even count); 0 for an empty sample.
double median(std::span<const double> x);

/// Regularised incomplete beta I_x(a, b) (continued fraction, Lentz's method).
double incomplete_beta(double a, double b, double x);
/// Student t with `df` degrees of freedom: P(T <= t).
double t_cdf(double t, double df);
/// Quantile of Student t (bisection on t_cdf).
double t_quantile(double p, double df);
/// Standard normal P(Z <= z).
double normal_cdf(double z);

struct Interval {
  double mean = 0, low = 0, high = 0;
};
/// Mean with a two-sided 95 % t interval.
Interval mean_ci95(std::span<const double> x);

struct Comparison {
  double difference = 0;               // mean(b) - mean(a)
  double diff_low = 0, diff_high = 0;  // Welch 95 % interval of the difference
  double cohens_d = 0;                 // difference over the pooled sd (NaN if both samples are constant)
  double welch_p = 1;                  // two-sided Welch t test
  double mann_whitney_p = 1;           // two-sided rank test (normal approximation, tie-corrected)
};
Comparison compare(std::span<const double> a, std::span<const double> b);

}  // namespace rf::stats
