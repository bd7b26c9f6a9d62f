#pragma once

#include <cmath>

namespace bwi::core {

// True when `candidate` is lower than `best` by more than rounding noise, so
// that equal costs computed along different paths keep the smaller argument
// ("the smallest N on a tie").
inline bool clearlyLess(double candidate, double best) {
  return candidate < best - 1e-12 * std::max(1.0, std::fabs(best));
}

// The smallest integer k in [lo, hi] that minimizes `cost`, for a cost that
// is convex in k (a fixed price per unit plus the overflow it saves: both
// sizing problems of docs/cost-model.md §5 and §5b). Small ranges are scanned exactly as the
// model states; large ones bisect on the slope, which convexity allows.
template <typename Cost> long long argminConvex(long long lo, long long hi, Cost cost) {
  constexpr long long kScanLimit = 20000;
  if (hi - lo <= kScanLimit) {
    long long bestK = lo;
    double best = cost(lo);
    for (long long k = lo + 1; k <= hi; ++k) {
      const double value = cost(k);
      if (clearlyLess(value, best)) {
        best = value;
        bestK = k;
      } else if (value > best + 1e-9 * std::max(1.0, std::fabs(best))) {
        break; // convex: past the minimum the cost only rises
      }
    }
    return bestK;
  }
  // Smallest k whose next step no longer clearly lowers the cost.
  long long left = lo, right = hi;
  while (left < right) {
    const long long mid = left + (right - left) / 2;
    if (clearlyLess(cost(mid + 1), cost(mid)))
      left = mid + 1;
    else
      right = mid;
  }
  return left;
}

} // namespace bwi::core
