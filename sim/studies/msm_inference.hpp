// Inference for the method of simulated moments (McFadden 1989; Pakes & Pollard 1989; Gourieroux
// & Monfort 1996, ch. 2): at an estimate theta, the efficient weighting matrix, parameter
// standard errors from the numerical Jacobian (sandwich formula with the simulation-noise term),
// Hansen's J test of the over-identifying restrictions, and an identification check. Linear
// algebra with Eigen; the chi-squared law from Boost.Math.
#pragma once
#include <Eigen/Dense>
#include <cstddef>
#include <functional>
#include <vector>

namespace rf {

/// A moment-matching problem: k parameters, m >= k moments.
struct MsmProblem {
  /// Simulated moments (length m) at parameters theta (length k) in replication r. The same r
  /// must use the same random numbers at every theta (common random numbers), so that the
  /// finite differences of the Jacobian measure the parameters' effect, not noise.
  std::function<Eigen::VectorXd(const Eigen::VectorXd& theta, std::size_t r)> simulate;
  Eigen::VectorXd data;             // target moments, length m
  Eigen::MatrixXd data_covariance;  // m x m sampling covariance of the targets (e.g. diag of squared standard errors)
};

struct MsmInference {
  Eigen::VectorXd theta;                       // the estimate the inference is for
  Eigen::VectorXd simulated;                   // mean of the simulated moments over the replications
  Eigen::MatrixXd jacobian;                    // m x k: d simulated moments / d theta (central differences)
  Eigen::MatrixXd moment_covariance;           // m x m: Var(data - simulated) = data_covariance + simulation covariance / R
  Eigen::MatrixXd weight;                      // m x m: its inverse (efficient weighting)
  Eigen::MatrixXd covariance;                  // k x k: (G' W G)^-1
  Eigen::VectorXd standard_errors;             // k
  double j_statistic = 0.0;                    // (data - simulated)' W (data - simulated)
  std::ptrdiff_t j_degrees = 0;                // m - k
  double j_p_value = 1.0;                      // upper tail of chi-squared(m - k); NaN when m == k
  std::ptrdiff_t rank = 0;                     // numerical rank of W^(1/2) G
  double condition_number = 0.0;               // largest / smallest singular value of W^(1/2) G
  std::vector<std::size_t> weakly_identified;  // parameters loading on singular directions below 1e-8 of the largest
};

/// Inference at `theta` from `replications` (>= 2) simulations per point; `step` (length k) is
/// the half-width of the central differences per parameter. Throws std::invalid_argument for
/// inconsistent sizes, fewer than 2 replications, m < k or a non-positive step.
MsmInference msm_inference(const MsmProblem& problem, const Eigen::VectorXd& theta, std::size_t replications,
                           const Eigen::VectorXd& step);

/// Gauss-Newton iterations of the weighted moment distance from `start` (for smooth simulated
/// moments under common random numbers): theta += (G'WG)^-1 G'W (data - simulated), with W the
/// inverse of data_covariance + simulation covariance / R at the current point, until the step is
/// below `tolerance` times (|theta| + 1) or after `iterations` steps. Returns the last theta.
Eigen::VectorXd msm_gauss_newton(const MsmProblem& problem, const Eigen::VectorXd& start, std::size_t replications,
                                 const Eigen::VectorXd& step, std::size_t iterations = 50, double tolerance = 1e-8);

}  // namespace rf
