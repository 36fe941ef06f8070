// Counter-based random numbers (Philox4x32-10, Salmon et al. 2011).
// A stream is keyed by (run seed) and addressed by (entity kind, stable entity id, decision, month):
// the draws an agent gets never depend on how many other agents exist, on the order agents are
// processed in, or on the thread or rank that runs them.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

namespace rf {

namespace philox_detail {
inline void mulhilo(std::uint32_t a, std::uint32_t b, std::uint32_t& hi, std::uint32_t& lo) {
  const std::uint64_t p = static_cast<std::uint64_t>(a) * b;
  hi = static_cast<std::uint32_t>(p >> 32);
  lo = static_cast<std::uint32_t>(p);
}
}  // namespace philox_detail

using Counter4 = std::array<std::uint32_t, 4>;

/// Philox4x32 with 10 rounds: a bijection of the counter under the key.
inline Counter4 philox4x32(Counter4 c, std::uint64_t key) {
  constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
  constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
  auto k0 = static_cast<std::uint32_t>(key);
  auto k1 = static_cast<std::uint32_t>(key >> 32);
  for (int round = 0; round < 10; ++round) {
    std::uint32_t hi0, lo0, hi1, lo1;
    philox_detail::mulhilo(kM0, c[0], hi0, lo0);
    philox_detail::mulhilo(kM1, c[2], hi1, lo1);
    c = {hi1 ^ c[1] ^ k0, lo1, hi0 ^ c[3] ^ k1, lo0};
    k0 += kW0;
    k1 += kW1;
  }
  return c;
}

/// SplitMix64 finaliser: derives well-mixed seeds (run seeds from a base seed and run index).
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// Seed of run `index` of a command with base seed `base`.
inline std::uint64_t run_seed(std::uint64_t base, std::uint64_t index) {
  return mix64(base ^ mix64(index + 0x5EEDull));
}

/// Who a stream belongs to. Values are part of the output's reproducibility contract.
enum class Entity : std::uint32_t { Firm = 1, Region = 2, University = 3, Fund = 4, Graph = 6, Design = 7, Bootstrap = 8 };

/// A short sequence of draws for one (entity, id, decision, month).
class Stream {
 public:
  Stream(std::uint64_t run_seed, Entity entity, std::uint32_t id, std::uint32_t decision, std::uint32_t month)
      : key_(run_seed),
        base_{id, (static_cast<std::uint32_t>(entity) << 28) | ((decision & 0xFFu) << 20) | (month & 0xFFFFFu), 0u, 0u} {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  /// Uniform on [0, 1) with 53 random bits.
  double uniform() {
    const std::uint64_t a = next_u32() >> 5;  // 27 bits
    const std::uint64_t b = next_u32() >> 6;  // 26 bits
    return static_cast<double>((a << 26) | b) * (1.0 / 9007199254740992.0);
  }

  /// Uniform on (0, 1], safe for logarithms.
  double uniform_pos() { return 1.0 - uniform(); }

  bool bernoulli(double p) { return uniform() < p; }

  /// Uniform integer on [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-32 for our n).
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32); }

  double normal() {  // Box-Muller, one value per call so the sequence never depends on caching
    const Polar p = polar();
    return p.radius * std::cos(p.angle);
  }

  /// Both Box-Muller values of one pair of uniforms; the first equals what normal() returns.
  std::pair<double, double> normal_pair() {
    const Polar p = polar();
    return {p.radius * std::cos(p.angle), p.radius * std::sin(p.angle)};
  }

  double exponential(double mean) { return -mean * std::log(uniform_pos()); }

  /// Poisson by inversion for small means, rounded normal approximation above 30.
  std::uint32_t poisson(double mean) {
    if (mean <= 0.0) return 0;
    if (mean > 30.0) {
      const double x = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
      return x < 0.0 ? 0u : static_cast<std::uint32_t>(x);
    }
    const double u = uniform();
    // e^-mean >= 1 - mean, and exp is within an ulp: a draw below 1 - mean by more than the 1e-12
    // margin is at most exp(-mean) as computed, so the count is 0 and the exp is not needed (most
    // firms' monthly means are small). Same result, bit for bit, as the full inversion below.
    if (u <= 1.0 - mean - 1e-12) return 0;
    double p = std::exp(-mean);
    double cdf = p;
    std::uint32_t k = 0;
    while (u > cdf && k < 1000) {
      ++k;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

 private:
  struct Polar {
    double radius, angle;
  };
  /// The Box-Muller radius and angle of the next two uniforms.
  Polar polar() {
    const double u1 = uniform_pos();
    const double u2 = uniform();
    return {std::sqrt(-2.0 * std::log(u1)), 6.283185307179586 * u2};
  }

  void refill() {
    Counter4 c = base_;
    c[2] = block_index_++;
    block_ = philox4x32(c, key_);
    used_ = 0;
  }

  std::uint64_t key_;
  Counter4 base_;
  Counter4 block_{};
  std::uint32_t block_index_ = 0;
  int used_ = 4;
};

}  // namespace rf
