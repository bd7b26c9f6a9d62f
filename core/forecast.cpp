#include "forecast.h"

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
    if (fan) {
      const double p10 = *settings.volumeP10, p90 = *settings.volumeP90;
      row.netP10Usd = netCostUsd(scenario, month, volumeScale * p10);
      row.netP50Usd = netCostUsd(scenario, month, volumeScale * std::sqrt(p10 * p90));
      row.netP90Usd = netCostUsd(scenario, month, volumeScale * p90);
    }
    result.commitRetiredUsd += row.commitRetiredUsd;
    result.months.push_back(row);
  }
  if (scenario.agreement && scenario.agreement->annualCommitUsd > 0)
    result.commitRetiredShare = result.commitRetiredUsd / scenario.agreement->annualCommitUsd;
  return result;
}

} // namespace bwi::core
