#pragma once

#include "core/analysis/levers.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <string_view>

// Goal seek: the value of one lever at which a month's figure meets a target,
// e.g. the largest premium routing share that keeps the month under $250k.
namespace bwi::core {

enum class GoalMetric {
  NetUsd,           // net USD per month
  NetPer1kRequests, // net USD per 1,000 requests
  PtUtilization,    // share of committed PT MU-hours used, over every active commitment
};

std::string_view goalMetricName(GoalMetric metric);
std::optional<GoalMetric> goalMetricFromName(std::string_view name);

struct GoalSeekRequest {
  GoalMetric metric = GoalMetric::NetUsd;
  double target = 0;
  ScaledLever lever = ScaledLever::Volume;
  int month = 0;
  // The range searched, in the lever's unit; defaults per lever (goalseek.cpp).
  std::optional<double> minValue;
  std::optional<double> maxValue;
};

struct GoalSeekResult {
  bool found = false;             // a value within the range meets the target within 0.01%
  std::optional<double> value;    // the lever value found (or, for whole units, the nearest)
  std::optional<double> achieved; // the metric there
  double baseValue = 0;           // the lever as written
  std::optional<double> baseMetric;
  double minValue = 0, maxValue = 0;
  std::optional<double> atMin, atMax; // the metric at either end of the range
  bool rises = true;                  // whether the metric rises with the lever near the answer
  std::string message;                // one sentence for the user
};

// The metric of one month of a scenario; nullopt where it is undefined
// (no requests, or no active PT commitment).
std::optional<double> goalMetricValue(const Scenario &scenario, const RateCard &card,
                                      GoalMetric metric, int month);

GoalSeekResult goalSeek(const Scenario &scenario, const RateCard &card,
                        const GoalSeekRequest &request);

} // namespace bwi::core
