// The k-th living firm in slot order, while closed firms' slots are kept between compactions
// (models/census.cpp). A random firm is drawn as a rank among the living, so a draw picks the same
// firm whether or not the closed slots are still there.
#pragma once
#include <cstdint>
#include <vector>

namespace rf {

class LiveSlots {
 public:
  /// Counts the living slots of `alive` per block of kBlock; O(slots), sequential.
  void build(const std::vector<std::uint8_t>& alive);

  [[nodiscard]] std::uint32_t count() const { return count_; }

  /// Slot of the living firm of rank `k` (0-based, k < count()) in slot order; `alive` is the
  /// array build() counted, unchanged since.
  [[nodiscard]] std::uint32_t slot(std::uint32_t k, const std::vector<std::uint8_t>& alive) const;

 private:
  static constexpr std::uint32_t kBlock = 64;
  std::vector<std::uint32_t> before_;  // living slots before each block
  std::uint32_t count_ = 0;
};

}  // namespace rf
