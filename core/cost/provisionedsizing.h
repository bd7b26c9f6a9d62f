#pragma once

#include "core/cost/hourlydemand.h"

#include <optional>

// Provisioned-throughput sizing and break-evens (cost-model.md 5 and 7).
// Demand is in model units (MU); money in USD per month.
namespace bwi::core {

// floor(min_h load): the seed's rule, commit to the measured floor.
long long floorModelUnits(const HourlyDemand &load);

// The whole N in 0 … ceil(max load) that minimizes N·rate·H + overflow; the
// smallest N on a tie. Loads and costs are scaled by `volumeScale` first.
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
