#pragma once

#include "core/common/validationissue.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

namespace bwi::core {

// Checks what needs the rate card: model ids, caching TTLs, commitments on
// models that can take them, terms that have a price, reservation minimums
// (docs/cost-model.md §9 and §10.8-§10.10). `card` has the overrides applied.
void validateAgainstRateCard(const Scenario &scenario, const RateCard &card,
                             ValidationIssues &issues);

// Everything a file would be checked for: the ranges of every field (by
// writing the scenario in its file form and reading it back, so the rules
// live in one place) and the checks against the card.
void validateScenario(const Scenario &scenario, const RateCard &card, ValidationIssues &issues);

} // namespace bwi::core
