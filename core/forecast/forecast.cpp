#include "core/forecast/forecast.h"

#include "core/cost/curves.h"
#include "core/cost/monthtotals.h"
#include "core/forecast/montecarlo.h"
#include "core/forecast/uncertainty.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

// The absolute volume scale at which a month's net cost reaches `budgetUsd`
// (net cost never falls as volume rises); 0 when even no traffic exceeds
// it, infinity when no volume does.
double budgetVolumeScale(const PreparedScenario &scenario, int month, double budgetUsd) {
  const auto net = [&](double scale) { return monthTotals(scenario, month, scale).netUsd; };
  if (net(0) > budgetUsd)
    return 0;
  double low = 0, high = 1;
  while (net(high) <= budgetUsd) {
    low = high;
    high *= 2;
    if (high > 1e12)
      return INFINITY;
  }
  for (int step = 0; step < 200 && high - low > 1e-12 * high; ++step) {
    const double middle = (low + high) / 2;
    (net(middle) > budgetUsd ? high : low) = middle;
  }
  return high;
}

// Each commitment's charge in the months its model has retired: idle, with
// its traffic moved to the successor.
void addCommitmentRisks(Forecast &result, const PreparedSegment &segment, int month,
                        const std::optional<std::string> &calendarMonth,
                        const Evaluation &evaluation) {
  const auto record = [&](const std::string &modelId, bool reserved, double costUsd) {
    const auto model = std::find_if(segment.models.begin(), segment.models.end(),
                                    [&](const PreparedModel &m) { return m.rates.id == modelId; });
    if (model == segment.models.end() || !model->retired)
      return;
    auto risk = std::find_if(result.commitmentRisks.begin(), result.commitmentRisks.end(),
                             [&](const CommitmentRisk &r) { return r.modelId == modelId; });
    if (risk == result.commitmentRisks.end()) {
      result.commitmentRisks.push_back(
          {modelId, reserved, model->rates.endOfLife, model->rates.successor, {}, {}, 0});
      risk = std::prev(result.commitmentRisks.end());
    }
    risk->idleMonths.push_back(month);
    risk->idleCalendarMonths.push_back(calendarMonth.value_or(""));
    risk->idleCostUsd += costUsd;
  };
  for (const ProvisionedResult &pt : evaluation.provisioned)
    record(pt.modelId, false, pt.costUsd);
  for (const ReservedResult &reserved : evaluation.reserved)
    record(reserved.modelId, true, reserved.costUsd);
}

void markFirstOverBudget(Forecast &result) {
  for (const ForecastMonth &row : result.months)
    if (row.overBudgetProbability && *row.overBudgetProbability >= 0.5) {
      result.firstLikelyOverBudgetMonth = row.month;
      return;
    }
}

void addExactFan(Forecast &result, const PreparedScenario &scenario, double volumeScale) {
  const ForecastSettings &settings = scenario.forecast;
  const LeverDistributions distributions = leverDistributions(settings);
  for (ForecastMonth &row : result.months) {
    if (distributions.volume) {
      // Cost is linear in volume but for commitments, so the curve machinery
      // prices the three quantiles from one pass over the month's traffic.
      const double p10 = *settings.volumeP10, p90 = *settings.volumeP90;
      const double base = volumeScale * scenario.globalVolumeMultiplier;
      const auto points =
          volumeCurveAt(scenario, row.month, {base * p10, base * std::sqrt(p10 * p90), base * p90});
      row.netP10Usd = points[0].withCommitmentsUsd;
      row.netP50Usd = points[1].withCommitmentsUsd;
      row.netP90Usd = points[2].withCommitmentsUsd;
      result.fanMethod = FanMethod::Exact;
    }
    if (settings.budgetUsd) {
      // P(net > budget) = P(volume > the volume that spends the budget).
      const double threshold = budgetVolumeScale(scenario, row.month, *settings.budgetUsd);
      const double perUnit = volumeScale; // drawn volume → relative scale
      if (distributions.volume)
        row.overBudgetProbability =
            threshold <= 0 ? 1.0 : 1.0 - distributions.volume->cdf(threshold / perUnit);
      else
        row.overBudgetProbability = row.netUsd > *settings.budgetUsd ? 1.0 : 0.0;
    }
  }
}

} // namespace

