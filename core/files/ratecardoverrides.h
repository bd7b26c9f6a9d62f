#pragma once

#include "core/common/validationissue.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

// `ratecard_overrides`: the negotiated rates and account-team quotes a user
// types in, merged field by field into the card's models.
namespace bwi::core {

// The card with every override applied. An override on a model the card
// lacks adds it when it gives both on-demand prices (a typed price,
// docs/cost-model.md §21). A problem (an unknown model without them, a
// value out of range) is reported at the override's path
// (`ratecard_overrides["MODEL"].FIELD`).
RateCard applyOverrides(const RateCard &card, const std::vector<RateOverride> &overrides,
                        ValidationIssues &issues);

// Whether `field` (dotted, e.g. "on_demand.input_per_1m") of a model is
// overridden, or lies inside an overridden object.
bool isOverridden(const std::vector<RateOverride> &overrides, std::string_view modelId,
                  std::string_view field);

} // namespace bwi::core
