#include "sim/studies/msm_inference.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rf {

namespace {

void check(const MsmProblem& p, const Eigen::VectorXd& theta, std::size_t replications, const Eigen::VectorXd& step) {
  const auto m = p.data.size();
  if (p.data_covariance.rows() != m || p.data_covariance.cols() != m)
    throw std::invalid_argument("msm: data_covariance must be m x m for m target moments");
  if (step.size() != theta.size()) throw std::invalid_argument("msm: step needs one entry per parameter");
  if ((step.array() <= 0.0).any()) throw std::invalid_argument("msm: every step must be positive");
  if (replications < 2) throw std::invalid_argument("msm: at least 2 replications are needed for the simulation covariance");
  if (m < theta.size()) throw std::invalid_argument("msm: fewer moments than parameters: the parameters are not identified");
}

struct Simulated {
  Eigen::VectorXd mean;
  Eigen::MatrixXd covariance;  // of one replication's moments
};

Simulated simulate_at(const MsmProblem& p, const Eigen::VectorXd& theta, std::size_t replications) {
  const auto m = p.data.size();
  Eigen::MatrixXd draws(m, static_cast<Eigen::Index>(replications));
  for (std::size_t r = 0; r < replications; ++r) {
    const Eigen::VectorXd v = p.simulate(theta, r);
    if (v.size() != m) throw std::invalid_argument("msm: simulate returned the wrong number of moments");
    draws.col(static_cast<Eigen::Index>(r)) = v;
  }
  Simulated s;
  s.mean = draws.rowwise().mean();
  const Eigen::MatrixXd centred = draws.colwise() - s.mean;
  s.covariance = centred * centred.transpose() / static_cast<double>(replications - 1);
  return s;
}

Eigen::MatrixXd jacobian_at(const MsmProblem& p, const Eigen::VectorXd& theta, std::size_t replications,
                            const Eigen::VectorXd& step) {
  Eigen::MatrixXd g(p.data.size(), theta.size());
  for (Eigen::Index j = 0; j < theta.size(); ++j) {
    Eigen::VectorXd up = theta, down = theta;
    up(j) += step(j);
    down(j) -= step(j);
    g.col(j) = (simulate_at(p, up, replications).mean - simulate_at(p, down, replications).mean) / (2.0 * step(j));
  }
  return g;
}

}  // namespace

MsmInference msm_inference(const MsmProblem& p, const Eigen::VectorXd& theta, std::size_t replications,
                           const Eigen::VectorXd& step) {
  check(p, theta, replications, step);
  MsmInference out;
  out.theta = theta;
  const Simulated s = simulate_at(p, theta, replications);
  out.simulated = s.mean;
  out.jacobian = jacobian_at(p, theta, replications, step);
  // The gap data - mean of R simulations has the data's sampling variance plus the simulation's
  // divided by R (for R replications each the size of the data, the familiar factor 1 + 1/R).
  out.moment_covariance = p.data_covariance + s.covariance / static_cast<double>(replications);
  out.weight = out.moment_covariance.ldlt().solve(Eigen::MatrixXd::Identity(p.data.size(), p.data.size()));
  const Eigen::MatrixXd& g = out.jacobian;
  const Eigen::MatrixXd information = g.transpose() * out.weight * g;
  out.covariance = information.ldlt().solve(Eigen::MatrixXd::Identity(theta.size(), theta.size()));
  out.standard_errors = out.covariance.diagonal().cwiseMax(0.0).cwiseSqrt();
  const Eigen::VectorXd gap = p.data - s.mean;
  out.j_statistic = gap.dot(out.weight * gap);
  out.j_degrees = p.data.size() - theta.size();
  out.j_p_value = out.j_degrees > 0 ? boost::math::cdf(boost::math::complement(
                                          boost::math::chi_squared(static_cast<double>(out.j_degrees)), out.j_statistic))
                                    : std::numeric_limits<double>::quiet_NaN();
  // Identification: the singular values of W^(1/2) G (the scaled Jacobian); a parameter that
  // loads on a direction with a tiny singular value moves the moments too little to be pinned.
  const Eigen::LLT<Eigen::MatrixXd> root(out.weight);
  const Eigen::MatrixXd scaled = Eigen::MatrixXd(root.matrixU()) * g;
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(scaled, Eigen::ComputeFullV);
  const Eigen::VectorXd& sv = svd.singularValues();
  const double largest = sv.size() > 0 ? sv(0) : 0.0;
  const double threshold = 1e-8 * largest;
  out.rank = (sv.array() > threshold).count();
  out.condition_number = sv(sv.size() - 1) > 0.0 ? largest / sv(sv.size() - 1) : std::numeric_limits<double>::infinity();
  for (Eigen::Index d = 0; d < sv.size(); ++d) {
    if (sv(d) > threshold) continue;
    for (Eigen::Index j = 0; j < theta.size(); ++j) {
      const auto jj = static_cast<std::size_t>(j);
      const bool listed =
          std::find(out.weakly_identified.begin(), out.weakly_identified.end(), jj) != out.weakly_identified.end();
      if (std::abs(svd.matrixV()(j, d)) > 0.1 && !listed) out.weakly_identified.push_back(jj);
    }
  }
  return out;
}

Eigen::VectorXd msm_gauss_newton(const MsmProblem& p, const Eigen::VectorXd& start, std::size_t replications,
                                 const Eigen::VectorXd& step, std::size_t iterations, double tolerance) {
  check(p, start, replications, step);
  Eigen::VectorXd theta = start;
  for (std::size_t it = 0; it < iterations; ++it) {
    const Simulated s = simulate_at(p, theta, replications);
    const Eigen::MatrixXd g = jacobian_at(p, theta, replications, step);
    const Eigen::MatrixXd v = p.data_covariance + s.covariance / static_cast<double>(replications);
    const Eigen::MatrixXd w = v.ldlt().solve(Eigen::MatrixXd::Identity(p.data.size(), p.data.size()));
    const Eigen::VectorXd delta = (g.transpose() * w * g).ldlt().solve(g.transpose() * w * (p.data - s.mean));
    theta += delta;
    if (delta.norm() < tolerance * (theta.norm() + 1.0)) break;
  }
  return theta;
}

}  // namespace rf
