#include "core/analysis/keyfigures.h"

#include <algorithm>

namespace bwi::core {

KeyFigures keyFiguresOf(const Evaluation &evaluation, const Forecast &forecast,
                        const PreparedScenario &scenario, std::optional<double> baselineNetUsd) {
  KeyFigures figures;
  figures.netUsd = evaluation.netUsd;
  if (baselineNetUsd) {
    figures.changeUsd = evaluation.netUsd - *baselineNetUsd;
    if (*baselineNetUsd > 0)
      figures.changeShare = *figures.changeUsd / *baselineNetUsd;
  }
  // Cost over priced volume only: traffic on a model without a price would
  // understate every figure per request or per token (docs/cost-model.md §21).
  const double requests = evaluation.pricedRequests();
  if (requests > 0)
    figures.netPer1kRequestsUsd = evaluation.netUsd / requests * 1000;
  const double tokens = evaluation.pricedTokens();
  if (tokens > 0)
    figures.blendedPer1mTokensUsd = evaluation.netUsd / tokens * 1e6;
  double usedUnitHours = 0, unitHours = 0;
  for (const ProvisionedResult &pt : evaluation.provisioned) {
    usedUnitHours += pt.utilization * pt.modelUnits;
    unitHours += pt.modelUnits;
  }
  if (unitHours > 0)
    figures.ptUtilization = usedUnitHours / unitHours;
  if (scenario.agreement && scenario.agreement->annualCommitUsd >= 1) {
    double retired = 0;
    const std::size_t months = std::min<std::size_t>(12, forecast.months.size());
    for (std::size_t month = 0; month < months; ++month)
      retired += forecast.months[month].commitRetiredUsd;
    figures.commitRetiredShare = retired / scenario.agreement->annualCommitUsd;
  }
  return figures;
}

} // namespace bwi::core
