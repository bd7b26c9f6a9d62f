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

std::optional<Reconciliation> reconcile(const Scenario &scenario, const Evaluation &evaluation,
                                        const BillImport &bill, const std::string &month) {
  auto result = reconcile(evaluation, bill, month);
  if (!result || !bill.groupBy)
    return result;
  result->groupBy = bill.groupBy;
  // The scenario's side: each workload's cost under its team (or name).
  std::map<std::string, double> workloadCost;
  for (const NamedCost &cost : evaluation.byWorkload)
    workloadCost[cost.key] += cost.usd;
  std::vector<std::string> order;
  std::map<std::string, double> planned;
  const auto plan = [&](const std::string &key, double usd) {
    if (!planned.count(key))
      order.push_back(key);
    planned[key] += usd;
  };
  for (const Workload &workload : scenario.workloads)
    plan(workload.team.value_or(workload.name), workloadCost[workload.id]);
  if (const auto unallocated = workloadCost.find(kUnallocatedKey);
      unallocated != workloadCost.end() && unallocated->second > 0)
    plan(kUnallocatedKey, unallocated->second);
  std::map<std::string, double> actual;
  for (const BillGroup &group : bill.groups)
    if (group.month == result->month)
      actual[group.key.value_or(kNoKey)] += group.costUsd;
  for (const std::string &key : order) {
    const auto found = actual.find(key);
    result->keys.push_back({key, planned[key], found == actual.end() ? 0.0 : found->second});
    if (found != actual.end())
      actual.erase(found);
  }
  for (const auto &[key, usd] : actual)
    result->keys.push_back({key, 0.0, usd});
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
  if (reconciliation.groupBy) {
    json["group_by"] = *reconciliation.groupBy;
    Json keys = Json::array();
    for (const ReconcileKeyRow &row : reconciliation.keys) {
      Json each = {{"key", row.key},
                   {"scenario_usd", row.scenarioUsd},
                   {"actual_usd", row.actualUsd},
                   {"variance_usd", row.varianceUsd()}};
      each["variance_share"] =
          row.scenarioUsd > 0 ? Json(row.varianceUsd() / row.scenarioUsd) : Json(nullptr);
      keys.push_back(std::move(each));
    }
    json["groups"] = std::move(keys);
  }
  json["scenario_gross_usd"] = reconciliation.scenarioGrossUsd;
  json["actual_usd"] = reconciliation.actualUsd;
  json["variance_usd"] = reconciliation.actualUsd - reconciliation.scenarioGrossUsd;
  json["scenario_discount_usd"] = reconciliation.scenarioDiscountUsd;
  json["actual_discount_usd"] = reconciliation.actualDiscountUsd;
  return json;
}

} // namespace bwi::core
