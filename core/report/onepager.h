#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/keyfigures.h"
#include "core/analysis/planvsactual.h"
#include "core/common/jsonreader.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"

#include <optional>
#include <string>
#include <vector>

// The meeting pack's first page, the one a board reads (docs/meeting-pack.md):
// the decision asked for, spend against the budget, cost per unit against
// its target, the top three movers and the headline. Money in USD per month
// unless a name says otherwise; months counted from 0 (the forecast's first).
namespace bwi::core {

// One model the commitment planner prices: what it recommends, for how
// long, and what it saves against staying on demand.
struct PackDecision {
  std::string modelId;
  PlanRecommendation recommendation = PlanRecommendation::OnDemand;
  bool commit = false; // commit_floor or commit_optimum
  std::optional<int> currentUnits;
  long long modelUnits = 0;
  std::optional<PtTerm> term;
  int termMonths = 0;
  int throughMonth = 0; // the last month the term covers, counted from month 0
  std::optional<std::string> fromCalendarMonth;    // YYYY-MM, with forecast.start_month
  std::optional<std::string> throughCalendarMonth; // YYYY-MM, with forecast.start_month
  double onDemandMonthlyUsd = 0;                   // the planner's expected cost with no commitment
  double recommendedMonthlyUsd = 0;                // the planner's expected cost of its choice
  double savingMonthlyUsd = 0;                     // onDemand − recommended
  double savingPlanUsd = 0; // the choice's cumulative saving over the plan's 12 months
  // u* of the recommended term's rate against this month's on-demand price
  // of the model's real-time load (docs/cost-model.md §5).
  std::optional<double> breakEvenUtilization;
  std::optional<int> breakEvenMonth; // the planner's: first month the saving is positive
  std::string sentence;              // the decision in one sentence
  std::string reason;                // the planner's why
};

struct PackBudget {
  std::optional<double> monthlyBudgetUsd;
  double monthNetUsd = 0;              // the month shown
  std::optional<double> monthOverUsd;  // net − budget (negative: under)
  int yearMonths = 0;                  // the forecast's first 12 months (or all, if fewer)
  double yearNetUsd = 0;               // forecast net over yearMonths
  std::optional<double> yearBudgetUsd; // budget × yearMonths
  std::optional<int> firstOverMonth;   // first forecast month whose net exceeds the budget
  std::optional<std::string> firstOverCalendarMonth;
  std::optional<int> runOutMonth; // docs/cost-model.md §17, over the forecast's months
  std::optional<std::string> runOutCalendarMonth;
  std::string sentence;
};

enum class MoversSource { Forecast, Bill };

struct PackMover {
  std::string key;  // workload id (forecast), or the bill's model or team
  std::string name; // workload name (forecast), else the key
  double fromUsd = 0;
  double toUsd = 0;
  std::optional<double> changeShare;
  double changeUsd() const { return toUsd - fromUsd; }
};

struct PackMovers {
  MoversSource source = MoversSource::Forecast;
  std::string fromLabel; // "this month (2027-01)", or the bill's month before
  std::string toLabel;
  std::vector<PackMover> movers; // at most three, largest absolute change first
};

struct PackUnitCost {
  UnitCost cost;
  std::string workloadName;
};

struct OnePager {
  std::string scenarioName;
  std::string cardAsOf;
  std::string region;
  int month = 0; // the month shown
  std::optional<std::string> calendarMonth;
  // The headline: the month's net, and its change against the scenario as opened.
  double monthlyNetUsd = 0;
  std::optional<double> changeUsd;
  std::optional<double> changeShare;
  // The decision asked for: every priced model, those to commit first.
  bool planned = false; // a commitment plan was given
  std::vector<PackDecision> decisions;
  std::vector<std::string> quoteNeeded; // models the planner cannot price
  std::string decisionSentence;         // "Commit …" or "No commitment recommended: …"
  PackBudget budget;
  std::vector<PackUnitCost> unitCosts;
  PackMovers movers;
};

// Every pointer but `plan`, `actuals` and `figures` is required.
struct OnePagerInputs {
  const Scenario *scenario = nullptr; // names
  const RateCard *card = nullptr;     // date and region
  const PreparedScenario *prepared = nullptr;
  const Evaluation *evaluation = nullptr; // the month shown
  const Forecast *forecast = nullptr;
  const KeyFigures *figures = nullptr;   // the change against the scenario as opened
  const CommitmentPlan *plan = nullptr;  // nullptr: no decision can be given
  const PlanVsActual *actuals = nullptr; // with a bill and its movers: the bill's movers
};

OnePager onePager(const OnePagerInputs &inputs);

// The one-pager as `report --json` prints it (docs/scenario-format.md).
Json onePagerToJson(const OnePager &page);

} // namespace bwi::core
