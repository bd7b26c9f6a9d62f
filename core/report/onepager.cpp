#include "core/report/onepager.h"

#include "core/common/jsonwriter.h"
#include "core/common/moneyformat.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/provisionedsizing.h"
#include "core/model/calendarmonth.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

std::string termWords(PtTerm term) { return term == PtTerm::SixMonth ? "six-month" : "one-month"; }

std::optional<std::string> calendarOf(const PreparedScenario &scenario, int month) {
  if (!scenario.startMonth)
    return std::nullopt;
  return formatCalendarMonth(*scenario.startMonth + month);
}

// u* of the term's rate against month 0's on-demand price of the model's
// real-time load, as the commitment explorer computes it (docs/cost-model.md §5).
std::optional<double> breakEvenOfTerm(const PreparedScenario &scenario, const std::string &modelId,
                                      PtTerm term) {
  const PreparedSegment &segment = scenario.segment(0);
  const MonthTraffic traffic = monthTraffic(scenario, 0, scenario.globalVolumeMultiplier);
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    if (model.rates.id != modelId || !model.rates.provisioned)
      continue;
    const ModelMonth &month = traffic.models[m];
    const auto rate = model.rates.provisioned->ratePerMuHour(term);
    if (!rate || !month.ptLoad || !(month.realtimeRequests > 0))
      return std::nullopt;
    return breakEvenUtilization(*rate, scenario.hoursPerMonth, month.ptLoad->meanDemand(),
                                month.realtimeOnDemandUsd());
  }
  return std::nullopt;
}

PackDecision decisionOf(const ModelPlan &planned, const PreparedScenario &scenario) {
  PackDecision decision;
  decision.modelId = planned.modelId;
  decision.recommendation = planned.recommendation;
  decision.currentUnits = planned.currentUnits;
  decision.reason = planned.reason;
  decision.commit = planned.recommendation == PlanRecommendation::CommitFloor ||
                    planned.recommendation == PlanRecommendation::CommitOptimum;
  const PlanChoice *none = nullptr;
  for (const PlanChoice &choice : planned.choices)
    if (choice.kind == PlanChoiceKind::None)
      none = &choice;
  const std::string today =
      planned.currentUnits ? std::to_string(*planned.currentUnits) + " MU today" : "none today";
  if (!decision.commit || !planned.recommendedChoice) {
    decision.sentence =
        planned.recommendation == PlanRecommendation::Wait
            ? planned.modelId + ": stay on demand until 90 days of history (" + today + ")."
            : planned.modelId + ": no commitment (" + today + ").";
    if (none)
      decision.onDemandMonthlyUsd = decision.recommendedMonthlyUsd = none->expectedMonthlyUsd;
    return decision;
  }
  const PlanChoice &choice = planned.choices[*planned.recommendedChoice];
  decision.modelUnits = choice.modelUnits;
  decision.term = choice.term;
  decision.termMonths = termMonths(*choice.term);
  decision.throughMonth = decision.termMonths - 1;
  decision.fromCalendarMonth = calendarOf(scenario, 0);
  decision.throughCalendarMonth = calendarOf(scenario, decision.throughMonth);
  decision.recommendedMonthlyUsd = choice.expectedMonthlyUsd;
  decision.onDemandMonthlyUsd = none ? none->expectedMonthlyUsd : choice.expectedMonthlyUsd;
  decision.savingMonthlyUsd = decision.onDemandMonthlyUsd - decision.recommendedMonthlyUsd;
  decision.savingPlanUsd = choice.cumulativeSavingsUsd.back();
  decision.breakEvenMonth = choice.breakEvenMonth;
  decision.breakEvenUtilization = breakEvenOfTerm(scenario, planned.modelId, *choice.term);

  const std::string period =
      decision.fromCalendarMonth
          ? *decision.fromCalendarMonth + " through " + *decision.throughCalendarMonth
          : (decision.termMonths == 1
                 ? std::string("for the forecast's first month")
                 : "for the forecast's first " + std::to_string(decision.termMonths) + " months");
  decision.sentence =
      "Commit " + planned.modelId + " to " + std::to_string(choice.modelUnits) + " MU on a " +
      termWords(*choice.term) + " term, " + period + " (" + today + "): saves " +
      formatUsdExact(decision.savingMonthlyUsd) + " a month against on demand (expected), " +
      formatUsdExact(decision.savingPlanUsd) + " over " + std::to_string(kPlanMonths) + " months";
  if (decision.breakEvenUtilization)
    decision.sentence +=
        "; it pays above " + formatPercent(*decision.breakEvenUtilization) + " utilization";
  decision.sentence += ".";
  return decision;
}

