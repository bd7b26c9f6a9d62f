#pragma once

#include "core/cost/evaluation.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

// The monthly forecast of docs/cost-model.md §8. USD per month.
namespace bwi::core {

struct ForecastMonth {
  int month = 0;
  std::optional<std::string> calendarMonth; // YYYY-MM, with a calendar (docs/cost-model.md §13)
  double grossUsd = 0;
  double discountUsd = 0;
  double netUsd = 0;
  double commitRetiredUsd = 0;
  ModeCosts byMode;
  ModeBreakdown grossModes;        // byMode with overflow apart, as the charts stack it
  std::vector<UnitCost> unitCosts; // each workload that names a unit, its cost per unit this month
  // Requests this month on models without a price: in no total (docs/cost-model.md §21).
  double unpricedRequests = 0;
  // Net cost's p10, median and p90 over the uncertain levers. With the volume
  // the only one, exact: the cost at the multiplier's quantiles, since net
  // cost never falls as volume rises. With others, Monte Carlo quantiles.
  std::optional<double> netP10Usd;
  std::optional<double> netP50Usd;
  std::optional<double> netP90Usd;
  // P(net > forecast.budget_usd), when the scenario gives a budget.
  std::optional<double> overBudgetProbability;
};

enum class FanMethod { None, Exact, MonteCarlo };

// A commitment that is still charged after its model's end of life: the
// risk the commitment calendar shows (docs/cost-model.md §13.2).
struct CommitmentRisk {
  std::string modelId;
  bool reserved = false; // a Reserved-tier reservation, else a PT commitment
  std::string endOfLife; // YYYY-MM
  std::string successor;
  std::vector<int> idleMonths; // forecast months it is charged with its model retired
  std::vector<std::string> idleCalendarMonths;
  double idleCostUsd = 0; // its charge over those months, gross (as cost_usd)
};

struct Forecast {
  std::vector<ForecastMonth> months;
  double commitRetiredUsd = 0; // over the forecast
  // Share of the annual commit the forecast retires, when there is one.
  std::optional<double> commitRetiredShare;
  FanMethod fanMethod = FanMethod::None;
  int trials = 0; // Monte Carlo only
  std::uint64_t seed = 0;
  std::optional<double> budgetUsd;
  // The first month whose net cost exceeds the budget with probability >= 1/2.
  std::optional<int> firstLikelyOverBudgetMonth;
  std::vector<CalendarEvent> events; // price changes and ends of life in the forecast
  std::vector<CommitmentRisk> commitmentRisks;
};

struct ForecastOptions {
  // Whether to run Monte Carlo when levers other than volume are uncertain;
  // false leaves the fan out (the GUI computes it off its thread).
  bool monteCarlo = true;
  int threads = 0; // 0: the machine's cores
  const std::atomic<bool> *cancel = nullptr;
};

// `volumeScale` is the global volume slider; the quantiles multiply it.
// With Monte Carlo cancelled the fan is left out.
Forecast forecast(const PreparedScenario &scenario, double volumeScale = 1.0,
                  const ForecastOptions &options = {});

// The Monte Carlo fan alone (netP10/P50/P90 and the budget), written into
// `forecast`'s months; false when cancelled.
bool addMonteCarloFan(Forecast &forecast, const PreparedScenario &scenario, double volumeScale,
                      const ForecastOptions &options);

// Whether every figure of a month is a finite number (growth compounding over
// many months can overflow a double); a month that is not must not reach a
// chart, a table or an export.
bool allFinite(const ForecastMonth &month);
bool allFinite(const Forecast &forecast);

} // namespace bwi::core
