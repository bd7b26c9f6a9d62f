#pragma once

#include "core/analysis/commitmentcalendar.h"
#include "core/analysis/keyfigures.h"
#include "core/cost/curves.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"

#include <optional>
#include <string>
#include <vector>

// Everything the workbench window shows for one state of the scenario,
// computed in one call so the GUI does no arithmetic of its own.
namespace bwi::core {

struct WorkbenchSelection {
  int month = 0;
  // The model the commitment explorer and load chart show; empty: the first
  // committed model, else the first that could be committed.
  std::string modelId;
};

struct BreakEvenMarker {
  std::string modelId;
  double multiplier = 0; // absolute global volume multiplier
  double netUsd = 0;     // the with-commitments line there
};

// One workload's cost per unit over the forecast months against its target
// band (docs/cost-model.md §19): the "Cost per unit" chart.
struct UnitCostSeries {
  std::string workloadId;
  std::string unit;
  std::optional<double> targetUsd;   // USD per unit
  std::optional<double> bandLowUsd;  // target × (1 − tolerance)
  std::optional<double> bandHighUsd; // target × (1 + tolerance)
  double tolerance = 0;
  // Per forecast month, USD per unit; nullopt in a month without units.
  std::vector<std::optional<double>> costPerUnitUsd;
};

// The series of every workload that names a unit, in workload order.
std::vector<UnitCostSeries> unitCostSeries(const Forecast &forecast);

struct WorkbenchFigures {
  Evaluation evaluation;
  KeyFigures figures;
  std::vector<VolumeCurvePoint> volumeCurve;
  std::vector<BreakEvenMarker> breakEvens; // inside the curve's range
  double currentMultiplier = 1;
  std::string selectedModelId; // resolved selection ("" when no model can be committed)
  std::vector<std::string> committableModels; // PT-capable with traffic, or reserved
  std::optional<UnitsCurve> unitsCurve;       // PT explorer
  std::optional<ReservedCurve> reservedCurve; // Reserved-tier explorer
  std::optional<LoadProfile> load;
  Forecast forecast;                     // without the Monte Carlo fan; see computeWorkbenchFigures
  std::vector<UnitCostSeries> unitCosts; // from the forecast
  CommitmentCalendar commitmentCalendar; // from the forecast (docs/cost-model.md §13.6)
};

WorkbenchFigures computeWorkbenchFigures(const PreparedScenario &scenario,
                                         const WorkbenchSelection &selection,
                                         std::optional<double> baselineNetUsd);

// Whether every figure the window would show is a finite number: the
// month's evaluation, the key figures, each curve and the forecast.
bool allFinite(const WorkbenchFigures &workbench);

} // namespace bwi::core
