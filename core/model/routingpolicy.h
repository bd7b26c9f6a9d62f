#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <vector>

// Routing edits that keep a workload's shares summing to 1.
namespace bwi::core {

// Sets share `index` to `share` (clamped to [0, 1]) and scales the others so
// the total stays 1; when the others are all 0 the remainder is split evenly.
std::vector<RoutingShare> rebalanceShares(const std::vector<RoutingShare> &shares,
                                          std::size_t index, double share);

// "Route by tier": the cheapest model of each tier (small, mid, premium), by
// a blended price of 3 input tokens to 1 output, gets that tier's share.
// Models in `preferred` (those the estate already uses) are chosen first; a
// tier none of them covers takes the card's cheapest. Tiers without any
// model pass their share to the nearest tier present. Shares sum to 1.
struct TierPolicy {
  double small = 0.7;
  double mid = 0.25;
  double premium = 0.05;
};
std::vector<RoutingShare> routeByTier(const RateCard &card, const TierPolicy &policy,
                                      const std::vector<std::string> &preferred = {});

} // namespace bwi::core
