// The whole way from a file to the figures a user sees: load, prepare,
// the workbench (evaluation, curves, forecast: what the window shows), the
// Monte Carlo fan, the optimizer's proposal and the comparison with its lever
// attribution. No input may crash, hang or give a figure that is not a
// finite number without saying so: month 0 of a valid scenario is always
// finite (the limits of docs/limits.md see to it); a later month may
// overflow, which core reports through allFinite and the callers refuse.
#include "tests/fuzz/fuzzcheck.h"

#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"
#include "core/report/workbenchfigures.h"

#include <algorithm>
#include <cmath>

using namespace bwi::core;

namespace {

bool finite(double value) { return std::isfinite(value); }
bool finite(const std::optional<double> &value) { return !value || std::isfinite(*value); }

// Monte Carlo work grows with trials × months × flows; a file may ask for a
// million trials, which is a long computation, not a defect. The target
// keeps each input under libFuzzer's time limit by skipping larger fans.
constexpr double kMaxFanWork = 2e6;

void checkWorkbench(const PreparedScenario &prepared) {
  const WorkbenchFigures workbench = computeWorkbenchFigures(prepared, {0, ""}, std::nullopt);
  BWI_FUZZ_CHECK(allFinite(workbench.evaluation));
  BWI_FUZZ_CHECK(allFinite(workbench));
}

void checkForecast(const PreparedScenario &prepared) {
  const double work = static_cast<double>(prepared.forecast.trialCount()) *
                      prepared.forecast.months *
                      std::max<std::size_t>(1, prepared.segment(0).flows.size());
  ForecastOptions options;
  options.threads = 1;
  options.monteCarlo = work <= kMaxFanWork;
  const Forecast result = forecast(prepared, 1.0, options);
  BWI_FUZZ_CHECK(static_cast<int>(result.months.size()) == prepared.forecast.months);
  for (const ForecastMonth &month : result.months) {
    // A month that overflows is refused as a whole by allFinite; it must
    // never be half finite, half NaN in a way the check would miss.
    if (!allFinite(month))
      continue;
    BWI_FUZZ_CHECK(finite(month.netP10Usd) && finite(month.netP50Usd) && finite(month.netP90Usd));
    BWI_FUZZ_CHECK(!month.overBudgetProbability ||
                   (*month.overBudgetProbability >= 0 && *month.overBudgetProbability <= 1));
  }
}

void checkComparison(const LoadedScenario &loaded) {
  const OptimizedProposal proposal = proposeOptimized(loaded.scenario, loaded.card, 0);
  const std::vector<ComparisonInput> inputs{{"baseline", loaded.scenario, loaded.card},
                                            {"optimized", proposal.scenario, loaded.card}};
  const Comparison comparison = compareScenarios(inputs, 0);
  for (const FigureRow &row : comparison.rows)
    for (const auto &value : row.values)
      BWI_FUZZ_CHECK(finite(value));
  for (const LeverAttribution &attribution : comparison.attributions) {
    BWI_FUZZ_CHECK(finite(attribution.baselineNetUsd) && finite(attribution.comparedNetUsd));
    double sum = 0;
    for (const LeverBar &bar : attribution.bars) {
      BWI_FUZZ_CHECK(finite(bar.deltaUsd));
      sum += bar.deltaUsd;
    }
    // The bars telescope to the difference (rounding aside).
    const double scale =
        std::max({1.0, std::abs(attribution.baselineNetUsd), std::abs(attribution.comparedNetUsd)});
    BWI_FUZZ_CHECK(std::abs(sum - attribution.differenceUsd()) <= 1e-9 * scale);
  }
  // The optimizer pulls levers that never raise the month's cost.
  BWI_FUZZ_CHECK(comparison.attributions.size() == 1);
  const LeverAttribution &attribution = comparison.attributions.front();
  BWI_FUZZ_CHECK(attribution.comparedNetUsd <=
                 attribution.baselineNetUsd + 1e-9 * std::max(1.0, attribution.baselineNetUsd));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  const ScenarioLoadResult load =
      loadScenarioText(bwi::fuzz::asText(data, size), "/nonexistent-fuzz-dir", "fuzz.json");
  if (!load.loaded)
    return 0;
  const PreparedScenario prepared = prepareScenario(load.loaded->scenario, load.loaded->card);
  const Evaluation month0 = evaluate(prepared, 0);
  BWI_FUZZ_CHECK(allFinite(month0));
  BWI_FUZZ_CHECK(month0.netUsd <= month0.grossUsd && month0.netUsd >= 0);
  checkWorkbench(prepared);
  checkForecast(prepared);
  checkComparison(*load.loaded);
  return 0;
}
