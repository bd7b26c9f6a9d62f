#include "core/report/rangesjson.h"

#include "core/common/jsonwriter.h"

namespace bwi::core {

Json tornadoToJson(const Tornado &tornado) {
  Json levers = Json::array();
  for (const TornadoBar &bar : tornado.bars)
    levers.push_back({{"lever", leverName(bar.lever)},
                      {"low_value", bar.lowValue},
                      {"high_value", bar.highValue},
                      {"low_usd", bar.lowUsd},
                      {"high_usd", bar.highUsd}});
  return {{"base_usd", tornado.baseUsd}, {"levers", levers}};
}

Json goalSeekToJson(const GoalSeekRequest &request, const GoalSeekResult &result) {
  return {{"metric", goalMetricName(request.metric)},
          {"target", request.target},
          {"lever", leverName(request.lever)},
          {"month", request.month},
          {"found", result.found},
          {"value", orNull(result.value)},
          {"achieved", orNull(result.achieved)},
          {"base_value", result.baseValue},
          {"base_metric", orNull(result.baseMetric)},
          {"min_value", result.minValue},
          {"max_value", result.maxValue},
          {"metric_at_min", orNull(result.atMin)},
          {"metric_at_max", orNull(result.atMax)},
          {"metric_rises_with_lever", result.rises},
          {"message", result.message}};
}

Json commitmentPlanToJson(const CommitmentPlan &plan) {
  Json models = Json::array();
  for (const ModelPlan &model : plan.models) {
    Json choices = Json::array();
    for (const PlanChoice &choice : model.choices)
      choices.push_back(
          {{"choice", std::string(planChoiceKindName(choice.kind))},
           {"term", choice.term ? Json(std::string(toString(*choice.term))) : Json()},
           {"model_units", choice.modelUnits},
           {"expected_monthly_usd", choice.expectedMonthlyUsd},
           {"p90_monthly_usd", choice.p90MonthlyUsd},
           {"expected_idle_mu_hours", choice.expectedIdleMuHours},
           {"expected_regret_usd", choice.expectedRegretUsd},
           {"cumulative_savings_usd", choice.cumulativeSavingsUsd},
           {"break_even_month", choice.breakEvenMonth ? Json(*choice.breakEvenMonth) : Json()}});
    models.push_back(
        {{"model", model.modelId},
         {"priced", model.priced},
         {"current_model_units", model.currentUnits ? Json(*model.currentUnits) : Json()},
         {"floor_model_units", model.floorUnits},
         {"recommendation", std::string(planRecommendationName(model.recommendation))},
         {"recommended_choice", model.recommendedChoice ? Json(*model.recommendedChoice) : Json()},
         {"reason", model.reason},
         {"choices", choices}});
  }
  return {{"trials", plan.trials},
          {"seed", plan.seed},
          {"months", kPlanMonths},
          {"history_days", plan.historyDays ? Json(*plan.historyDays) : Json()},
          {"required_history_days", kRequiredHistoryDays},
          {"models", models}};
}

} // namespace bwi::core