bool addMonteCarloFan(Forecast &result, const PreparedScenario &scenario, double volumeScale,
                      const ForecastOptions &options) {
  const ForecastSettings &settings = scenario.forecast;
  MonteCarloOptions run;
  run.trials = settings.trialCount();
  run.seed = settings.seedValue();
  run.volumeScale = volumeScale;
  run.threads = options.threads;
  run.cancel = options.cancel;
  auto net = sampleMonthlyNet(scenario, leverDistributions(settings), run);
  if (!net)
    return false;
  for (ForecastMonth &row : result.months) {
    std::vector<double> &values = (*net)[static_cast<std::size_t>(row.month)];
    std::sort(values.begin(), values.end());
    row.netP10Usd = sortedQuantile(values, 0.1);
    row.netP50Usd = sortedQuantile(values, 0.5);
    row.netP90Usd = sortedQuantile(values, 0.9);
    if (settings.budgetUsd) {
      const auto over =
          values.end() - std::upper_bound(values.begin(), values.end(), *settings.budgetUsd);
      row.overBudgetProbability = static_cast<double>(over) / static_cast<double>(values.size());
    }
  }
  result.fanMethod = FanMethod::MonteCarlo;
  result.trials = run.trials;
  result.seed = run.seed;
  result.firstLikelyOverBudgetMonth.reset();
  markFirstOverBudget(result);
  return true;
}

Forecast forecast(const PreparedScenario &scenario, double volumeScale,
                  const ForecastOptions &options) {
  Forecast result;
  const ForecastSettings &settings = scenario.forecast;
  result.budgetUsd = settings.budgetUsd;
  for (int month = 0; month < settings.months; ++month) {
    const Evaluation evaluation = evaluate(scenario, month, {volumeScale, false});
    ForecastMonth row;
    row.month = month;
    row.calendarMonth = evaluation.calendarMonth;
    row.grossUsd = evaluation.grossUsd;
    row.discountUsd = evaluation.discountUsd;
    row.netUsd = evaluation.netUsd;
    row.commitRetiredUsd = evaluation.commitRetiredUsd;
    row.byMode = evaluation.byMode;
    row.grossModes = evaluation.grossModes;
    row.unitCosts = evaluation.unitCosts;
    for (const UnpricedFlow &flow : evaluation.unpriced)
      row.unpricedRequests += flow.requests;
    result.commitRetiredUsd += row.commitRetiredUsd;
    if (scenario.startMonth)
      addCommitmentRisks(result, scenario.segment(month), month, row.calendarMonth, evaluation);
    result.months.push_back(row);
  }
  result.events = scenario.events;
  if (scenario.agreement && scenario.agreement->annualCommitUsd >= 1)
    result.commitRetiredShare = result.commitRetiredUsd / scenario.agreement->annualCommitUsd;

  if (!settings.uncertainty.any()) {
    addExactFan(result, scenario, volumeScale);
    markFirstOverBudget(result);
  } else if (options.monteCarlo) {
    addMonteCarloFan(result, scenario, volumeScale, options);
  }
  return result;
}

bool allFinite(const ForecastMonth &month) {
  const auto finite = [](double value) { return std::isfinite(value); };
  const auto finiteIfAny = [](const std::optional<double> &value) {
    return !value || std::isfinite(*value);
  };
  for (const UnitCost &unit : month.unitCosts)
    if (!finite(unit.units) || !finite(unit.costUsd) || !finiteIfAny(unit.costPerUnitUsd))
      return false;
  return finite(month.grossUsd) && finite(month.discountUsd) && finite(month.netUsd) &&
         finite(month.commitRetiredUsd) && finite(month.grossModes.total()) &&
         finite(month.byMode.total()) && finiteIfAny(month.netP10Usd) &&
         finiteIfAny(month.netP50Usd) && finiteIfAny(month.netP90Usd) &&
         finiteIfAny(month.overBudgetProbability);
}

bool allFinite(const Forecast &forecast) {
  return std::all_of(forecast.months.begin(), forecast.months.end(),
                     [](const ForecastMonth &month) { return allFinite(month); }) &&
         std::isfinite(forecast.commitRetiredUsd) &&
         (!forecast.commitRetiredShare || std::isfinite(*forecast.commitRetiredShare));
}

} // namespace bwi::core
