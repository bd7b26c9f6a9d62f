#include "core/model/routingpolicy.h"

#include <algorithm>
#include <array>

namespace bwi::core {

std::vector<RoutingShare> rebalanceShares(const std::vector<RoutingShare> &shares,
                                          std::size_t index, double share) {
  std::vector<RoutingShare> result = shares;
  if (index >= result.size())
    return result;
  if (result.size() == 1) {
    result[0].share = 1.0;
    return result;
  }
  share = std::clamp(share, 0.0, 1.0);
  double others = 0;
  for (std::size_t i = 0; i < result.size(); ++i)
    if (i != index)
      others += result[i].share;
  const double remainder = 1.0 - share;
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (i == index)
      continue;
    result[i].share = others > 0 ? result[i].share / others * remainder
                                 : remainder / static_cast<double>(result.size() - 1);
  }
  result[index].share = share;
  // Put the rounding residue on the edited share so the sum is 1 to the bit.
  double sum = 0;
  for (const RoutingShare &entry : result)
    sum += entry.share;
  result[index].share = std::clamp(result[index].share + (1.0 - sum), 0.0, 1.0);
  return result;
}

std::vector<RoutingShare> routeByTier(const RateCard &card, const TierPolicy &policy,
                                      const std::vector<std::string> &preferred) {
  const std::array<const char *, 3> tiers = {"small", "mid", "premium"};
  std::array<const ModelRates *, 3> cheapest{};
  const auto blended = [](const ModelRates &model) {
    return 3 * model.onDemand.inputPer1m + model.onDemand.outputPer1m;
  };
  const auto isPreferred = [&](const ModelRates &model) {
    return std::find(preferred.begin(), preferred.end(), model.id) != preferred.end();
  };
  for (bool preferredPass : {true, false})
    for (const ModelRates &model : card.models)
      for (std::size_t t = 0; t < tiers.size(); ++t) {
        if (model.tier != tiers[t] || !(model.onDemand.outputPer1m > 0))
          continue;
        if (preferredPass && !isPreferred(model))
          continue;
        if (!preferredPass && cheapest[t] && isPreferred(*cheapest[t]))
          continue; // a model the estate already uses stands
        if (!cheapest[t] || blended(model) < blended(*cheapest[t]))
          cheapest[t] = &model;
      }
  std::array<double, 3> shares = {policy.small, policy.mid, policy.premium};
  // A missing tier hands its share down (premium → mid → small), then up.
  for (std::size_t t = shares.size(); t-- > 1;)
    if (!cheapest[t]) {
      shares[t - 1] += shares[t];
      shares[t] = 0;
    }
  for (std::size_t t = 0; t + 1 < shares.size(); ++t)
    if (!cheapest[t]) {
      shares[t + 1] += shares[t];
      shares[t] = 0;
    }
  std::vector<RoutingShare> routing;
  double total = 0;
  for (std::size_t t = 0; t < tiers.size(); ++t)
    if (cheapest[t] && shares[t] > 0) {
      routing.push_back({cheapest[t]->id, shares[t]});
      total += shares[t];
    }
  for (RoutingShare &entry : routing)
    entry.share /= total;
  return routing;
}

} // namespace bwi::core
