#include "core/analysis/tornado.h"

#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

double netAt(const Scenario &scenario, const RateCard &card, int month) {
  return monthTotals(prepareScenario(scenario, card), month).netUsd;
}

} // namespace

std::pair<double, double> leverSpan(const Scenario &scenario, ScaledLever lever,
                                    const LeverRange &range) {
  const double value = leverValue(scenario, lever);
  if (lever == ScaledLever::PtUnits) {
    if (value <= 0)
      return {0, 0};
    const double low = std::max(0.0, std::min(std::round(value * (1 + range.low)), value - 1));
    const double high = std::max(std::round(value * (1 + range.high)), value + 1);
    return {low, high};
  }
  double low = value * (1 + range.low), high = value * (1 + range.high);
  if (lever == ScaledLever::Discount) {
    low = std::clamp(low, 0.0, 0.5);
    high = std::clamp(high, 0.0, 0.5);
  }
  return {std::max(0.0, low), std::max(0.0, high)};
}

Tornado tornado(const Scenario &scenario, const RateCard &card, const TornadoOptions &options) {
  Tornado result;
  result.month = options.month;
  result.baseUsd = netAt(scenario, card, options.month);
  const double share =
      options.range.value_or(scenario.forecast.sensitivityRange.value_or(kDefaultSensitivityRange));
  for (ScaledLever lever : kAllLevers) {
    LeverRange range{-share, share};
    if (const auto found = options.overrides.find(lever); found != options.overrides.end())
      range = found->second;
    const auto [low, high] = leverSpan(scenario, lever, range);
    TornadoBar bar;
    bar.lever = lever;
    bar.range = range;
    bar.lowValue = low;
    bar.highValue = high;
    bar.lowUsd = netAt(withLever(scenario, card, lever, low), card, options.month);
    bar.highUsd = netAt(withLever(scenario, card, lever, high), card, options.month);
    result.bars.push_back(bar);
  }
  std::stable_sort(
      result.bars.begin(), result.bars.end(),
      [](const TornadoBar &a, const TornadoBar &b) { return a.swingUsd() > b.swingUsd(); });
  return result;
}

} // namespace bwi::core
