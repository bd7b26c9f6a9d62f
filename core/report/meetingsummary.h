#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/cost/evaluation.h"
#include "core/forecast/forecast.h"

#include <optional>
#include <string>
#include <vector>

// The one-page summary of the meeting pack: what the estate costs, where
// the money goes, and what to do about each commitment. USD.
namespace bwi::core {

struct CommitmentAdvice {
  std::string modelId;
  std::optional<int> currentUnits; // nullopt: no PT commitment today
  long long floorUnits = 0;
  long long optimalUnits = 0;
  std::optional<double> utilization;
  std::optional<double> breakEvenUtilization;
  std::optional<double> breakEvenVolumeMultiplier;
  std::string advice; // one or two sentences
};

struct MeetingSummary {
  double monthlyGrossUsd = 0;
  double monthlyNetUsd = 0;
  double monthlyDiscountUsd = 0;
  double annualNetUsd = 0; // the forecast's first 12 months (or all, if fewer)
  int annualMonths = 0;
  std::optional<double> annualNetP10Usd;
  std::optional<double> annualNetP90Usd;
  std::vector<NamedCost> topModels;    // by gross, at most 5
  std::vector<NamedCost> topWorkloads; // by gross, at most 5
  ModeBreakdown modes;                 // gross
  std::vector<CommitmentAdvice> commitments;
};

// With the commitment planner's plan, a model the plan prices gets the
// planner's recommendation (the one the Ranges tab and `plan` give), and the
// month's optimum beside it when the two differ, with why: one
// recommendation, not two. Without it, the month's sizing alone.
MeetingSummary meetingSummary(const ForecastSettings &settings, const Evaluation &month0,
                              const Forecast &forecast, const CommitmentPlan *plan = nullptr);

} // namespace bwi::core
