#pragma once

#include "core/common/validationissue.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

namespace bwi::core {

// Checks what needs the rate card: model ids, caching TTLs, commitments on
// models that can take them, terms that have a price, reservation minimums
// (docs/cost-model.md §9 and §10.8-§10.10), the escalation target (§12); with a
// calendar, the card of every forecast month: traffic on a retired model
// that cannot move and commitments the month's card does not price (§13.2).
// `card` has the overrides applied.
void validateAgainstRateCard(const Scenario &scenario, const RateCard &card,
                             ValidationIssues &issues);

// Everything a file would be checked for: the ranges of every field (by
// writing the scenario in its file form and reading it back, so the rules
// live in one place) and the checks against the card.
void validateScenario(const Scenario &scenario, const RateCard &card, ValidationIssues &issues);

// The checks of one month's card, for a month after the forecast (evaluate
// --month N): nothing without a calendar, where every month has the card
// validateAgainstRateCard checked.
void validateCalendarMonth(const Scenario &scenario, const RateCard &card, int month,
                           ValidationIssues &issues);

} // namespace bwi::core
