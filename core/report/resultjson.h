#pragma once

#include "core/analysis/commitmentcalendar.h"
#include "core/analysis/escalation.h"
#include "core/common/jsonreader.h"
#include "core/cost/curves.h"
#include "core/cost/evaluation.h"
#include "core/forecast/forecast.h"

#include <string>

// Results in the command line's output forms (docs/scenario-format.md).
namespace bwi::core {

Json evaluationToJson(const Evaluation &evaluation, const std::string &scenarioName,
                      const std::string &rateCardAsOf);
Json forecastToJson(const Forecast &forecast);
// evaluate --json's "escalations": [{workload, to, to_this_month, rate,
// net_usd, break_even_rate, all_premium_net_usd}].
Json escalationsToJson(const std::vector<EscalationBreakEven> &breakEvens);
Json calendarEventsToJson(const std::vector<CalendarEvent> &events);
Json commitmentRisksToJson(const std::vector<CommitmentRisk> &risks);
// forecast --json's "commitment_calendar" and "next_decision" (docs/cost-model.md §13.6).
Json commitmentCalendarToJson(const CommitmentCalendar &calendar);
Json commitmentDecisionToJson(const std::optional<CommitmentDecision> &decision);

std::string volumeCurveCsv(const std::vector<VolumeCurvePoint> &points);
std::string unitsCurveCsv(const UnitsCurve &curve);
// escalation_rate,net_usd,all_premium_net_usd,is_break_even,is_scenario_rate
std::string escalationCurveCsv(const EscalationCurve &curve);

} // namespace bwi::core
