// A per-firm loop on several threads with results that do not depend on their number: the slots
// are cut into contiguous parts in slot order, each thread does one part, and whatever the parts
// add up is combined by the caller in part order (or is a count, exact in any order). A phase may
// use it only where each firm's work writes that firm's own slots and reads nothing another part
// writes.
#pragma once
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace rf {

/// Calls fn(part, begin, end) for `parts` contiguous ranges covering [0, n), in order, part 0 on
/// the calling thread and the others on threads of their own; returns when all are done. With
/// one part (or few slots) everything runs on the calling thread.
template <class Fn>
void for_slot_parts(std::size_t n, unsigned parts, Fn&& fn) {
  constexpr std::size_t kMinSlotsPerPart = 4096;  // below this a thread costs more than it saves
  parts = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(parts, n / kMinSlotsPerPart)));
  if (parts <= 1) {
    fn(0U, std::size_t{0}, n);
    return;
  }
  std::vector<std::jthread> others;
  others.reserve(parts - 1);
  for (unsigned p = 1; p < parts; ++p) others.emplace_back([&fn, p, n, parts] { fn(p, n * p / parts, n * (p + 1) / parts); });
  fn(0U, std::size_t{0}, n / parts);
}  // the jthreads join here

}  // namespace rf
