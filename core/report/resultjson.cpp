#include "core/report/resultjson.h"

#include "core/common/jsonwriter.h"

#include <cmath>
#include <cstdio>

namespace bwi::core {
namespace {

Json namedCosts(const std::vector<NamedCost> &costs) {
  Json json = Json::object();
  for (const NamedCost &cost : costs)
    json[cost.key] = cost.usd;
  return json;
}

// A whole number when the value is one (token counts, TPM), else as is.
Json count(double value) {
  if (std::fabs(value) < 9e15 && value == std::floor(value))
    return static_cast<long long>(value);
  return value;
}

std::string csvNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

Json unitCostToJson(const UnitCost &unit) {
  return {{"workload", unit.workloadId},
          {"unit", unit.unit},
          {"units", count(unit.units)},
          {"cost_usd", unit.costUsd},
          {"cost_per_unit_usd", orNull(unit.costPerUnitUsd)},
          {"target_usd", orNull(unit.targetUsd)},
          {"tolerance", unit.tolerance},
          {"status", unit.status ? Json(std::string(toString(*unit.status))) : Json(nullptr)}};
}

Json unitCostsToJson(const std::vector<UnitCost> &units) {
  Json json = Json::array();
  for (const UnitCost &unit : units)
    json.push_back(unitCostToJson(unit));
  return json;
}

} // namespace

Json evaluationToJson(const Evaluation &evaluation, const std::string &scenarioName,
                      const std::string &rateCardAsOf) {
  Json json;
  json["scenario"] = scenarioName;
  json["month"] = evaluation.month;
  json["ratecard_as_of"] = rateCardAsOf;
  json["gross_usd"] = evaluation.grossUsd;
  json["discount_usd"] = evaluation.discountUsd;
  json["net_usd"] = evaluation.netUsd;
  json["by_mode"] = {{"on_demand", evaluation.byMode.onDemand},
                     {"batch", evaluation.byMode.batch},
                     {"provisioned", evaluation.byMode.provisioned},
                     {"reserved", evaluation.byMode.reserved},
                     {"meters", evaluation.byMode.meters}};
  json["by_model"] = namedCosts(evaluation.byModel);
  json["by_workload"] = namedCosts(evaluation.byWorkload);
  json["by_team"] = namedCosts(evaluation.byTeam);
  json["tokens"] = {{"input", count(evaluation.tokens.input)},
                    {"output", count(evaluation.tokens.output)},
                    {"cache_read", count(evaluation.tokens.cacheRead)},
                    {"cache_write", count(evaluation.tokens.cacheWrite)}};
  json["requests"] = count(evaluation.requests);
  json["provisioned"] = Json::array();
  for (const ProvisionedResult &pt : evaluation.provisioned)
    json["provisioned"].push_back(
        {{"model", pt.modelId},
         {"model_units", pt.modelUnits},
         {"term", toString(pt.term)},
         {"cost_usd", pt.costUsd},
         {"overflow_usd", pt.overflowUsd},
         {"utilization", pt.utilization},
         {"break_even_utilization", orNull(pt.breakEvenUtilization)},
         {"break_even_volume_multiplier", orNull(pt.breakEvenVolumeMultiplier)},
         {"floor_model_units", pt.floorModelUnits},
         {"optimal_model_units", pt.optimalModelUnits}});
  json["reserved"] = Json::array();
  for (const ReservedResult &reserved : evaluation.reserved)
    json["reserved"].push_back({{"model", reserved.modelId},
                                {"input_tpm", count(reserved.inputTpm)},
                                {"output_tpm", count(reserved.outputTpm)},
                                {"term", toString(reserved.term)},
                                {"cost_usd", reserved.costUsd},
                                {"overflow_usd", reserved.overflowUsd},
                                {"utilization_input", orNull(reserved.utilizationInput)},
                                {"utilization_output", orNull(reserved.utilizationOutput)},
                                {"optimal_input_tpm", count(reserved.optimalInputTpm)},
                                {"optimal_output_tpm", count(reserved.optimalOutputTpm)},
                                {"floor_input_tpm", count(reserved.floorInputTpm)},
                                {"floor_output_tpm", count(reserved.floorOutputTpm)}});
  json["sizing"] = Json::array();
  for (const SizingResult &sizing : evaluation.sizing)
    json["sizing"].push_back({{"model", sizing.modelId},
                              {"floor_model_units", sizing.floorModelUnits},
                              {"optimal_model_units", sizing.optimalModelUnits},
                              {"mean_load_mu", sizing.meanLoadMu},
                              {"peak_load_mu", sizing.peakLoadMu},
                              {"term", toString(sizing.term)}});
  json["meters"] = Json::array();
  for (const MeterResult &meter : evaluation.meters)
    json["meters"].push_back({{"workload", meter.workloadId},
                              {"kind", meter.kind},
                              {"name", meter.name},
                              {"unit", meter.unit},
                              {"quantity", count(meter.quantity)},
                              {"usd_per_unit", meter.usdPerUnit},
                              {"rate_source", meter.typedRate ? "typed" : "card"},
                              {"estimate", meter.estimate},
                              {"cost_usd", meter.costUsd}});
  json["unit_costs"] = unitCostsToJson(evaluation.unitCosts);
  json["commit_retired_usd"] = evaluation.commitRetiredUsd;
  json["calendar_month"] = evaluation.calendarMonth ? Json(*evaluation.calendarMonth) : Json();
  json["long_context"] = evaluation.longContext;
  // Traffic on models without a price: in requests and tokens, in no cost
  // (docs/cost-model.md §21).
  json["unpriced"] = Json::array();
  for (const UnpricedFlow &flow : evaluation.unpriced)
    json["unpriced"].push_back({{"workload", flow.workloadId},
                                {"model", flow.modelId},
                                {"requests", count(flow.requests)},
                                {"input_tokens", count(flow.inputTokens)},
                                {"output_tokens", count(flow.outputTokens)}});
  json["warnings"] = evaluation.warnings;
  return json;
}

Json escalationsToJson(const std::vector<EscalationBreakEven> &breakEvens) {
  Json json = Json::array();
  for (const EscalationBreakEven &entry : breakEvens)
    json.push_back({{"workload", entry.workloadId},
                    {"to", entry.to},
                    {"to_this_month", entry.toThisMonth},
                    {"rate", entry.rate},
                    {"rate_source", entry.measured ? "measured" : "assumed"},
                    {"net_usd", entry.netUsd},
                    {"break_even_rate", orNull(entry.breakEvenRate)},
                    {"all_premium_net_usd", entry.allPremiumNetUsd}});
  return json;
}

Json calendarEventsToJson(const std::vector<CalendarEvent> &events) {
  Json json = Json::array();
  for (const CalendarEvent &event : events) {
    Json entry = {{"month", event.month},
                  {"calendar_month", event.calendarMonth},
                  {"model", event.modelId},
                  {"kind", toString(event.kind)},
                  {"label", event.label}};
    if (!event.note.empty())
      entry["note"] = event.note;
    if (event.kind == CalendarEventKind::EndOfLife)
      entry["successor"] = event.successor.empty() ? Json() : Json(event.successor);
    json.push_back(std::move(entry));
  }
  return json;
}

Json commitmentRisksToJson(const std::vector<CommitmentRisk> &risks) {
  Json json = Json::array();
  for (const CommitmentRisk &risk : risks)
    json.push_back({{"model", risk.modelId},
                    {"commitment", risk.reserved ? "reserved" : "provisioned"},
                    {"end_of_life", risk.endOfLife},
                    {"successor", risk.successor.empty() ? Json() : Json(risk.successor)},
                    {"idle_months", risk.idleMonths},
                    {"idle_calendar_months", risk.idleCalendarMonths},
                    {"idle_cost_usd", risk.idleCostUsd}});
  return json;
}

namespace {

Json deadlineToJson(const CommitmentDeadline &deadline) {
  return {{"term_last_month", deadline.termLastMonth},
          {"notice_days", deadline.noticeDays},
          {"date", orNull(deadline.date)},
          {"text", deadline.text}};
}

} // namespace

Json commitmentDecisionToJson(const std::optional<CommitmentDecision> &decision) {
  if (!decision)
    return Json();
  return {{"kind", toString(decision->kind)},
          {"model", decision->modelId},
          {"commitment", decision->reserved ? "reserved" : "provisioned"},
          {"by", deadlineToJson(decision->by)},
          {"action", decision->action},
          {"subject", decision->subject},
          {"text", decision->text},
          {"detail", decision->detail}};
}

Json commitmentCalendarToJson(const CommitmentCalendar &calendar) {
  Json json = Json::array();
  for (const CommitmentCalendarEntry &entry : calendar.entries) {
    Json row = {{"model", entry.modelId},
                {"name", entry.modelName},
                {"commitment", entry.reserved ? "reserved" : "provisioned"},
                {"label", entry.label},
                {"term", entry.term},
                {"term_months", entry.termMonths}};
    if (entry.reserved) {
      row["input_tpm"] = entry.inputTpm;
      row["output_tpm"] = entry.outputTpm;
    } else {
      row["model_units"] = entry.modelUnits;
    }
    row["auto_renew"] = entry.autoRenew;
    row["cancel_notice_days"] = entry.cancelNoticeDays;
    row["start_month"] = entry.startMonth;
    row["start_calendar_month"] = orNull(entry.startCalendarMonth);
    row["term_end_month"] = orNull(entry.termEndMonth);
    row["term_end_date"] = orNull(entry.termEndDate);
    row["cancel_by"] = entry.cancelBy ? deadlineToJson(*entry.cancelBy) : Json();
    row["renewal_months"] = entry.renewalMonths;
    row["charged_until_month"] = orNull(entry.chargedUntilMonth);
    row["end_of_life"] = entry.endOfLife.empty() ? Json() : Json(entry.endOfLife);
    row["end_of_life_month"] = orNull(entry.endOfLifeMonth);
    row["successor"] = entry.successor.empty() ? Json() : Json(entry.successor);
    row["events"] = calendarEventsToJson(entry.events);
    row["idle_months"] = entry.idleMonths;
    row["idle_calendar_months"] = entry.idleCalendarMonths;
    row["idle_cost_usd"] = entry.idleCostUsd;
    Json decisions = Json::array();
    for (const CommitmentDecision &decision : entry.decisions)
      decisions.push_back(commitmentDecisionToJson(decision));
    row["decisions"] = std::move(decisions);
    json.push_back(std::move(row));
  }
  return json;
}

Json forecastToJson(const Forecast &forecast) {
  Json months = Json::array();
  for (const ForecastMonth &month : forecast.months) {
    Json row = {{"month", month.month},
                {"calendar_month", month.calendarMonth ? Json(*month.calendarMonth) : Json()},
                {"gross_usd", month.grossUsd},
                {"discount_usd", month.discountUsd},
                {"net_usd", month.netUsd},
                {"commit_retired_usd", month.commitRetiredUsd},
                {"meters_usd", month.byMode.meters},
                {"unit_costs", unitCostsToJson(month.unitCosts)},
                {"unpriced_requests", month.unpricedRequests}};
    if (month.netP10Usd) {
      row["net_p10_usd"] = *month.netP10Usd;
      row["net_p50_usd"] = *month.netP50Usd;
      row["net_p90_usd"] = *month.netP90Usd;
    }
    if (month.overBudgetProbability)
      row["over_budget_probability"] = *month.overBudgetProbability;
    months.push_back(row);
  }
  Json json = {{"months", months}, {"commit_retired_usd", forecast.commitRetiredUsd}};
  if (forecast.commitRetiredShare)
    json["commit_retired_share"] = *forecast.commitRetiredShare;
  if (forecast.fanMethod == FanMethod::MonteCarlo)
    json["fan"] = {{"method", "monte_carlo"}, {"trials", forecast.trials}, {"seed", forecast.seed}};
  if (forecast.budgetUsd) {
    json["budget_usd"] = *forecast.budgetUsd;
    json["first_likely_over_budget_month"] =
        forecast.firstLikelyOverBudgetMonth ? Json(*forecast.firstLikelyOverBudgetMonth) : Json();
  }
  json["events"] = calendarEventsToJson(forecast.events);
  json["commitment_risks"] = commitmentRisksToJson(forecast.commitmentRisks);
  return json;
}

std::string volumeCurveCsv(const std::vector<VolumeCurvePoint> &points) {
  std::string csv = "volume_multiplier,on_demand_only_usd,with_commitments_usd,with_optimal_usd\n";
  for (const VolumeCurvePoint &point : points)
    csv += csvNumber(point.multiplier) + "," + csvNumber(point.onDemandOnlyUsd) + "," +
           csvNumber(point.withCommitmentsUsd) + "," + csvNumber(point.withOptimalUsd) + "\n";
  return csv;
}

std::string escalationCurveCsv(const EscalationCurve &curve) {
  std::string csv = "escalation_rate,net_usd,all_premium_net_usd,is_break_even,is_scenario_rate\n";
  for (const EscalationCurvePoint &point : curve.points)
    csv += csvNumber(point.rate) + "," + csvNumber(point.netUsd) + "," +
           csvNumber(curve.breakEven.allPremiumNetUsd) + "," + (point.breakEven ? "1" : "0") + "," +
           (point.scenarioRate ? "1" : "0") + "\n";
  return csv;
}

std::string unitsCurveCsv(const UnitsCurve &curve) {
  std::string csv = "model_units,cost_usd,is_floor,is_optimal,is_current\n";
  for (const UnitsCurvePoint &point : curve.points)
    csv += std::to_string(point.modelUnits) + "," + csvNumber(point.costUsd) + "," +
           (point.modelUnits == curve.floorModelUnits ? "1" : "0") + "," +
           (point.modelUnits == curve.optimalModelUnits ? "1" : "0") + "," +
           (curve.currentModelUnits && point.modelUnits == *curve.currentModelUnits ? "1" : "0") +
           "\n";
  return csv;
}

} // namespace bwi::core
