#pragma once

#include "core/cost/preparedscenario.h"

// The totals of one month without show-back, sizing or names: what Monte
// Carlo trials, the tornado and goal seek cost thousands of times. The same
// arithmetic in the same order as evaluate(), so the figures are identical.
// Money in USD per month.
namespace bwi::core {

struct MonthTotals {
  double grossUsd = 0;
  double discountUsd = 0;
  double netUsd = 0;
  // Requests on priced models: per-request figures divide priced volume only,
  // so traffic without a price never lowers them (docs/cost-model.md §21).
  double pricedRequests = 0;
  double ptUnits = 0;     // model units of the active PT commitments
  double ptUsedUnits = 0; // Σ utilization · units over them (MU-hour weighted)
};

// `volumeScale` multiplies the scenario's global volume multiplier.
MonthTotals monthTotals(const PreparedScenario &scenario, int month, double volumeScale = 1.0);

} // namespace bwi::core