void decide(OnePager &page, const OnePagerInputs &inputs) {
  if (!inputs.plan) {
    page.decisionSentence = "No commitment plan was computed: no decision can be given.";
    return;
  }
  page.planned = true;
  for (const ModelPlan &planned : inputs.plan->models) {
    if (!planned.priced) {
      page.quoteNeeded.push_back(planned.modelId);
      continue;
    }
    page.decisions.push_back(decisionOf(planned, *inputs.prepared));
  }
  // Those to commit first, the largest saving first; the rest keep the planner's order.
  std::stable_sort(page.decisions.begin(), page.decisions.end(),
                   [](const PackDecision &a, const PackDecision &b) {
                     if (a.commit != b.commit)
                       return a.commit;
                     return a.commit && a.savingMonthlyUsd > b.savingMonthlyUsd;
                   });
  std::string commits;
  for (const PackDecision &decision : page.decisions)
    if (decision.commit)
      commits += (commits.empty() ? "" : " ") + decision.sentence;
  if (!commits.empty()) {
    page.decisionSentence = commits;
    return;
  }
  if (!page.decisions.empty()) {
    page.decisionSentence = "No commitment recommended: " + page.decisions.front().reason;
    return;
  }
  page.decisionSentence =
      page.quoteNeeded.empty()
          ? "No commitment recommended: no model carries real-time traffic that provisioned "
            "throughput could take."
          : "No commitment recommended: no model in use has a provisioned-throughput quote (" +
                std::to_string(page.quoteNeeded.size()) +
                " models): ask the account team for quotes before sizing a commitment.";
}

void budgetOf(OnePager &page, const OnePagerInputs &inputs) {
  PackBudget &budget = page.budget;
  const Forecast &forecast = *inputs.forecast;
  budget.monthlyBudgetUsd = inputs.prepared->forecast.budgetUsd;
  budget.monthNetUsd = inputs.evaluation->netUsd;
  budget.yearMonths = static_cast<int>(std::min<std::size_t>(12, forecast.months.size()));
  for (int k = 0; k < budget.yearMonths; ++k)
    budget.yearNetUsd += forecast.months[static_cast<std::size_t>(k)].netUsd;
  const std::string year = "the next " + std::to_string(budget.yearMonths) + " months";
  if (!budget.monthlyBudgetUsd) {
    budget.sentence = "No budget set (forecast.budget_usd): " + formatUsdExact(budget.monthNetUsd) +
                      " net this month, " + formatUsdExact(budget.yearNetUsd) + " over " + year +
                      ".";
    return;
  }
  const double monthly = *budget.monthlyBudgetUsd;
  budget.monthOverUsd = budget.monthNetUsd - monthly;
  budget.yearBudgetUsd = monthly * budget.yearMonths;
  for (std::size_t k = 0; k < forecast.months.size(); ++k)
    if (forecast.months[k].netUsd > monthly) {
      budget.firstOverMonth = static_cast<int>(k);
      budget.firstOverCalendarMonth = forecast.months[k].calendarMonth;
      break;
    }
  const BudgetRunOut runOut = budgetRunOut(forecast, inputs.prepared->startMonth, monthly);
  budget.runOutMonth = runOut.runOutIndex;
  if (runOut.runOutIndex && inputs.prepared->startMonth)
    budget.runOutCalendarMonth = runOut.runOutMonth;

  const auto monthName = [](int month, const std::optional<std::string> &calendar) {
    return calendar ? *calendar : "month " + std::to_string(month);
  };
  const double over = *budget.monthOverUsd;
  budget.sentence = "This month " + formatUsdExact(budget.monthNetUsd) +
                    " net against a budget of " + formatUsdExact(monthly) + ": " +
                    formatUsdExact(std::abs(over)) + (over > 0 ? " over" : " under") + ". Over " +
                    year + " " + formatUsdExact(budget.yearNetUsd) + " against " +
                    formatUsdExact(*budget.yearBudgetUsd) + ".";
  if (budget.firstOverMonth)
    budget.sentence += " The forecast is over the monthly budget from " +
                       monthName(*budget.firstOverMonth, budget.firstOverCalendarMonth) + ";";
  else
    budget.sentence += " The forecast stays within the monthly budget every month;";
  budget.sentence += budget.runOutMonth
                         ? " the budget for the forecast's " +
                               std::to_string(forecast.months.size()) + " months runs out in " +
                               monthName(*budget.runOutMonth, budget.runOutCalendarMonth) + "."
                         : " the budget for the forecast's " +
                               std::to_string(forecast.months.size()) + " months does not run out.";
}

