#pragma once

#include "evaluation.h"

#include <optional>
#include <vector>

// The monthly forecast of cost-model.md section 8. USD per month.
namespace bwi::core {

struct ForecastMonth {
  int month = 0;
  double grossUsd = 0;
  double discountUsd = 0;
  double netUsd = 0;
  double commitRetiredUsd = 0;
  ModeCosts byMode;
  ModeBreakdown grossModes; // byMode with overflow apart, as the charts stack it
  // Net cost at the volume multiplier's p10, median and p90: exact, since
  // net cost never falls as volume rises. Set when the scenario gives them.
  std::optional<double> netP10Usd;
  std::optional<double> netP50Usd;
  std::optional<double> netP90Usd;
};

struct Forecast {
  std::vector<ForecastMonth> months;
  double commitRetiredUsd = 0; // over the forecast
  // Share of the annual commit the forecast retires, when there is one.
  std::optional<double> commitRetiredShare;
};

// `volumeScale` is the global volume slider; the quantiles multiply it.
Forecast forecast(const PreparedScenario &scenario, double volumeScale = 1.0);

} // namespace bwi::core
