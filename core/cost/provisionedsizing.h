#pragma once

#include "core/common/convexsearch.h"
#include "core/cost/hourlydemand.h"

#include <optional>

// Provisioned-throughput sizing and break-evens (docs/cost-model.md §5 and §7).
// Demand is in model units (MU); money in USD per month.
namespace bwi::core {

// floor(min_h load): commit to the load the model never goes below, leave the
// peaks on demand (docs/cost-model.md §5).
long long floorModelUnits(const HourlyDemand &load);

// The fixed monthly charge of a PT commitment, N · rate · H (USD a month);
// whatever its utilization, the hours are paid whole.
inline double ptChargeUsd(double modelUnits, double ratePerMuHour, double hoursPerMonth) {
  return modelUnits * ratePerMuHour * hoursPerMonth;
}

// The whole N in 0 … maxUnits that minimizes ptChargeUsd(N) + overflowUsd(N),
// the smallest N on a tie (clearlyLess). `overflowUsd(double units)` must be
// convex in N, as the overflow of one load, or the mean over many, is.
template <typename Overflow>
long long cheapestModelUnits(long long maxUnits, double ratePerMuHour, double hoursPerMonth,
                             Overflow overflowUsd) {
  return argminConvex(0, maxUnits, [&](long long units) {
    const auto n = static_cast<double>(units);
    return ptChargeUsd(n, ratePerMuHour, hoursPerMonth) + overflowUsd(n);
  });
}

// cheapestModelUnits over 0 … ceil(max load) of one load. Loads and costs are
// scaled by `volumeScale` first.
long long optimalModelUnits(const OverflowCurve &curve, double ratePerMuHour, double hoursPerMonth,
                            double volumeScale = 1.0);

// u* = rate / (on-demand USD / (mean load · H)); nullopt without on-demand cost.
std::optional<double> breakEvenUtilization(double ratePerMuHour, double hoursPerMonth,
                                           double meanLoadMu, double onDemandUsd);

// The smallest volume scale x (relative to the demand in `curve`) at which a
// fixed charge `fixedUsd` for capacity `capacity` costs the same as the
// on-demand traffic it takes over; searched in [lowScale, highScale];
// nullopt when already cheaper at lowScale or still dearer at highScale.
std::optional<double> breakEvenVolumeScale(const OverflowCurve &curve, double capacity,
                                           double fixedUsd, double lowScale, double highScale);

} // namespace bwi::core
