#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/escalation.h"
#include "core/analysis/scenariocomparison.h"
#include "core/analysis/tornado.h"
#include "core/forecast/forecast.h"
#include "core/report/workbenchfigures.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <string>

namespace bwi::ui {

// The workbench's charts and the comparison's, by the names the command line uses.
enum class ChartKind {
  Volume,
  Commitment,
  Breakdown,
  Forecast,
  Load,
  Waterfall,
  Compare,
  Tornado,
  Planner,
  UnitCost,
  Escalation, // monthly cost against the escalation rate (docs/cost-model.md §12)
  Calendar    // the commitment calendar (docs/cost-model.md §13.6)
};

// What a chart draws from: the workbench; for the waterfall and compare
// charts a comparison (the waterfall shows attributions[attribution]); for
// the tornado and the planner core's results of those.
struct ChartSource {
  ChartSource(const core::WorkbenchFigures &workbench)
      : workbench(&workbench) {} // NOLINT: implicit
  ChartSource(const core::Comparison &comparison, std::size_t attribution = 0)
      : comparison(&comparison), attribution(attribution) {}
  explicit ChartSource(const core::Tornado &tornado) : tornado(&tornado) {}
  explicit ChartSource(const core::CommitmentPlan &plan) : plan(&plan) {}
  const core::WorkbenchFigures *workbench = nullptr;
  // The forecast chart draws this one (with its Monte Carlo fan) when set,
  // rather than the workbench's.
  const core::Forecast *forecast = nullptr;
  const core::Comparison *comparison = nullptr;
  std::size_t attribution = 0;
  const core::Tornado *tornado = nullptr;
  const core::CommitmentPlan *plan = nullptr;
  // The workload the cost-per-unit chart shows; empty: the first that names a unit.
  std::string unitWorkload;
  // The exception-path chart's curve (core::escalationCurve); null: no
  // workload has an escalation, and the chart says how to set one.
  const core::EscalationCurve *escalation = nullptr;
  // Why there is no chart to export (the window's month overflows and it
  // shows an empty workbench, ScenarioDocument::figuresProblem); empty when
  // the figures are there.
  QString refusal;
};

// Whether the chart draws a comparison rather than one scenario's workbench.
bool isComparisonChart(ChartKind kind);

std::optional<ChartKind> chartKindFromName(const QString &name);
QString chartKindName(ChartKind kind);
QStringList chartKindNames();

} // namespace bwi::ui
