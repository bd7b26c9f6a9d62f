#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/scenariocomparison.h"
#include "core/analysis/tornado.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/report/workbenchfigures.h"

#include <QDate>
#include <QImage>
#include <QSize>
#include <QString>

class QPainter;

#include <optional>

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
  UnitCost
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

// The line under every exported chart, so a slide can always be traced:
// scenario, rate card date and region, list prices or negotiated overrides,
// the private-pricing discount, the export date.
QString exportFooter(const core::Scenario &scenario, const core::RateCard &card,
                     const QDate &exportDate);

// The footer of a comparison chart: the baseline's footer and what it is compared with.
QString comparisonFooter(const QString &baselineFooter, const core::Comparison &comparison);

struct ExportResult {
  bool ok = false;
  QString message; // why not
};

// Draws a chart from `source` into `path`: PNG (at `devicePixelRatio`),
// SVG (vector, text as text) or PDF (vector), chosen by the file's suffix.
// `size` is the picture in pixels (PDF: points at 96 dpi). The file is
// written to a temporary name first and renamed, so a failure leaves no
// half-written file.
ExportResult exportChart(ChartKind kind, const ChartSource &source, const QString &footer,
                         const QString &path, const QSize &size, double devicePixelRatio = 2.0);

// Ends an export written to `temporary`: renamed over `path` when it was
// written, removed (with the reason) when not, so no half-written file stays.
ExportResult finishExport(bool written, const QString &temporary, const QString &path);

// Draws the chart (without footer) into `target` of any paint device:
// vector on PDF and SVG devices. Used by the meeting pack.
void drawChart(QPainter &painter, ChartKind kind, const ChartSource &source, const QRectF &target);

// The same picture as an image, for the clipboard.
QImage renderChartImage(ChartKind kind, const ChartSource &source, const QString &footer,
                        const QSize &size, double devicePixelRatio = 2.0);

} // namespace bwi::ui
