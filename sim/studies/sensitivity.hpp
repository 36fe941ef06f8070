// Global sensitivity estimators: Sobol first-order (Saltelli et al. 2010) and total (Jansen 1999)
// indices from a Saltelli design, with bootstrap intervals; Morris elementary effects.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/studies/design.hpp"

namespace rf {

struct Estimate {
  double value = 0.0, low = 0.0, high = 0.0;  // point estimate and 95 % bootstrap percentile interval
};

struct SobolIndices {
  std::vector<Estimate> first, total;  // per dimension
  double mean = 0.0, variance = 0.0;   // of the outcome over A and B
};

/// `y` holds the outcome at the points of saltelli_design(n, k, ...), in its order.
SobolIndices sobol_indices(const std::vector<double>& y, std::size_t n, std::size_t k, std::size_t bootstrap, std::uint64_t seed);

struct MorrisEffects {
  std::vector<double> mu, mu_star, sigma;  // per dimension, in outcome units per unit of the range
  std::vector<Estimate> mu_star_ci;        // bootstrap over trajectories
  std::size_t trajectories = 0;
};

/// `y` holds the outcome at the points of a morris_design, in its order.
MorrisEffects morris_effects(const DesignMatrix& design, const std::vector<double>& y, std::size_t bootstrap, std::uint64_t seed);

}  // namespace rf
