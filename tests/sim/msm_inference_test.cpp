// Method of simulated moments inference on a model with known answers: x ~ Normal(mu, sigma),
// moments E x, E x^2, E x^3 (three moments, two parameters). Repeated synthetic calibrations
// check that 90 % intervals cover near 90 % of the time, that the J test rejects a misspecified
// model, and that a parameter the moments do not see is named as not identified.
#include "sim/studies/msm_inference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/base/rng.hpp"

namespace rf {

namespace {

constexpr std::size_t kDraws = 1000;  // observations in the data and in each replication

/// Standard normal draws of replication `r` (or of the data, r = 1000 + repetition).
std::vector<double> normals(std::uint64_t seed, std::size_t r) {
  Stream s(seed, Entity::Graph, static_cast<std::uint32_t>(r), 0, 0);
  std::vector<double> z(kDraws);
  for (auto& v : z) v = s.normal();
  return z;
}

Eigen::VectorXd moments(const std::vector<double>& x) {
  Eigen::VectorXd m = Eigen::VectorXd::Zero(3);
  for (double v : x) m += Eigen::Vector3d(v, v * v, v * v * v);
  return m / static_cast<double>(x.size());
}

/// The model's moments at (mu, sigma) from the replication's fixed draws (common random numbers).
MsmProblem normal_model(std::uint64_t seed, const std::vector<double>& data) {
  MsmProblem p;
  p.simulate = [seed](const Eigen::VectorXd& theta, std::size_t r) {
    auto x = normals(seed, r);
    for (auto& v : x) v = theta(0) + theta(1) * v;
    return moments(x);
  };
  p.data = moments(data);
  // Sampling covariance of the data's moments, estimated from the data (as one would).
  Eigen::MatrixXd obs(3, static_cast<Eigen::Index>(data.size()));
  for (std::size_t i = 0; i < data.size(); ++i) {
    const double v = data[i];
    obs.col(static_cast<Eigen::Index>(i)) = Eigen::Vector3d(v, v * v, v * v * v);
  }
  const Eigen::MatrixXd c = obs.colwise() - obs.rowwise().mean();
  p.data_covariance = c * c.transpose() / static_cast<double>(data.size() - 1) / static_cast<double>(data.size());
  return p;
}

}  // namespace

TEST(MsmInference, NinetyPercentIntervalsCoverTheTruthNearNinetyPercentOfTheTime) {
  const double mu = 1.0, sigma = 2.0;
  int covered_mu = 0, covered_sigma = 0;
  const int repetitions = 40;
  for (int rep = 0; rep < repetitions; ++rep) {
    auto data = normals(77, 1000 + static_cast<std::size_t>(rep));
    for (auto& v : data) v = mu + sigma * v;
    const MsmProblem p = normal_model(static_cast<std::uint64_t>(rep) + 1, data);
    const Eigen::Vector2d step(1e-4, 1e-4);
    const Eigen::VectorXd theta = msm_gauss_newton(p, Eigen::Vector2d(0.5, 1.5), 10, step);
    const MsmInference inf = msm_inference(p, theta, 10, step);
    covered_mu += std::abs(theta(0) - mu) <= 1.645 * inf.standard_errors(0) ? 1 : 0;
    covered_sigma += std::abs(theta(1) - sigma) <= 1.645 * inf.standard_errors(1) ? 1 : 0;
    EXPECT_EQ(inf.rank, 2);
    EXPECT_EQ(inf.j_degrees, 1);
  }
  // 80-97 % of 40 repetitions, the band: 32 to 39 intervals (binomial(40, 0.9) puts 97 % of its mass there).
  EXPECT_GE(covered_mu, 32);
  EXPECT_LE(covered_mu, 39);
  EXPECT_GE(covered_sigma, 32);
  EXPECT_LE(covered_sigma, 39);
}

TEST(MsmInference, TheJTestRejectsAModelThatCannotFitTheThirdMoment) {
  // Data from a skewed law (exponential with mean 2, shifted by -1): no normal has its E x^3.
  Stream s(91, Entity::Graph, 0, 0, 0);
  std::vector<double> data(kDraws);
  for (auto& v : data) v = -2.0 * std::log(1.0 - s.uniform()) - 1.0;
  const MsmProblem p = normal_model(5, data);
  const Eigen::Vector2d step(1e-4, 1e-4);
  const Eigen::VectorXd theta = msm_gauss_newton(p, Eigen::Vector2d(1.0, 2.0), 10, step);
  const MsmInference inf = msm_inference(p, theta, 10, step);
  EXPECT_LT(inf.j_p_value, 0.01) << "J = " << inf.j_statistic;
  // The well-specified model on normal data does not reject.
  auto normal_data = normals(91, 2000);
  for (auto& v : normal_data) v = 1.0 + 2.0 * v;
  const MsmProblem q = normal_model(5, normal_data);
  const MsmInference ok = msm_inference(q, msm_gauss_newton(q, Eigen::Vector2d(0.5, 1.5), 10, step), 10, step);
  EXPECT_GT(ok.j_p_value, 0.01) << "J = " << ok.j_statistic;
}

TEST(MsmInference, AParameterTheMomentsDoNotSeeIsNamed) {
  auto data = normals(3, 1000);
  for (auto& v : data) v = 1.0 + 2.0 * v;
  MsmProblem p = normal_model(3, data);
  const auto inner = p.simulate;
  // A third parameter that changes nothing.
  p.simulate = [inner](const Eigen::VectorXd& theta, std::size_t r) { return inner(theta.head(2), r); };
  const MsmInference inf = msm_inference(p, Eigen::Vector3d(1.0, 2.0, 0.3), 5, Eigen::Vector3d(1e-4, 1e-4, 1e-4));
  EXPECT_EQ(inf.rank, 2);
  ASSERT_EQ(inf.weakly_identified.size(), 1u);
  EXPECT_EQ(inf.weakly_identified[0], 2u);
  EXPECT_THROW(msm_inference(p, Eigen::Vector3d(1.0, 2.0, 0.3), 1, Eigen::Vector3d(1e-4, 1e-4, 1e-4)), std::invalid_argument);
}

}  // namespace rf
