#pragma once

#include "core/common/jsonreader.h"
#include "core/cost/evaluation.h"
#include "core/import/billimport.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// A scenario beside last month's bill: cost by model, scenario against
// actual, and the variance (actual − scenario). Gross figures on both sides
// (the bill's usage charges before its discount lines).
namespace bwi::core {

struct ReconcileRow {
  std::string model;
  double scenarioUsd = 0;
  double actualUsd = 0;
  double varianceUsd() const { return actualUsd - scenarioUsd; }
};

// Show-back: a team (or principal, or tag value) on both sides.
struct ReconcileKeyRow {
  std::string key;
  double scenarioUsd = 0;
  double actualUsd = 0;
  double varianceUsd() const { return actualUsd - scenarioUsd; }
};

struct Reconciliation {
  std::string month;              // the bill's month compared, YYYY-MM
  std::vector<ReconcileRow> rows; // by model: the scenario's order, then the bill's other models
  // Where the bill was grouped (BillImport::groupBy): by its key, the
  // scenario's side being each workload's team (its name where it has none).
  std::optional<std::string> groupBy;
  std::vector<ReconcileKeyRow> keys;
  double scenarioGrossUsd = 0, actualUsd = 0;
  double scenarioDiscountUsd = 0, actualDiscountUsd = 0;
};

// `month` empty: the bill's latest month. nullopt when the bill has no such month.
std::optional<Reconciliation> reconcile(const Evaluation &evaluation, const BillImport &bill,
                                        const std::string &month);
// The same, and by key where the bill was grouped: the evaluation must be
// of `scenario`.
std::optional<Reconciliation> reconcile(const Scenario &scenario, const Evaluation &evaluation,
                                        const BillImport &bill, const std::string &month);

// The key a bill group without one is shown under.
inline constexpr const char *kNoKey = "(none)";

Json reconciliationToJson(const Reconciliation &reconciliation, const std::string &scenarioName);

} // namespace bwi::core
