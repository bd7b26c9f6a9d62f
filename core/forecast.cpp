#include "forecast.h"

#include "curves.h"

#include <cmath>

namespace bwi::core {

Forecast forecast(const PreparedScenario &scenario, double volumeScale) {
  Forecast result;
  const ForecastSettings &settings = scenario.forecast;
  const bool fan = settings.volumeP10 && settings.volumeP90;
  for (int month = 0; month < settings.months; ++month) {
    const Evaluation evaluation = evaluate(scenario, month, {volumeScale, false});
    ForecastMonth row;
    row.month = month;
    row.grossUsd = evaluation.grossUsd;
    row.discountUsd = evaluation.discountUsd;
    row.netUsd = evaluation.netUsd;
    row.commitRetiredUsd = evaluation.commitRetiredUsd;
    row.byMode = evaluation.byMode;
    row.grossModes = evaluation.grossModes;
    if (fan) {
      // Cost is linear in volume but for commitments, so the curve machinery
      // prices the three quantiles from one pass over the month's traffic.
      const double p10 = *settings.volumeP10, p90 = *settings.volumeP90;
      const double base = volumeScale * scenario.globalVolumeMultiplier;
      const auto points =
          volumeCurveAt(scenario, month, {base * p10, base * std::sqrt(p10 * p90), base * p90});
      row.netP10Usd = points[0].withCommitmentsUsd;
      row.netP50Usd = points[1].withCommitmentsUsd;
      row.netP90Usd = points[2].withCommitmentsUsd;
    }
    result.commitRetiredUsd += row.commitRetiredUsd;
    result.months.push_back(row);
  }
  if (scenario.agreement && scenario.agreement->annualCommitUsd >= 1)
    result.commitRetiredShare = result.commitRetiredUsd / scenario.agreement->annualCommitUsd;
  return result;
}

} // namespace bwi::core
