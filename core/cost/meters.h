#pragma once

#include "core/cost/preparedscenario.h"

#include <optional>
#include <string>
#include <string_view>

// The bill beyond tokens and the cost per unit of what a workload delivers
// (docs/cost-model.md §18 and §19). Money in USD
// per month unless stated otherwise.
namespace bwi::core {

// A meter's quantity in its card unit: perRequest × R_w(t) + perMonth, where
// `workloadRequests` is R_w(t), every request of the workload that month.
double meterQuantity(const PreparedMeter &meter, double workloadRequests);
// quantity × rate, gross: first-party spend, discounted like any other.
double meterCostUsd(const PreparedMeter &meter, double workloadRequests);

// The two parts of that cost, for the volume curve, which scales the first
// and keeps the second: perRequest × R_w(t) × rate and perMonth × rate.
double meterVolumeUsd(const PreparedMeter &meter, double workloadRequests);
double meterFloorUsd(const PreparedMeter &meter);

enum class UnitCostStatus { Below, Within, Above };
std::string_view toString(UnitCostStatus status); // "below", "within", "above"

struct UnitCost {
  std::string workloadId;
  std::string unit;
  double units = 0;   // units per month
  double costUsd = 0; // the workload's net cost: its show-back and meters after the discount
  std::optional<double> costPerUnitUsd; // USD per unit; nullopt without units
  std::optional<double> targetUsd;      // USD per unit
  double tolerance = 0;                 // fraction of the target: 0.15 is ±15%
  std::optional<double> bandLowUsd;     // USD per unit: target × (1 − tolerance)
  std::optional<double> bandHighUsd;    // USD per unit: target × (1 + tolerance)
  std::optional<UnitCostStatus> status; // with a target and a cost per unit
};

// `workloadRequests` is R_w(t); `netUsd` the workload's net cost that month.
UnitCost unitCost(const PreparedWorkload &workload, double workloadRequests, double netUsd);

} // namespace bwi::core
