#pragma once

#include "ui/export/chartexport.h"

#include <QString>

#include <functional>

class QWidget;

namespace bwi::ui {
class ScenarioDocument;
}

// What every chart on screen offers, in its context menu and behind a button
// in its top right corner: "Export chart…" (PNG, SVG or PDF, with the
// tracing footer) and "Copy chart" (an image).
namespace bwi::ui {

// Asks for a file and exports; says why when it cannot.
void exportChartWithDialog(QWidget *parent, ChartKind kind, const ChartSource &source,
                           const QString &footer);
// Refused, with the reason, when the source carries one.
ExportResult copyChartToClipboard(ChartKind kind, const ChartSource &source, const QString &footer);

// `source` and `footer` are asked for at the click, so the export shows the
// figures of that moment.
void addChartContextMenu(QWidget *chart, ChartKind kind, std::function<ChartSource()> source,
                         std::function<QString()> footer);

// The same for a chart of the document's workbench: its figures and footer
// at the click, refused with the document's reason when the month shown
// overflows (it shows an empty workbench then). `more` adds what the chart
// draws besides the workbench (the fan, the tornado, the planner).
void addWorkbenchChartMenu(QWidget *chart, ChartKind kind, const ScenarioDocument *document,
                           std::function<void(ChartSource &)> more = {});

} // namespace bwi::ui
