#include "core/analysis/goalseek.h"

#include "core/common/moneyformat.h"
#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace bwi::core {
namespace {

constexpr double kTolerance = 1e-4; // 0.01% of the target
constexpr int kGridPoints = 41;

std::pair<double, double> defaultRange(const Scenario &scenario, ScaledLever lever) {
  const double value = leverValue(scenario, lever);
  switch (lever) {
  case ScaledLever::Volume:
    return {0.0, std::max(100.0, 10 * value)};
  case ScaledLever::Discount:
    return {0.0, 0.5};
  case ScaledLever::PtUnits:
    return {0.0, std::max(4 * value, value + 20)};
  default:
    return {0.0, 4.0};
  }
}

std::string formatMetric(GoalMetric metric, double value) {
  switch (metric) {
  case GoalMetric::NetUsd:
    return formatUsdExact(value) + " a month";
  case GoalMetric::NetPer1kRequests:
    return formatUsdExact(value) + " per 1,000 requests";
  case GoalMetric::PtUtilization:
    return formatPercent(value, 2) + " PT utilization";
  }
  return {};
}

std::string formatLever(ScaledLever lever, double value) {
  char buffer[64];
  if (lever == ScaledLever::PtUnits)
    std::snprintf(buffer, sizeof buffer, "%.0f MU", value);
  else if (lever == ScaledLever::Discount)
    return formatPercent(value, 3);
  else if (lever == ScaledLever::Volume)
    std::snprintf(buffer, sizeof buffer, "%.6g×", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.6g× the scenario's", value);
  return std::string(leverName(lever)) + " " + buffer;
}

bool meets(double achieved, double target) {
  return std::fabs(achieved - target) <= kTolerance * std::max(std::fabs(target), 1e-12);
}

void describeFound(GoalSeekResult &result, const GoalSeekRequest &request) {
  const std::string bound = result.rises ? "at most" : "at least";
  result.message = formatLever(request.lever, *result.value) + " gives " +
                   formatMetric(request.metric, *result.achieved) + "; " + bound + " " +
                   formatLever(request.lever, *result.value) + " keeps it at or below " +
                   formatMetric(request.metric, request.target) + ".";
}

} // namespace

std::string_view goalMetricName(GoalMetric metric) {
  switch (metric) {
  case GoalMetric::NetUsd:
    return "net_usd";
  case GoalMetric::NetPer1kRequests:
    return "net_per_1k_requests_usd";
  case GoalMetric::PtUtilization:
    return "pt_utilization";
  }
  return {};
}

std::optional<GoalMetric> goalMetricFromName(std::string_view name) {
  for (GoalMetric metric :
       {GoalMetric::NetUsd, GoalMetric::NetPer1kRequests, GoalMetric::PtUtilization})
    if (goalMetricName(metric) == name)
      return metric;
  return std::nullopt;
}

std::optional<double> goalMetricValue(const Scenario &scenario, const RateCard &card,
                                      GoalMetric metric, int month) {
  const MonthTotals totals = monthTotals(prepareScenario(scenario, card), month);
  switch (metric) {
  case GoalMetric::NetUsd:
    return totals.netUsd;
  case GoalMetric::NetPer1kRequests:
    if (!(totals.pricedRequests > 0))
      return std::nullopt;
    return totals.netUsd / totals.pricedRequests * 1000;
  case GoalMetric::PtUtilization:
    if (!(totals.ptUnits > 0))
      return std::nullopt;
    return totals.ptUsedUnits / totals.ptUnits;
  }
  return std::nullopt;
}

GoalSeekResult goalSeek(const Scenario &scenario, const RateCard &card,
                        const GoalSeekRequest &request) {
  GoalSeekResult result;
  const auto [defaultMin, defaultMax] = defaultRange(scenario, request.lever);
  result.minValue = request.minValue.value_or(defaultMin);
  result.maxValue = std::max(result.minValue, request.maxValue.value_or(defaultMax));
  result.baseValue = leverValue(scenario, request.lever);
  result.baseMetric = goalMetricValue(scenario, card, request.metric, request.month);
  const auto metricAt = [&](double value) {
    return goalMetricValue(withLever(scenario, card, request.lever, value), card, request.metric,
                           request.month);
  };
  result.atMin = metricAt(result.minValue);
  result.atMax = metricAt(result.maxValue);
  const std::string range = "from " + formatLever(request.lever, result.minValue) + " to " +
                            formatLever(request.lever, result.maxValue);
  if (!result.atMin && !result.atMax && !result.baseMetric) {
    result.message = std::string(goalMetricName(request.metric)) +
                     " is undefined for this scenario (no requests, or no active PT commitment)";
    return result;
  }

  if (leverIsWhole(request.lever)) {
    // Whole units: the nearest whole value, found only when it meets the target.
    const double first = std::ceil(result.minValue), last = std::floor(result.maxValue);
    for (double units = first; units <= last && units - first < 100000; units += 1) {
      const auto metric = metricAt(units);
      if (metric && (!result.achieved || std::fabs(*metric - request.target) <
                                             std::fabs(*result.achieved - request.target))) {
        result.value = units;
        result.achieved = metric;
      }
    }
    if (!result.value) {
      result.message = "no whole value " + range + " has a defined " +
                       std::string(goalMetricName(request.metric));
      return result;
    }
    const auto next = metricAt(*result.value + 1);
    result.rises = next && *next >= *result.achieved;
    result.found = meets(*result.achieved, request.target);
    if (result.found)
      describeFound(result, request);
    else
      result.message = "no whole value " + range + " gives " +
                       formatMetric(request.metric, request.target) +
                       " within 0.01%; the nearest, " + formatLever(request.lever, *result.value) +
                       ", gives " + formatMetric(request.metric, *result.achieved) + ".";
    return result;
  }

  // A grid finds the first stretch where the metric crosses the target;
  // bisection narrows it.
  std::optional<double> lowValue, lowMetric;
  double spanMin = INFINITY, spanMax = -INFINITY;
  for (int i = 0; i < kGridPoints; ++i) {
    const double value =
        result.minValue + (result.maxValue - result.minValue) * i / (kGridPoints - 1);
    const auto metric = metricAt(value);
    if (!metric)
      continue;
    spanMin = std::min(spanMin, *metric);
    spanMax = std::max(spanMax, *metric);
    if (lowMetric && (*lowMetric - request.target) * (*metric - request.target) <= 0 &&
        !result.value) {
      double a = *lowValue, b = value;
      double fa = *lowMetric - request.target;
      for (int step = 0; step < 200 && b - a > 1e-15 * std::max(1.0, std::fabs(b)); ++step) {
        const double middle = (a + b) / 2;
        const auto m = metricAt(middle);
        if (!m)
          break;
        const double fm = *m - request.target;
        if (fa * fm <= 0) {
          b = middle;
        } else {
          a = middle;
          fa = fm;
        }
      }
      const auto atA = metricAt(a), atB = metricAt(b);
      const bool useA =
          atA && (!atB || std::fabs(*atA - request.target) <= std::fabs(*atB - request.target));
      result.value = useA ? a : b;
      result.achieved = useA ? atA : atB;
      result.rises = *metric >= *lowMetric;
    }
    lowValue = value;
    lowMetric = metric;
  }
  if (result.value && meets(*result.achieved, request.target)) {
    result.found = true;
    describeFound(result, request);
  } else if (result.value) {
    result.message = std::string(goalMetricName(request.metric)) + " jumps across " +
                     formatMetric(request.metric, request.target) + " at " +
                     formatLever(request.lever, *result.value) + " (to " +
                     formatMetric(request.metric, *result.achieved) +
                     "): no value meets it within 0.01%.";
  } else {
    result.message = "no value of " + std::string(leverName(request.lever)) + " " + range +
                     " gives " + formatMetric(request.metric, request.target) +
                     ": over that range it runs from " + formatMetric(request.metric, spanMin) +
                     " to " + formatMetric(request.metric, spanMax) + ".";
  }
  return result;
}

} // namespace bwi::core
