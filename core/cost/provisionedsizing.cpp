#include "core/cost/provisionedsizing.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {

namespace {

// Model units as an integer, clamped where a hostile load would overflow it.
long long wholeUnits(double units) {
  constexpr double kMaxUnits = 1e15;
  if (!(units > 0))
    return 0;
  return static_cast<long long>(std::min(units, kMaxUnits));
}

} // namespace

long long floorModelUnits(const HourlyDemand &load) {
  return wholeUnits(std::floor(load.minDemand()));
}

long long optimalModelUnits(const OverflowCurve &curve, double ratePerMuHour, double hoursPerMonth,
                            double volumeScale) {
  const long long maxUnits = wholeUnits(std::ceil(curve.maxDemand() * volumeScale));
  return cheapestModelUnits(maxUnits, ratePerMuHour, hoursPerMonth,
                            [&](double units) { return curve.overflowUsd(units, volumeScale); });
}

std::optional<double> breakEvenUtilization(double ratePerMuHour, double hoursPerMonth,
                                           double meanLoadMu, double onDemandUsd) {
  if (!(onDemandUsd > 0))
    return std::nullopt;
  return ratePerMuHour / (onDemandUsd / (meanLoadMu * hoursPerMonth));
}

std::optional<double> breakEvenVolumeScale(const OverflowCurve &curve, double capacity,
                                           double fixedUsd, double lowScale, double highScale) {
  // With the commitment minus without it: fixed charge less the on-demand
  // cost the capacity takes over, which never falls as volume rises.
  const auto difference = [&](double scale) { return fixedUsd - curve.servedUsd(capacity, scale); };
  if (difference(lowScale) < 0 || difference(highScale) > 0)
    return std::nullopt;
  if (difference(lowScale) == 0)
    return lowScale;
  // Bisection in log space to machine precision: the smallest scale where
  // the commitment stops being dearer.
  double low = std::log(lowScale), high = std::log(highScale);
  for (int iteration = 0; iteration < 200 && high - low > 1e-15 * std::fabs(high) + 1e-300;
       ++iteration) {
    const double mid = 0.5 * (low + high);
    if (mid <= low || mid >= high)
      break;
    if (difference(std::exp(mid)) > 0)
      low = mid;
    else
      high = mid;
  }
  return std::exp(high);
}

} // namespace bwi::core
