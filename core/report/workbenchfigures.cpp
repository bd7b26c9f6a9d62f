#include "core/report/workbenchfigures.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

std::vector<std::string> committableModels(const Evaluation &evaluation) {
  std::vector<std::string> ids;
  for (const ProvisionedResult &pt : evaluation.provisioned)
    ids.push_back(pt.modelId);
  for (const ReservedResult &reserved : evaluation.reserved)
    ids.push_back(reserved.modelId);
  for (const SizingResult &sizing : evaluation.sizing)
    if (std::find(ids.begin(), ids.end(), sizing.modelId) == ids.end())
      ids.push_back(sizing.modelId);
  return ids;
}

} // namespace

std::vector<UnitCostSeries> unitCostSeries(const Forecast &forecast) {
  std::vector<UnitCostSeries> series;
  if (forecast.months.empty())
    return series;
  for (const UnitCost &first : forecast.months.front().unitCosts) {
    UnitCostSeries line;
    line.workloadId = first.workloadId;
    line.unit = first.unit;
    line.targetUsd = first.targetUsd;
    line.tolerance = first.tolerance;
    line.bandLowUsd = first.bandLowUsd;
    line.bandHighUsd = first.bandHighUsd;
    series.push_back(std::move(line));
  }
  // Every month lists the same workloads in the same order.
  for (const ForecastMonth &month : forecast.months)
    for (std::size_t i = 0; i < series.size() && i < month.unitCosts.size(); ++i)
      series[i].costPerUnitUsd.push_back(month.unitCosts[i].costPerUnitUsd);
  return series;
}

WorkbenchFigures computeWorkbenchFigures(const PreparedScenario &scenario,
                                         const WorkbenchSelection &selection,
                                         std::optional<double> baselineNetUsd) {
  WorkbenchFigures view;
  view.evaluation = evaluate(scenario, selection.month);
  // Monte Carlo (when levers beside volume are uncertain) takes a few hundred
  // milliseconds: the caller runs it off the GUI thread (addMonteCarloFan).
  ForecastOptions options;
  options.monteCarlo = false;
  view.forecast = forecast(scenario, 1.0, options);
  view.figures = keyFiguresOf(view.evaluation, view.forecast, scenario, baselineNetUsd);
  view.unitCosts = unitCostSeries(view.forecast);
  view.commitmentCalendar = commitmentCalendar(scenario, view.forecast);
  view.currentMultiplier = scenario.globalVolumeMultiplier;
  const VolumeCurveOptions range;
  view.volumeCurve = volumeCurve(scenario, selection.month, range);

  std::vector<double> crossings;
  for (const ProvisionedResult &pt : view.evaluation.provisioned)
    if (pt.breakEvenVolumeMultiplier && *pt.breakEvenVolumeMultiplier >= range.minMultiplier &&
        *pt.breakEvenVolumeMultiplier <= range.maxMultiplier) {
      view.breakEvens.push_back({pt.modelId, *pt.breakEvenVolumeMultiplier, 0});
      crossings.push_back(*pt.breakEvenVolumeMultiplier);
    }
  if (!crossings.empty()) {
    const auto points = volumeCurveAt(scenario, selection.month, crossings);
    for (std::size_t i = 0; i < points.size(); ++i)
      view.breakEvens[i].netUsd = points[i].withCommitmentsUsd;
  }

  view.committableModels = committableModels(view.evaluation);
  view.selectedModelId = selection.modelId;
  if (std::find(view.committableModels.begin(), view.committableModels.end(),
                view.selectedModelId) == view.committableModels.end())
    view.selectedModelId = view.committableModels.empty() ? "" : view.committableModels.front();
  if (!view.selectedModelId.empty()) {
    view.unitsCurve = unitsCurve(scenario, selection.month, view.selectedModelId);
    view.reservedCurve = reservedCurve(scenario, selection.month, view.selectedModelId);
    view.load = loadProfile(scenario, selection.month, view.selectedModelId);
  }
  return view;
}

bool allFinite(const WorkbenchFigures &workbench) {
  const auto finite = [](double value) { return std::isfinite(value); };
  const auto finiteIfAny = [](const std::optional<double> &value) {
    return !value || std::isfinite(*value);
  };
  const KeyFigures &figures = workbench.figures;
  bool ok = allFinite(workbench.evaluation) && allFinite(workbench.forecast) &&
            finite(figures.netUsd) && finiteIfAny(figures.changeUsd) &&
            finiteIfAny(figures.changeShare) && finiteIfAny(figures.netPer1kRequestsUsd) &&
            finiteIfAny(figures.blendedPer1mTokensUsd) && finiteIfAny(figures.ptUtilization) &&
            finiteIfAny(figures.commitRetiredShare) && finite(workbench.currentMultiplier);
  for (const VolumeCurvePoint &point : workbench.volumeCurve)
    ok = ok && finite(point.multiplier) && finite(point.onDemandOnlyUsd) &&
         finite(point.withCommitmentsUsd) && finite(point.withOptimalUsd);
  for (const BreakEvenMarker &marker : workbench.breakEvens)
    ok = ok && finite(marker.multiplier) && finite(marker.netUsd);
  if (const auto &curve = workbench.unitsCurve) {
    ok = ok && finite(curve->ratePerMuHour) && finiteIfAny(curve->breakEvenUtilization);
    for (const UnitsCurvePoint &point : curve->points)
      ok = ok && finite(point.costUsd);
  }
  if (const auto &curve = workbench.reservedCurve) {
    ok = ok && finite(curve->outputTpm) && finite(curve->floorInputTpm) &&
         finite(curve->optimalInputTpm) && finiteIfAny(curve->currentInputTpm) &&
         finite(curve->floorCostUsd) && finite(curve->optimalCostUsd) &&
         finiteIfAny(curve->currentCostUsd) && finiteIfAny(curve->utilizationInput);
    for (const ReservedCurvePoint &point : curve->points)
      ok = ok && finite(point.inputTpm) && finite(point.costUsd);
  }
  for (const UnitCostSeries &series : workbench.unitCosts)
    for (const auto &value : series.costPerUnitUsd)
      ok = ok && finiteIfAny(value);
  if (const auto &load = workbench.load) {
    ok = ok && finiteIfAny(load->committed) && finite(load->floor) && finite(load->optimal);
    for (double demand : load->demand)
      ok = ok && finite(demand);
  }
  return ok;
}

} // namespace bwi::core