std::string workloadName(const Scenario &scenario, const std::string &id) {
  for (const Workload &workload : scenario.workloads)
    if (workload.id == id)
      return workload.name.empty() ? id : workload.name;
  return id;
}

// The bill's movers when a bill is loaded and has the month before;
// otherwise each workload's net cost next month against the month shown
// (docs/meeting-pack.md).
void moversOf(OnePager &page, const OnePagerInputs &inputs) {
  PackMovers &movers = page.movers;
  if (inputs.actuals && !inputs.actuals->movers.empty()) {
    movers.source = MoversSource::Bill;
    movers.fromLabel = inputs.actuals->moversFrom;
    movers.toLabel =
        inputs.actuals->months[static_cast<std::size_t>(inputs.actuals->selected)].month;
    for (const Mover &mover : inputs.actuals->movers)
      movers.movers.push_back(
          {mover.key, mover.key, mover.fromUsd, mover.toUsd, mover.changeShare});
    return;
  }
  const Evaluation &from = *inputs.evaluation;
  EvaluationOptions options;
  options.includeSizing = false;
  const Evaluation to = evaluate(*inputs.prepared, from.month + 1, options);
  std::vector<Mover> changes;
  for (std::size_t w = 0; w < inputs.prepared->workloads.size(); ++w)
    if (w < from.workloadNetUsd.size() && w < to.workloadNetUsd.size())
      changes.push_back(
          {inputs.prepared->workloads[w].id, from.workloadNetUsd[w], to.workloadNetUsd[w], {}});
  const auto label = [](const std::string &words, const std::optional<std::string> &calendar) {
    return calendar ? words + " (" + *calendar + ")" : words;
  };
  movers.fromLabel = label("this month", from.calendarMonth);
  movers.toLabel = label("next month", to.calendarMonth);
  for (const Mover &mover : rankMovers(std::move(changes)))
    movers.movers.push_back({mover.key, workloadName(*inputs.scenario, mover.key), mover.fromUsd,
                             mover.toUsd, mover.changeShare});
}

} // namespace

OnePager onePager(const OnePagerInputs &inputs) {
  OnePager page;
  page.scenarioName = inputs.scenario->name;
  page.cardAsOf = inputs.card->asOf;
  page.region = inputs.card->region;
  page.month = inputs.evaluation->month;
  page.calendarMonth = inputs.evaluation->calendarMonth;
  page.monthlyNetUsd = inputs.evaluation->netUsd;
  if (inputs.figures) {
    page.changeUsd = inputs.figures->changeUsd;
    page.changeShare = inputs.figures->changeShare;
  }
  decide(page, inputs);
  budgetOf(page, inputs);
  for (const UnitCost &cost : inputs.evaluation->unitCosts)
    page.unitCosts.push_back({cost, workloadName(*inputs.scenario, cost.workloadId)});
  moversOf(page, inputs);
  return page;
}

