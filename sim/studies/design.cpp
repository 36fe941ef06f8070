#include "sim/studies/design.hpp"

#include <numeric>

#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/sweep_spec.hpp"

namespace rf {

namespace {

enum DesignStream : std::uint32_t { kLatinPermutation = 0, kLatinJitter = 1, kRandom = 2, kMorris = 3 };

DesignMatrix empty(std::size_t n, std::size_t k) {
  DesignMatrix d;
  d.points = n;
  d.dims = k;
  d.unit.assign(n * k, 0.0);
  d.block.assign(n, 0);
  d.changed.assign(n, -1);
  return d;
}

}  // namespace

DesignMatrix latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed, std::uint32_t stream) {
  DesignMatrix d = empty(n, k);
  std::vector<std::uint32_t> order(n);
  for (std::size_t j = 0; j < k; ++j) {
    // Column j of matrix `stream`: a random permutation of the strata, jittered inside each.
    const auto id = static_cast<std::uint32_t>(j);
    Stream perm(seed, Entity::Design, id, kLatinPermutation, stream);
    Stream jitter(seed, Entity::Design, id, kLatinJitter, stream);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[perm.below(static_cast<std::uint32_t>(i))]);
    for (std::size_t i = 0; i < n; ++i) {
      d.unit[i * k + j] = (static_cast<double>(order[i]) + jitter.uniform()) / static_cast<double>(n);
    }
  }
  return d;
}

DesignMatrix random_design(std::size_t n, std::size_t k, std::uint64_t seed) {
  DesignMatrix d = empty(n, k);
  for (std::size_t i = 0; i < n; ++i) {
    Stream s(seed, Entity::Design, static_cast<std::uint32_t>(i), kRandom, 0);
    for (std::size_t j = 0; j < k; ++j) d.unit[i * k + j] = s.uniform();
  }
  return d;
}

DesignMatrix saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed) {
  const DesignMatrix a = latin_hypercube(n, k, seed, 0);
  const DesignMatrix b = latin_hypercube(n, k, seed, 1);
  DesignMatrix d = empty(n * (k + 2), k);
  for (std::size_t blk = 0; blk < k + 2; ++blk) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t row = blk * n + i;
      d.block[row] = static_cast<std::int64_t>(blk);
      for (std::size_t j = 0; j < k; ++j) {
        const bool from_b = blk == 1 || (blk >= 2 && j == blk - 2);
        d.unit[row * k + j] = from_b ? b.at(i, j) : a.at(i, j);
      }
      if (blk >= 2) d.changed[row] = static_cast<std::int64_t>(blk - 2);
    }
  }
  return d;
}

double morris_delta(int levels) {
  return static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
}

DesignMatrix morris_design(std::size_t r, std::size_t k, int levels, std::uint64_t seed) {
  DesignMatrix d = empty(r * (k + 1), k);
  const int jump = levels / 2;  // the step in level indices
  const double top = static_cast<double>(levels - 1);
  std::vector<int> level(k);
  std::vector<std::uint32_t> order(k);
  for (std::size_t t = 0; t < r; ++t) {
    Stream s(seed, Entity::Design, static_cast<std::uint32_t>(t), kMorris, 0);
    for (auto& l : level) l = static_cast<int>(s.below(static_cast<std::uint32_t>(levels)));
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = k; i > 1; --i) std::swap(order[i - 1], order[s.below(static_cast<std::uint32_t>(i))]);
    for (std::size_t step = 0; step <= k; ++step) {
      const std::size_t row = t * (k + 1) + step;
      if (step > 0) {
        const auto j = order[step - 1];
        level[j] += level[j] + jump <= levels - 1 ? jump : -jump;
        d.changed[row] = static_cast<std::int64_t>(j);
      }
      d.block[row] = static_cast<std::int64_t>(t);
      for (std::size_t j = 0; j < k; ++j) d.unit[row * k + j] = static_cast<double>(level[j]) / top;
    }
  }
  return d;
}

DesignMatrix grid_design(const std::vector<std::size_t>& levels, const std::vector<bool>& mid) {
  const std::size_t k = levels.size();
  std::size_t n = 1;
  for (auto l : levels) {
    if (l > 0 && n > 10'000'000 / l) throw UsageError("the grid has more than ten million points", "Use fewer levels.");
    n *= l;
  }
  DesignMatrix d = empty(n, k);
  for (std::size_t i = 0; i < n; ++i) {
    // The last parameter varies fastest.
    std::size_t rest = i;
    for (std::size_t j = k; j-- > 0;) {
      const std::size_t idx = rest % levels[j];
      rest /= levels[j];
      const auto L = static_cast<double>(levels[j]);
      d.unit[i * k + j] = mid[j]           ? (static_cast<double>(idx) + 0.5) / L
                          : levels[j] == 1 ? 0.5
                                           : static_cast<double>(idx) / (L - 1.0);
    }
  }
  return d;
}

DesignMatrix make_design(const SweepSpec& spec) {
  const std::size_t k = spec.parameters.size();
  switch (spec.design) {
    case Design::Grid: {
      std::vector<std::size_t> levels;
      std::vector<bool> mid;
      for (const auto& p : spec.parameters) {
        const bool values = p.law == SweepParameter::Law::Values;
        levels.push_back(values ? p.values.size() : static_cast<std::size_t>(p.levels));
        mid.push_back(values);
      }
      return grid_design(levels, mid);
    }
    case Design::Random:
      return random_design(spec.points, k, spec.seed);
    case Design::Latin:
      return latin_hypercube(spec.points, k, spec.seed);
    case Design::Saltelli:
      return saltelli_design(spec.points, k, spec.seed);
    case Design::Morris:
      return morris_design(spec.trajectories, k, spec.morris_levels, spec.seed);
  }
  return {};
}

}  // namespace rf
