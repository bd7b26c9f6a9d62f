#include "core/cost/hourlydemand.h"

#include <algorithm>
#include <numeric>

namespace bwi::core {

double HourlyDemand::totalOnDemandUsd() const {
  return std::accumulate(onDemandUsd.begin(), onDemandUsd.end(), 0.0);
}

double HourlyDemand::minDemand() const { return *std::min_element(demand.begin(), demand.end()); }

double HourlyDemand::maxDemand() const { return *std::max_element(demand.begin(), demand.end()); }

double HourlyDemand::meanDemand() const {
  return std::accumulate(demand.begin(), demand.end(), 0.0) / kHoursPerWeek;
}

double servedShare(double capacity, double demand) {
  if (demand <= 0)
    return 1.0;
  return std::min(1.0, capacity / demand);
}

double overflowUsd(const HourlyDemand &hourly, double capacity) {
  double overflow = 0;
  for (int hour = 0; hour < kHoursPerWeek; ++hour)
    overflow += (1.0 - servedShare(capacity, hourly.demand[hour])) * hourly.onDemandUsd[hour];
  return overflow;
}

double utilization(const HourlyDemand &hourly, double capacity) {
  if (capacity <= 0)
    return 0.0;
  double used = 0;
  for (double demand : hourly.demand)
    used += std::min(demand, capacity);
  return used / (kHoursPerWeek * capacity);
}

OverflowCurve::OverflowCurve(const HourlyDemand &hourly) {
  std::array<int, kHoursPerWeek> order{};
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return hourly.demand[a] < hourly.demand[b]; });
  m_sortedDemand.reserve(kHoursPerWeek);
  std::vector<double> costs;
  costs.reserve(kHoursPerWeek);
  for (int hour : order) {
    m_totalCost += hourly.onDemandUsd[hour];
    if (hourly.demand[hour] > 0) {
      m_sortedDemand.push_back(hourly.demand[hour]);
      costs.push_back(hourly.onDemandUsd[hour]);
    } else {
      m_zeroDemandCost += hourly.onDemandUsd[hour];
    }
  }
  const std::size_t count = m_sortedDemand.size();
  m_suffixCost.assign(count + 1, 0.0);
  m_suffixCostPerDemand.assign(count + 1, 0.0);
  for (std::size_t i = count; i-- > 0;) {
    m_suffixCost[i] = m_suffixCost[i + 1] + costs[i];
    m_suffixCostPerDemand[i] = m_suffixCostPerDemand[i + 1] + costs[i] / m_sortedDemand[i];
  }
}

double OverflowCurve::overflowUsd(double capacity, double volumeScale) const {
  if (volumeScale <= 0)
    return 0.0;
  // Hours with scale·demand > capacity overflow the part above capacity:
  // scale · Σ cost (1 − capacity / (scale · demand)).
  const double threshold = capacity / volumeScale;
  const auto first = std::upper_bound(m_sortedDemand.begin(), m_sortedDemand.end(), threshold);
  const auto index = static_cast<std::size_t>(first - m_sortedDemand.begin());
  const double overflow =
      volumeScale * m_suffixCost[index] - capacity * m_suffixCostPerDemand[index];
  return std::max(0.0, overflow);
}

double OverflowCurve::servedUsd(double capacity, double volumeScale) const {
  return volumeScale * m_totalCost - overflowUsd(capacity, volumeScale);
}

} // namespace bwi::core
