#include "core/report/planvsactualjson.h"

#include "core/common/jsonwriter.h"

namespace bwi::core {
namespace {

void putEffects(Json &json, const VarianceEffects &effects) {
  json["volume_usd"] = effects.volumeUsd;
  json["price_usd"] = effects.priceUsd;
  json["mix_usd"] = effects.mixUsd;
  json["commitment_other_usd"] = effects.commitmentUsd;
}

Json monthToJson(const PlanVsActualMonth &month) {
  Json json = Json::object();
  json["month"] = month.month;
  json["plan_month"] = month.planMonth;
  json["plan_usd"] = month.planUsd;
  json["actual_usd"] = month.actualUsd;
  json["variance_usd"] = month.varianceUsd();
  json["plan_tokens"] = month.planTokens;
  json["actual_tokens"] = month.actualTokens;
  Json effects = Json::object();
  putEffects(effects, month.effects);
  json["effects"] = std::move(effects);
  Json rows = Json::array();
  for (const PlanVsActualRow &row : month.rows) {
    Json each = Json::object();
    each["key"] = row.key;
    each["plan_usd"] = row.planUsd;
    each["actual_usd"] = row.actualUsd;
    each["variance_usd"] = row.varianceUsd();
    each["variance_share"] =
        row.planUsd > 0 ? Json(row.varianceUsd() / row.planUsd) : Json(nullptr);
    each["plan_tokens"] = row.planTokens;
    each["actual_tokens"] = row.actualTokens;
    putEffects(each, row.effects);
    rows.push_back(std::move(each));
  }
  json["rows"] = std::move(rows);
  return json;
}

} // namespace

const char *planGroupingName(PlanGrouping by) {
  return by == PlanGrouping::Team ? "team" : "model";
}

Json planVsActualToJson(const PlanVsActual &figures, const std::string &scenarioName) {
  Json json = Json::object();
  json["scenario"] = scenarioName;
  json["plan_start"] = figures.planStart;
  json["by"] = planGroupingName(figures.by);
  json["month"] = figures.months[figures.selected].month;
  Json months = Json::array();
  for (const PlanVsActualMonth &month : figures.months)
    months.push_back(monthToJson(month));
  json["months"] = std::move(months);

  Json movers = Json::object();
  movers["from"] = figures.moversFrom.empty() ? Json(nullptr) : Json(figures.moversFrom);
  movers["to"] = figures.months[figures.selected].month;
  Json top = Json::array();
  for (const Mover &mover : figures.movers)
    top.push_back({{"key", mover.key},
                   {"from_usd", mover.fromUsd},
                   {"to_usd", mover.toUsd},
                   {"change_usd", mover.changeUsd()},
                   {"change_share", orNull(mover.changeShare)}});
  movers["top"] = std::move(top);
  json["movers"] = std::move(movers);

  if (figures.budget) {
    const BudgetRunOut &budget = *figures.budget;
    Json each = Json::object();
    each["monthly_budget_usd"] = budget.monthlyBudgetUsd;
    each["horizon_budget_usd"] = budget.horizonBudgetUsd;
    each["run_out_month"] = budget.runOutMonth ? Json(*budget.runOutMonth) : Json(nullptr);
    Json points = Json::array();
    for (const BudgetPoint &point : budget.points)
      points.push_back({{"month", point.month},
                        {"source", point.actual ? "actual" : "forecast"},
                        {"net_usd", point.spendUsd},
                        {"cumulative_net_usd", point.cumulativeUsd},
                        {"cumulative_budget_usd", point.budgetCumulativeUsd}});
    each["months"] = std::move(points);
    json["budget"] = std::move(each);
  } else {
    json["budget"] = nullptr;
  }
  Json notes = Json::array();
  for (const std::string &note : figures.notes)
    notes.push_back(note);
  json["notes"] = std::move(notes);
  return json;
}

} // namespace bwi::core
