#include "core/report/meetingsummary.h"

#include "core/common/moneyformat.h"

#include <algorithm>
#include <cstdio>

namespace bwi::core {
namespace {

std::vector<NamedCost> top(std::vector<NamedCost> costs, std::size_t count) {
  std::stable_sort(costs.begin(), costs.end(),
                   [](const NamedCost &a, const NamedCost &b) { return a.usd > b.usd; });
  if (costs.size() > count)
    costs.resize(count);
  return costs;
}

std::string multiplier(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f×", x);
  return buffer;
}

// Commit to the measured floor and leave the variance on demand (docs/cost-model.md §5).
std::string advise(const CommitmentAdvice &advice, const ForecastSettings &forecast) {
  std::string text;
  const std::string floor = std::to_string(advice.floorUnits) + " MU";
  const std::string optimum = std::to_string(advice.optimalUnits) + " MU";
  if (!advice.currentUnits) {
    text = advice.floorUnits > 0 ? "Measured floor " + floor + ", optimum " + optimum +
                                       ": commit to the floor once 90 days of load confirm it."
                                 : "The load has no floor (it drops to zero): stay on demand.";
  } else {
    const long long current = *advice.currentUnits;
    if (current > advice.optimalUnits)
      text = "Over-committed: " + std::to_string(current) + " MU against an optimum of " + optimum +
             " (utilization " + formatPercent(advice.utilization.value_or(0)) +
             "); reduce at renewal.";
    else if (current < advice.floorUnits)
      text = "Under the measured floor of " + floor + ": room to commit more (optimum " + optimum +
             ").";
    else
      text = "Holds: " + std::to_string(current) + " MU sits between the floor (" + floor +
             ") and the optimum (" + optimum + ").";
    if (advice.breakEvenVolumeMultiplier && forecast.volumeP10 &&
        *advice.breakEvenVolumeMultiplier > *forecast.volumeP10)
      text += " It pays only above " + multiplier(*advice.breakEvenVolumeMultiplier) +
              " volume; at the forecast's p10 (" + multiplier(*forecast.volumeP10) +
              ") it costs more than on demand.";
  }
  return text;
}

// The planner's recommendation for the model, and the month's optimum when
// it differs: the planner weighs the forecast's months and uncertainty, the
// month's sizing that month's load alone.
std::string planAdvice(const ModelPlan &planned, const CommitmentAdvice &advice) {
  std::string text = planned.reason;
  if (!planned.recommendedChoice)
    return text;
  const PlanChoice &choice = planned.choices[*planned.recommendedChoice];
  const long long units = choice.term ? choice.modelUnits : 0;
  if (units != advice.optimalUnits)
    text += " This month's load alone would be cheapest at " + std::to_string(advice.optimalUnits) +
            " MU (the commitment explorer's optimum); the planner weighs the next " +
            std::to_string(kPlanMonths) +
            " months of growth and the forecast's uncertainty, hence " + std::to_string(units) +
            " MU.";
  return text;
}

} // namespace

MeetingSummary meetingSummary(const ForecastSettings &settings, const Evaluation &month0,
                              const Forecast &forecast, const CommitmentPlan *plan) {
  MeetingSummary summary;
  summary.monthlyGrossUsd = month0.grossUsd;
  summary.monthlyNetUsd = month0.netUsd;
  summary.monthlyDiscountUsd = month0.discountUsd;
  summary.modes = month0.grossModes;
  summary.annualMonths = static_cast<int>(std::min<std::size_t>(12, forecast.months.size()));
  bool fan = true;
  double p10 = 0, p90 = 0;
  for (int month = 0; month < summary.annualMonths; ++month) {
    const ForecastMonth &row = forecast.months[static_cast<std::size_t>(month)];
    summary.annualNetUsd += row.netUsd;
    fan = fan && row.netP10Usd && row.netP90Usd;
    p10 += row.netP10Usd.value_or(0);
    p90 += row.netP90Usd.value_or(0);
  }
  if (fan && summary.annualMonths > 0) {
    summary.annualNetP10Usd = p10;
    summary.annualNetP90Usd = p90;
  }
  summary.topModels = top(month0.byModel, 5);
  summary.topWorkloads = top(month0.byWorkload, 5);

  for (const SizingResult &sizing : month0.sizing) {
    CommitmentAdvice advice;
    advice.modelId = sizing.modelId;
    advice.floorUnits = sizing.floorModelUnits;
    advice.optimalUnits = sizing.optimalModelUnits;
    for (const ProvisionedResult &pt : month0.provisioned)
      if (pt.modelId == sizing.modelId) {
        advice.currentUnits = pt.modelUnits;
        advice.utilization = pt.utilization;
        advice.breakEvenUtilization = pt.breakEvenUtilization;
        advice.breakEvenVolumeMultiplier = pt.breakEvenVolumeMultiplier;
      }
    const ModelPlan *planned = nullptr;
    if (plan)
      for (const ModelPlan &model : plan->models)
        if (model.modelId == sizing.modelId && model.priced)
          planned = &model;
    advice.advice = planned ? planAdvice(*planned, advice) : advise(advice, settings);
    summary.commitments.push_back(std::move(advice));
  }
  return summary;
}

} // namespace bwi::core
