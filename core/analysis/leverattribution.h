#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <string>
#include <string_view>
#include <vector>

// Why one scenario costs more or less than another, lever by lever: the
// levers move from the baseline's values to the compared scenario's one at a
// time, in a fixed order, and each bar is the change of net monthly cost that
// lever makes with the levers before it already moved (sequential
// attribution). The bars telescope, so they sum to the difference exactly;
// the order matters where levers interact (a cheaper model makes the batch
// discount worth less), which is why it is stated wherever the bars are shown.
// Money in USD per month, net of the private-pricing discount.
namespace bwi::core {

enum class AttributionStep {
  Volume,      // requests, volume multipliers, growth, weekly profile, added or removed workloads
  Routing,     // model shares
  Batch,       // batch share
  Caching,     // cached prefix, hit rate, TTL
  TokenShape,  // context trimming: system, user, retrieval, history, agent calls, output
  ServiceTier, // standard, priority, flex
  Meters,      // the bill beyond tokens: each workload's meters (and its unit, which costs nothing)
  Provisioned, // PT commitments, reservations, hours per month
  RateCard,    // a different card or different negotiated overrides
  PrivatePricing,
};

// The order the levers move in.
inline constexpr AttributionStep kAttributionOrder[] = {
    AttributionStep::Volume,        AttributionStep::Routing,     AttributionStep::Batch,
    AttributionStep::Caching,       AttributionStep::TokenShape,  AttributionStep::ServiceTier,
    AttributionStep::Meters,        AttributionStep::Provisioned, AttributionStep::RateCard,
    AttributionStep::PrivatePricing};

std::string_view
attributionLeverKey(AttributionStep lever); // "token_shape", as the JSON output names it
// "volume → routing → … → private pricing": the order, for a chart or a report.
std::string attributionOrderText();

struct LeverBar {
  // Usually one lever. Two or more when moving the first alone would give a
  // scenario that cannot be costed (a cached prefix longer than the trimmed
  // context, a 1-hour cache on a model without that price): they move together.
  std::vector<AttributionStep> levers;
  std::string label;     // "Routing", or "Caching + Context trimming"
  double deltaUsd = 0;   // change of net monthly cost this bar makes
  double runningUsd = 0; // net monthly cost once it has moved
};

struct LeverAttribution {
  int month = 0;
  double baselineNetUsd = 0;
  double comparedNetUsd = 0;
  // One bar per lever in kAttributionOrder (the meters bar only when some
  // workload's meters differ, the rate-card bar only when the cards differ);
  // the deltas sum to comparedNetUsd − baselineNetUsd.
  std::vector<LeverBar> bars;
  double differenceUsd() const { return comparedNetUsd - baselineNetUsd; }
};

// Both scenarios must be valid against their cards (overrides applied).
// Workloads are matched by id: one only in the baseline is removed by the
// volume lever, one only in the compared scenario is added by it.
LeverAttribution attributeLevers(const Scenario &baseline, const RateCard &baselineCard,
                                 const Scenario &compared, const RateCard &comparedCard, int month);

} // namespace bwi::core
