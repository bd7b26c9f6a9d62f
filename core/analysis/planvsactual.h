#pragma once

#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"
#include "core/model/actualspend.h"

#include <optional>
#include <string>
#include <vector>

// Plan against actual (docs/cost-model.md §17): each
// month of a bill beside the scenario's month it plans, the variance split
// into volume, price, mix and commitment/other effects that add up to it,
// the bill's month-over-month movers, and the budget's run-out month.
// Money in USD per month, gross (before discounts) unless stated; tokens per
// month.
namespace bwi::core {

enum class PlanGrouping { Model, Team };

struct PlanVsActualOptions {
  // The bill month of the plan's month 0, YYYY-MM; empty: the bill's first month.
  std::string planStart;
  // The month the movers and the text are about; empty: the bill's latest.
  std::string month;
  PlanGrouping by = PlanGrouping::Model;
  // The scenario's forecast when the caller has it already (the window's
  // workbench), so the budget's run-out does not cost it again; else computed.
  const Forecast *forecast = nullptr;
};

// The variance's parts; volume + price + mix + commitment == actual − plan.
struct VarianceEffects {
  double volumeUsd = 0;
  double priceUsd = 0;
  double mixUsd = 0;
  double commitmentUsd = 0; // commitments and rows billed otherwise than per token
  double totalUsd() const { return volumeUsd + priceUsd + mixUsd + commitmentUsd; }
};

// One model, or one team (the plan's workload team, the bill's key).
struct PlanVsActualRow {
  std::string key;
  double planUsd = 0;
  double actualUsd = 0;
  double planTokens = 0; // tokens billed per token
  double actualTokens = 0;
  VarianceEffects effects; // this row's share of the month's effects
  double varianceUsd() const { return actualUsd - planUsd; }
};

struct PlanVsActualMonth {
  std::string month; // YYYY-MM
  int planMonth = 0; // the scenario's month index (0 = first)
  double planUsd = 0;
  double actualUsd = 0;
  double planTokens = 0;
  double actualTokens = 0;
  VarianceEffects effects;
  std::vector<PlanVsActualRow> rows; // the plan's order, then the bill's other keys
  double varianceUsd() const { return actualUsd - planUsd; }
};

struct Mover {
  std::string key;
  double fromUsd = 0; // the month before
  double toUsd = 0;
  std::optional<double> changeShare; // (to − from) / from; none when from is 0
  double changeUsd() const { return toUsd - fromUsd; }
};

struct BudgetPoint {
  std::string month;
  bool actual = false; // the bill's month (net of its share of discounts), else the forecast
  double spendUsd = 0; // net
  double cumulativeUsd = 0;
  double budgetCumulativeUsd = 0; // the monthly budget × months so far
};

struct BudgetRunOut {
  double monthlyBudgetUsd = 0;
  double horizonBudgetUsd = 0; // the monthly budget × the forecast's months
  std::vector<BudgetPoint> points;
  std::optional<std::string> runOutMonth; // cumulative spend first above horizonBudgetUsd
  std::optional<int> runOutIndex;         // the same as an index into points
};

struct PlanVsActual {
  std::string planStart;
  PlanGrouping by = PlanGrouping::Model;
  std::vector<PlanVsActualMonth> months; // every bill month from the plan's start, in order
  int selected = 0;                      // index into months
  std::string moversFrom;                // the month before the selected one; empty: none billed
  std::vector<Mover> movers;             // at most three, largest absolute change first
  std::optional<BudgetRunOut> budget;
  std::vector<std::string> notes; // bill months left out (before the plan's start)
};

struct PlanVsActualResult {
  std::optional<PlanVsActual> value;
  std::string error; // why not, in a sentence
};

// The number of movers shown.
inline constexpr int kTopMovers = 3;

PlanVsActualResult planVsActual(const PreparedScenario &scenario, const ActualSpend &actual,
                                const PlanVsActualOptions &options);

// The movers rule of docs/cost-model.md §17 on any list of keys with their
// month before (fromUsd) and month (toUsd): no change, no mover; the
// kTopMovers largest absolute changes, alphabetical on a tie; changeShare set.
std::vector<Mover> rankMovers(std::vector<Mover> movers);

// The budget's run-out with no bill: every month the forecast's net
// (docs/cost-model.md §17). `planStart` names the months (YYYY-MM) when the
// scenario has a calendar; without one they are "month N", N from 0.
BudgetRunOut budgetRunOut(const Forecast &forecast, std::optional<int> planStart,
                          double monthlyBudgetUsd);

} // namespace bwi::core
