#include "core/import/reconcile.h"

#include <map>

namespace bwi::core {

std::optional<Reconciliation> reconcile(const Evaluation &evaluation, const BillImport &bill,
                                        const std::string &month) {
  Reconciliation result;
  result.month = month;
  if (result.month.empty())
    for (const BillGroup &group : bill.groups)
      result.month = std::max(result.month, group.month);
  std::map<std::string, double> actual;
  bool any = false;
  for (const BillGroup &group : bill.groups)
    if (group.month == result.month) {
      actual[group.model] += group.costUsd;
      any = true;
    }
  if (!any)
    return std::nullopt;
  for (const NamedCost &cost : evaluation.byModel) {
    const auto found = actual.find(cost.key);
    result.rows.push_back({cost.key, cost.usd, found == actual.end() ? 0.0 : found->second});
    if (found != actual.end())
      actual.erase(found);
  }
  for (const auto &[model, usd] : actual)
    result.rows.push_back({model, 0.0, usd});
  for (const ReconcileRow &row : result.rows) {
    result.scenarioGrossUsd += row.scenarioUsd;
    result.actualUsd += row.actualUsd;
  }
  result.scenarioDiscountUsd = evaluation.discountUsd;
  // The bill's discount lines are not per month in every export: all of them count.
  result.actualDiscountUsd = bill.discountUsd;
  return result;
}

Json reconciliationToJson(const Reconciliation &reconciliation, const std::string &scenarioName) {
  Json json = Json::object();
  json["scenario"] = scenarioName;
  json["month"] = reconciliation.month;
  Json rows = Json::array();
  for (const ReconcileRow &row : reconciliation.rows) {
    Json each = {{"model", row.model},
                 {"scenario_usd", row.scenarioUsd},
                 {"actual_usd", row.actualUsd},
                 {"variance_usd", row.varianceUsd()}};
    each["variance_share"] =
        row.scenarioUsd > 0 ? Json(row.varianceUsd() / row.scenarioUsd) : Json(nullptr);
    rows.push_back(std::move(each));
  }
  json["models"] = std::move(rows);
  json["scenario_gross_usd"] = reconciliation.scenarioGrossUsd;
  json["actual_usd"] = reconciliation.actualUsd;
  json["variance_usd"] = reconciliation.actualUsd - reconciliation.scenarioGrossUsd;
  json["scenario_discount_usd"] = reconciliation.scenarioDiscountUsd;
  json["actual_discount_usd"] = reconciliation.actualDiscountUsd;
  return json;
}

} // namespace bwi::core
