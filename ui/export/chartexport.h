#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/report/workbenchfigures.h"
#include "ui/charts/chartkind.h"

#include <QDate>
#include <QImage>
#include <QSize>
#include <QString>

class QPainter;

#include <optional>
#include <string>

namespace bwi::ui {

// The line under every exported chart, so a slide can always be traced:
// scenario, rate card date and region, list prices or negotiated overrides,
// the private-pricing discount, the export date; and, when traffic runs on
// models without a price, core::unpricedNote (docs/cost-model.md §21).
QString exportFooter(const core::Scenario &scenario, const core::RateCard &card,
                     const QDate &exportDate, const std::string &unpricedNote = {});

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
