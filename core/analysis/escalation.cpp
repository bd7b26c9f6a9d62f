#include "core/analysis/escalation.h"

#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

double netAt(const Scenario &scenario, const RateCard &card, int month) {
  return monthTotals(prepareScenario(scenario, card), month).netUsd;
}

std::optional<std::size_t> workloadIndex(const Scenario &scenario, const std::string &id) {
  for (std::size_t w = 0; w < scenario.workloads.size(); ++w)
    if (scenario.workloads[w].id == id)
      return w;
  return std::nullopt;
}

EscalationBreakEven breakEvenOf(const Scenario &scenario, const RateCard &card, std::size_t w,
                                int month) {
  const Escalation &escalation = *scenario.workloads[w].escalation;
  EscalationBreakEven result;
  result.workloadId = scenario.workloads[w].id;
  result.to = escalation.to;
  result.rate = escalation.rate;
  result.measured = escalation.measured;
  const PreparedScenario prepared = prepareScenario(scenario, card);
  result.netUsd = monthTotals(prepared, month).netUsd;
  // Where escalated calls land this month (a retired target's successor),
  // asked at e = 1 so that a rate of 0 names it too.
  const std::optional<int> start = calendarStart(scenario);
  Workload probe = scenario.workloads[w];
  probe.escalation->rate = 1;
  result.toThisMonth = monthRouting(probe, card, start ? std::optional(*start + month) : start)
                           .escalationTarget.value_or(escalation.to);
  result.allPremiumNetUsd = netAt(allToEscalationTarget(scenario, w), card, month);

  // Net cost never falls as e rises (more calls, the same prices), so the
  // crossing is found by bisection to the last representable step. Costs
  // within 1e-12 of each other (relative) are equal: a workload already all
  // on the target costs the same at every e, up to rounding.
  const double target = result.allPremiumNetUsd;
  const double tolerance = 1e-12 * std::fabs(target);
  const auto gap = [&](double rate) {
    return netAt(withEscalationRate(scenario, w, rate), card, month) - target;
  };
  double low = 0.0, high = 1.0, gapLow = gap(low), gapHigh = gap(high);
  if (gapLow >= -tolerance || gapHigh < -tolerance)
    return result; // never pays, or even e = 1 costs less than all-premium
  if (gapHigh < 0) {
    result.breakEvenRate = 1.0; // reached at e = 1, within rounding
    return result;
  }
  while (true) {
    const double middle = low + (high - low) / 2;
    if (!(middle > low && middle < high))
      break;
    const double g = gap(middle);
    if (g < 0) {
      low = middle;
      gapLow = g;
    } else {
      high = middle;
      gapHigh = g;
    }
  }
  result.breakEvenRate = -gapLow <= gapHigh ? low : high;
  return result;
}

} // namespace

Scenario withEscalationRate(const Scenario &scenario, std::size_t workload, double rate) {
  Scenario result = scenario;
  if (workload < result.workloads.size() && result.workloads[workload].escalation)
    result.workloads[workload].escalation->rate = rate;
  return result;
}

Scenario allToEscalationTarget(const Scenario &scenario, std::size_t workload) {
  Scenario result = scenario;
  if (workload >= result.workloads.size() || !result.workloads[workload].escalation)
    return result;
  Workload &target = result.workloads[workload];
  target.routing = {{target.escalation->to, 1.0}};
  target.escalation.reset();
  target.promptRouter.clear(); // the router's models are no longer routed
  return result;
}

std::vector<EscalationBreakEven> escalationBreakEvens(const Scenario &scenario,
                                                      const RateCard &card, int month) {
  std::vector<EscalationBreakEven> result;
  for (std::size_t w = 0; w < scenario.workloads.size(); ++w)
    if (scenario.workloads[w].escalation)
      result.push_back(breakEvenOf(scenario, card, w, month));
  return result;
}

std::optional<EscalationCurve> escalationCurve(const Scenario &scenario, const RateCard &card,
                                               const std::string &workloadId, int month,
                                               int points) {
  const auto w = workloadIndex(scenario, workloadId);
  if (!w || !scenario.workloads[*w].escalation)
    return std::nullopt;
  EscalationCurve curve;
  curve.breakEven = breakEvenOf(scenario, card, *w, month);
  std::vector<double> rates;
  const int count = std::max(2, points);
  for (int i = 0; i < count; ++i)
    rates.push_back(static_cast<double>(i) / (count - 1));
  rates.push_back(curve.breakEven.rate);
  if (curve.breakEven.breakEvenRate)
    rates.push_back(*curve.breakEven.breakEvenRate);
  std::sort(rates.begin(), rates.end());
  rates.erase(std::unique(rates.begin(), rates.end()), rates.end());
  for (double rate : rates)
    curve.points.push_back({rate, netAt(withEscalationRate(scenario, *w, rate), card, month),
                            curve.breakEven.breakEvenRate == rate, curve.breakEven.rate == rate});
  return curve;
}

} // namespace bwi::core
