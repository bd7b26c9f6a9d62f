#pragma once

#include "core/model/weeklyprofile.h"

#include <vector>

// A model's demand over the 168 hours of the week and what it would cost on
// demand, the input of every commitment formula (docs/cost-model.md §5 and §5b).
namespace bwi::core {

struct HourlyDemand {
  // Demand in the commitment's unit: model units for PT, tokens per minute
  // for a reservation.
  HourlyWeights demand{};
  // On-demand USD of this hour's traffic, already divided by 168, so the
  // hours sum to the month's on-demand cost of the traffic.
  HourlyWeights onDemandUsd{};

  double totalOnDemandUsd() const;
  double minDemand() const;
  double maxDemand() const;
  double meanDemand() const;
};

// Share of hour h's demand a capacity serves: min(1, capacity / demand), 1
// where there is no demand.
double servedShare(double capacity, double demand);

// The on-demand USD of the traffic above `capacity`:
// Σ_h (1 − f(h)) · onDemandUsd(h).
double overflowUsd(const HourlyDemand &hourly, double capacity);

// Σ_h min(demand(h), capacity) / (168 · capacity); 0 without capacity.
double utilization(const HourlyDemand &hourly, double capacity);

// overflowUsd for many capacities: hours sorted by demand with suffix sums
// make each query O(log 168), so sizing scans and curves stay cheap.
class OverflowCurve {
public:
  explicit OverflowCurve(const HourlyDemand &hourly);
  // Overflow USD at `capacity` with every hour's demand and cost scaled by
  // `volumeScale` (both grow linearly with volume).
  double overflowUsd(double capacity, double volumeScale = 1.0) const;
  // Σ_h cost_h · min(x, capacity / demand_h): the on-demand USD the capacity
  // takes over at volume scale x (hours without demand count x · cost_h).
  double servedUsd(double capacity, double volumeScale) const;
  double totalOnDemandUsd() const { return m_totalCost; }
  double maxDemand() const { return m_sortedDemand.empty() ? 0.0 : m_sortedDemand.back(); }

private:
  std::vector<double> m_sortedDemand;        // ascending, hours with demand > 0
  std::vector<double> m_suffixCost;          // Σ cost over hours i..end
  std::vector<double> m_suffixCostPerDemand; // Σ cost/demand over hours i..end
  double m_zeroDemandCost = 0;               // cost in hours without demand
  double m_totalCost = 0;
};

} // namespace bwi::core
