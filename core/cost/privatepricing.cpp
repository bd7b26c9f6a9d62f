#include "core/cost/privatepricing.h"

#include <algorithm>

namespace bwi::core {

bool discountApplies(const Agreement &agreement, bool marketplace) {
  return !marketplace || agreement.discountAppliesToMarketplace;
}

double netShare(const std::optional<Agreement> &agreement, bool marketplace) {
  if (!agreement || !discountApplies(*agreement, marketplace))
    return 1.0;
  return 1.0 - agreement->discount;
}

PrivatePricing applyAgreement(const std::optional<Agreement> &agreement,
                              const std::vector<ModelGross> &models) {
  PrivatePricing result;
  if (!agreement)
    return result;
  double firstPartyNet = 0, marketplaceNet = 0;
  for (const ModelGross &model : models) {
    const bool discounted = discountApplies(*agreement, model.marketplace);
    const double discount = discounted ? model.grossUsd * agreement->discount : 0.0;
    result.discountUsd += discount;
    (model.marketplace ? marketplaceNet : firstPartyNet) += model.grossUsd - discount;
  }
  // Marketplace spend retires the commit only up to its monthly cap.
  const double marketplaceCap = agreement->marketplaceCapShare * agreement->annualCommitUsd / 12.0;
  result.commitRetiredUsd = firstPartyNet + std::min(marketplaceNet, marketplaceCap);
  return result;
}

} // namespace bwi::core
