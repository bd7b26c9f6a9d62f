#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// The calendar of docs/cost-model.md §13 and the routing a workload has in one
// calendar month (§13.3): the card as it stands that month, then
// end-of-life moves, then escalation (§12). The one home of that
// order: validation (core/files) and preparation (core/cost) both ask here.
// Calendar months are whole numbers (core/model/calendarmonth.h).
namespace bwi::core {

// The calendar month of month 0 (forecast.start_month), when the scenario has one.
std::optional<int> calendarStart(const Scenario &scenario);

// The model's prices in force in a calendar month: its latest version with
// `inForceFrom` at or before the month, else the card's own entry. Without a
// calendar (nullopt), the card's own entry: no price change applies.
const ModelRates &ratesInForce(const ModelRates &model, std::optional<int> calendarMonth);

// Whether the model no longer serves in the month (at or after its
// end_of_life); never without a calendar.
bool retiredIn(const ModelRates &model, std::optional<int> calendarMonth);

// Every model as it stands in the month, without price changes or versions:
// what a ranking by list price (the optimizer) compares.
RateCard cardInForce(const RateCard &card, std::optional<int> calendarMonth);

// Traffic named for a retired model that moves to its successor.
struct RoutingMove {
  std::string from;      // the model the workload names
  std::string to;        // where its traffic lands, successors followed
  std::string endOfLife; // of `from`, YYYY-MM
};

// Traffic that cannot move (docs/cost-model.md §13.2): `field` is the path
// inside the workload, routing["MODEL"] (docs/cost-model.md §10.13) or escalation.to.
struct RoutingProblem {
  std::string field;
  std::string message;
};

struct MonthRouting {
  // Shares after the moves, then escalation: they sum to 1 + e·(1 − s_B).
  // A retired model's entry takes its final successor's place (merging with
  // an entry the successor already has); the escalation target comes last
  // when the routing does not name it.
  std::vector<RoutingShare> shares;
  std::vector<RoutingMove> moves; // one per named model with traffic (share > 0 or e > 0)
  std::vector<RoutingProblem> problems;
  std::optional<std::string> escalationTarget; // where escalated calls go this month (e > 0)
};

MonthRouting monthRouting(const Workload &workload, const RateCard &card,
                          std::optional<int> calendarMonth);

// Every model the scenario can send traffic to or has committed to: routed
// (any share), escalation targets and commitments, then their successors.
std::vector<std::string> modelsInPlay(const Scenario &scenario, const RateCard &card);

// The months (counted from month 0, at least 1, ascending) in which the
// card of the models in play changes: a version takes effect or a model
// retires. Between two of them every month has the same card and routing.
std::vector<int> calendarBoundaries(const RateCard &card, const std::vector<std::string> &models,
                                    int startMonth);

// What happens to prices in the forecast, for charts and the commitment calendar.
enum class CalendarEventKind { PriceChange, PromotionEnd, EndOfLife };

struct CalendarEvent {
  int month = 0;             // counted from month 0
  std::string calendarMonth; // YYYY-MM
  std::string modelId;
  CalendarEventKind kind = CalendarEventKind::PriceChange;
  std::string label;     // "Sonnet 5 promotion ends", "X retires → Y"
  std::string note;      // the price change's note, as the card gives it
  std::string successor; // end of life only
};

std::string_view toString(CalendarEventKind kind); // price_change | promotion_end | end_of_life

// Events of `models` in months 0 … months − 1, in month order (then the
// models' order, then the card's order of changes).
std::vector<CalendarEvent> calendarEvents(const RateCard &card,
                                          const std::vector<std::string> &models, int startMonth,
                                          int months);

} // namespace bwi::core
