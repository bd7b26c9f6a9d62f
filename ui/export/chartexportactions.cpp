#include "chartexportactions.h"

#include "appsettings.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QWidget>

namespace bwi::ui {
namespace {

const QSize kExportSize(1200, 675);

} // namespace

void exportChartWithDialog(QWidget *parent, ChartKind kind, const ChartSource &source,
                           const QString &footer) {
  const QString suggestion = AppSettings::lastDirectory() + QLatin1Char('/') + chartKindName(kind) +
                             QStringLiteral(".png");
  const QString path = QFileDialog::getSaveFileName(
      parent, QObject::tr("Export chart"), suggestion,
      QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"));
  if (path.isEmpty())
    return;
  const ExportResult result = exportChart(kind, source, footer, path, kExportSize);
  if (!result.ok)
    QMessageBox::warning(parent, QObject::tr("Cannot export chart"), result.message);
}

void copyChartToClipboard(ChartKind kind, const ChartSource &source, const QString &footer) {
  QGuiApplication::clipboard()->setImage(renderChartImage(kind, source, footer, kExportSize));
}

void addChartContextMenu(QWidget *chart, ChartKind kind, std::function<ChartSource()> source,
                         std::function<QString()> footer) {
  chart->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto *exportAction = new QAction(QObject::tr("Export chart…"), chart);
  exportAction->setToolTip(QObject::tr("Save this chart as PNG, SVG or PDF, with a footer naming "
                                       "the scenario and the rate card's date."));
  QObject::connect(exportAction, &QAction::triggered, chart, [chart, kind, source, footer] {
    exportChartWithDialog(chart, kind, source(), footer());
  });
  auto *copyAction = new QAction(QObject::tr("Copy chart"), chart);
  QObject::connect(copyAction, &QAction::triggered, chart,
                   [kind, source, footer] { copyChartToClipboard(kind, source(), footer()); });
  chart->addAction(exportAction);
  chart->addAction(copyAction);
  chart->setToolTip(QObject::tr("Right-click to export or copy this chart."));
}

} // namespace bwi::ui
