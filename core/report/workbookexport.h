#pragma once

#include "core/common/atomicfile.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The scenario's inputs, rates, month and forecast as tables: an Excel
// workbook whose month is live formulas over the inputs and rates (so finance
// can audit and re-run it), or one table as CSV. Every cached value is core's
// own figure, so the workbook opens showing exactly what the program shows.
namespace bwi::core {

enum class CellStyle { Plain, Money, RatePer1m, UnitPrice, Share, Count, Tokens };

struct SheetCell {
  std::string text = {};             // a text cell when !number
  std::optional<double> number = {}; // the value, or a formula's cached value
  std::string formula = {};          // "=..." with A1 references; empty: a value
  CellStyle style = CellStyle::Plain;
  bool emphasis = false;    // bold: an overridden price, a total
  std::string comment = {}; // an Excel note (the workbook only)
};

struct SheetTable {
  std::string name;
  std::vector<std::string> headers;
  std::vector<double> widths; // column widths in characters, one per header
  std::vector<std::vector<SheetCell>> rows;
};

// What one (workload, model) flow costs in one month, split as the workbook
// shows it (USD per month).
struct FlowCost {
  double realtimeRequests = 0;
  double batchRequests = 0;
  double realtimeOnDemandUsd = 0; // real-time traffic billed on demand (no commitment)
  double batchUsd = 0;            // batch share: batch prices, or on demand without batch
  double overflowUsd = 0;         // real-time traffic above a commitment, on demand
  double provisionedUsd = 0;      // the PT charge allocated to the flow (show-back)
  double reservedUsd = 0;         // the reservation charge allocated to the flow
  double totalUsd() const {
    return realtimeOnDemandUsd + batchUsd + overflowUsd + provisionedUsd + reservedUsd;
  }
};

// One FlowCost per PreparedScenario flow for the evaluated month: the
// evaluation's per-flow show-back (docs/cost-model.md §10.1), with the batch
// share billed on demand (10.5) moved into batchUsd.
std::vector<FlowCost> flowCosts(const PreparedScenario &prepared, const Evaluation &evaluation);

struct WorkbookTables {
  SheetTable inputs;   // "Inputs": one row per flow
  SheetTable rates;    // "Rates": one row per model used
  SheetTable meters;   // "Meters": one row per meter, its quantity a formula, its rate and source
  SheetTable monthly;  // "Monthly": formulas over Inputs and Rates, totals
  SheetTable forecast; // "Forecast": values
};

// `card` has the scenario's overrides applied; `month0` is evaluate(prepared, month).
WorkbookTables workbookTables(const Scenario &scenario, const RateCard &card,
                              const PreparedScenario &prepared, const Evaluation &month0,
                              const Forecast &forecast);

// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
// comma, quote or line break. Formula cells give their cached values.
std::string tableCsv(const SheetTable &table);
std::string workloadsCsv(const WorkbookTables &tables);
std::string ratesCsv(const WorkbookTables &tables);
std::string metersCsv(const WorkbookTables &tables);
std::string monthlyCsv(const WorkbookTables &tables);
std::string forecastCsv(const WorkbookTables &tables);
// The table named workloads, rates, meters, monthly or forecast, written atomically;
// on failure the message names `out`.
WriteResult writeTableCsv(const WorkbookTables &tables, std::string_view table,
                          const std::filesystem::path &out);

// Writes the .xlsx to a temporary file beside `out`, then renames it over
// `out`; on failure no file is left and the message names `out`.
WriteResult writeWorkbook(const Scenario &scenario, const RateCard &card,
                          const PreparedScenario &prepared, const Evaluation &month0,
                          const Forecast &forecast, const std::filesystem::path &out);
WriteResult writeWorkbook(const WorkbookTables &tables, const std::filesystem::path &out);

} // namespace bwi::core
