#include "core/cost/meters.h"

#include <cmath>

namespace bwi::core {

double meterQuantity(const PreparedMeter &meter, double workloadRequests) {
  return meter.perRequest * workloadRequests + meter.perMonth;
}

double meterCostUsd(const PreparedMeter &meter, double workloadRequests) {
  return meterQuantity(meter, workloadRequests) * meter.usdPerUnit;
}

double meterVolumeUsd(const PreparedMeter &meter, double workloadRequests) {
  return meter.perRequest * workloadRequests * meter.usdPerUnit;
}

double meterFloorUsd(const PreparedMeter &meter) { return meter.perMonth * meter.usdPerUnit; }

std::string_view toString(UnitCostStatus status) {
  switch (status) {
  case UnitCostStatus::Below:
    return "below";
  case UnitCostStatus::Above:
    return "above";
  case UnitCostStatus::Within:
    break;
  }
  return "within";
}

UnitCost unitCost(const PreparedWorkload &workload, double workloadRequests, double netUsd) {
  UnitCost result;
  result.workloadId = workload.id;
  result.costUsd = netUsd;
  if (!workload.unit)
    return result;
  const UnitEconomics &unit = *workload.unit;
  result.unit = unit.name;
  result.units = unit.perRequest * workloadRequests + unit.perMonth;
  result.targetUsd = unit.targetUsd;
  result.tolerance = unit.tolerance;
  if (unit.targetUsd) {
    result.bandLowUsd = *unit.targetUsd * (1 - unit.tolerance);
    result.bandHighUsd = *unit.targetUsd * (1 + unit.tolerance);
  }
  if (!(result.units > 0))
    return result;
  const double perUnit = netUsd / result.units;
  result.costPerUnitUsd = perUnit;
  if (unit.targetUsd) {
    const double target = *unit.targetUsd;
    // The band is closed: a cost exactly on its edge is within it.
    if (std::fabs(perUnit - target) <= unit.tolerance * target)
      result.status = UnitCostStatus::Within;
    else
      result.status = perUnit < target ? UnitCostStatus::Below : UnitCostStatus::Above;
  }
  return result;
}

} // namespace bwi::core
