#include "models/live_slots.hpp"

#include <algorithm>

namespace rf {

void LiveSlots::build(const std::vector<std::uint8_t>& alive) {
  const std::size_t blocks = (alive.size() + kBlock - 1) / kBlock;
  before_.resize(blocks);
  std::uint32_t living = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    before_[b] = living;
    const std::size_t end = std::min(alive.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i) living += alive[i] != 0 ? 1U : 0U;
  }
  count_ = living;
}

std::uint32_t LiveSlots::slot(std::uint32_t k, const std::vector<std::uint8_t>& alive) const {
  if (count_ == alive.size()) return k;  // no slot is vacant
  // The last block with fewer than k + 1 living slots before it holds rank k.
  const auto block = static_cast<std::size_t>(std::upper_bound(before_.begin(), before_.end(), k) - before_.begin()) - 1;
  std::uint32_t rank = before_[block];
  for (std::size_t i = block * kBlock;; ++i) {
    if (alive[i] == 0) continue;
    if (rank == k) return static_cast<std::uint32_t>(i);
    ++rank;
  }
}

}  // namespace rf
