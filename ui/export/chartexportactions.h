#pragma once

#include "chartexport.h"

#include <QString>

#include <functional>

class QWidget;

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

} // namespace bwi::ui
