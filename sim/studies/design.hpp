// Experimental designs on the unit cube: full grid, random, Latin hypercube, Saltelli's scheme
// for Sobol indices and Morris trajectories. The sweep maps unit coordinates to parameter values.
#pragma once
#include <cstdint>
#include <vector>

namespace rf {

struct SweepSpec;

struct DesignMatrix {
  std::size_t points = 0, dims = 0;
  std::vector<double> unit;  // [point][dim], each in [0, 1]
  // Saltelli: 0 for matrix A, 1 for B, 2 + i for A with column i from B; Morris: trajectory.
  std::vector<std::int64_t> block;
  // Morris: the parameter changed since the previous point of the trajectory (-1 at its start).
  std::vector<std::int64_t> changed;
  [[nodiscard]] double at(std::size_t point, std::size_t dim) const { return unit[point * dims + dim]; }
};

/// N points of a Latin hypercube in k dimensions: each column has one point per stratum.
DesignMatrix latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed, std::uint32_t stream = 0);
/// N independent uniform points.
DesignMatrix random_design(std::size_t n, std::size_t k, std::uint64_t seed);
/// Saltelli (2010): A and B (independent Latin hypercubes of N points), then A_B^(i) for each
/// dimension i; N (k + 2) points in blocks of N.
DesignMatrix saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed);
/// r Morris trajectories of k + 1 points on a grid of `levels` levels, step levels/(2(levels-1)).
DesignMatrix morris_design(std::size_t r, std::size_t k, int levels, std::uint64_t seed);
/// Cartesian product; levels[i] values in dimension i (at i/(n-1), or mid-cells if `mid[i]`).
DesignMatrix grid_design(const std::vector<std::size_t>& levels, const std::vector<bool>& mid);

/// The design a sweep file asks for.
DesignMatrix make_design(const SweepSpec& spec);

/// Morris step in unit coordinates.
double morris_delta(int levels);

}  // namespace rf