Json onePagerToJson(const OnePager &page) {
  Json json = Json::object();
  json["scenario"] = page.scenarioName;
  json["rate_card_as_of"] = page.cardAsOf;
  json["region"] = page.region;
  json["month"] = page.month;
  json["calendar_month"] = orNull(page.calendarMonth);
  json["headline"] = {{"net_usd", page.monthlyNetUsd},
                      {"change_usd", orNull(page.changeUsd)},
                      {"change_share", orNull(page.changeShare)}};

  Json decision = Json::object();
  decision["summary"] = page.decisionSentence;
  decision["planned"] = page.planned;
  decision["quote_needed"] = page.quoteNeeded;
  Json models = Json::array();
  for (const PackDecision &each : page.decisions)
    models.push_back({
        {"model", each.modelId},
        {"recommendation", std::string(planRecommendationName(each.recommendation))},
        {"commit", each.commit},
        {"current_model_units", orNull(each.currentUnits)},
        {"model_units", each.modelUnits},
        {"term", each.term ? Json(std::string(toString(*each.term))) : Json(nullptr)},
        {"term_months", each.termMonths},
        {"through_month", each.commit ? Json(each.throughMonth) : Json(nullptr)},
        {"from_calendar_month", orNull(each.fromCalendarMonth)},
        {"through_calendar_month", orNull(each.throughCalendarMonth)},
        {"on_demand_monthly_usd", each.onDemandMonthlyUsd},
        {"recommended_monthly_usd", each.recommendedMonthlyUsd},
        {"saving_monthly_usd", each.savingMonthlyUsd},
        {"saving_12_months_usd", each.savingPlanUsd},
        {"break_even_utilization", orNull(each.breakEvenUtilization)},
        {"break_even_month", orNull(each.breakEvenMonth)},
        {"sentence", each.sentence},
        {"reason", each.reason},
    });
  decision["models"] = std::move(models);
  json["decision"] = std::move(decision);

  const PackBudget &budget = page.budget;
  json["budget"] = {
      {"monthly_budget_usd", orNull(budget.monthlyBudgetUsd)},
      {"month_net_usd", budget.monthNetUsd},
      {"month_over_usd", orNull(budget.monthOverUsd)},
      {"year_months", budget.yearMonths},
      {"year_net_usd", budget.yearNetUsd},
      {"year_budget_usd", orNull(budget.yearBudgetUsd)},
      {"first_over_month", orNull(budget.firstOverMonth)},
      {"first_over_calendar_month", orNull(budget.firstOverCalendarMonth)},
      {"run_out_month", orNull(budget.runOutMonth)},
      {"run_out_calendar_month", orNull(budget.runOutCalendarMonth)},
      {"sentence", budget.sentence},
  };

  Json units = Json::array();
  for (const PackUnitCost &each : page.unitCosts) {
    const UnitCost &cost = each.cost;
    units.push_back({
        {"workload", cost.workloadId},
        {"name", each.workloadName},
        {"unit", cost.unit},
        {"units", cost.units},
        {"cost_usd", cost.costUsd},
        {"cost_per_unit_usd", orNull(cost.costPerUnitUsd)},
        {"target_usd", orNull(cost.targetUsd)},
        {"tolerance", cost.tolerance},
        {"status", cost.status ? Json(std::string(toString(*cost.status))) : Json(nullptr)},
    });
  }
  json["unit_costs"] = std::move(units);

  Json movers = Json::array();
  for (const PackMover &mover : page.movers.movers)
    movers.push_back({{"key", mover.key},
                      {"name", mover.name},
                      {"from_usd", mover.fromUsd},
                      {"to_usd", mover.toUsd},
                      {"change_usd", mover.changeUsd()},
                      {"change_share", orNull(mover.changeShare)}});
  json["movers"] = {
      {"source", page.movers.source == MoversSource::Bill ? "bill" : "forecast"},
      {"from", page.movers.fromLabel},
      {"to", page.movers.toLabel},
      {"top", std::move(movers)},
  };
  return json;
}

} // namespace bwi::core
