#include "ui/export/chartexport.h"

#include "core/common/moneyformat.h"
#include "core/files/scenariofile.h"
#include "ui/charts/breakdownchartview.h"
#include "ui/charts/commitmentcalendarview.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/charts/comparechartview.h"
#include "ui/charts/escalationchartview.h"
#include "ui/charts/forecastchartview.h"
#include "ui/charts/loadchartview.h"
#include "ui/charts/plannerchartview.h"
#include "ui/charts/tornadochartview.h"
#include "ui/charts/unitcostchartview.h"
#include "ui/charts/volumechartview.h"
#include "ui/charts/waterfallchartview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <memory>

namespace bwi::ui {
namespace {

constexpr int kFooterHeight = 26;

std::unique_ptr<QChartView> makeComparisonChart(ChartKind kind, const core::Comparison &comparison,
                                                std::size_t attribution) {
  if (kind == ChartKind::Compare) {
    auto chart = std::make_unique<CompareChartView>();
    chart->showComparison(comparison);
    return chart;
  }
  auto chart = std::make_unique<WaterfallChartView>();
  if (attribution < comparison.attributions.size())
    chart->showAttribution(comparison.attributions[attribution],
                           QString::fromStdString(comparison.labels.front()),
                           QString::fromStdString(comparison.labels[attribution + 1]));
  else
    chart->showMessage(QObject::tr("Add a scenario to compare with the baseline."));
  return chart;
}

std::unique_ptr<QChartView> makeChart(ChartKind kind, const ChartSource &source) {
  if (isComparisonChart(kind)) {
    static const core::Comparison empty;
    return makeComparisonChart(kind, source.comparison ? *source.comparison : empty,
                               source.attribution);
  }
  static const core::WorkbenchFigures none;
  const core::WorkbenchFigures &workbench = source.workbench ? *source.workbench : none;
  std::unique_ptr<QChartView> view;
  const auto show = [&](auto *chart) {
    view.reset(chart);
    chart->showWorkbench(workbench);
  };
  switch (kind) {
  case ChartKind::Volume:
    show(new VolumeChartView);
    break;
  case ChartKind::Commitment:
    show(new CommitmentChartView);
    break;
  case ChartKind::Breakdown:
    show(new BreakdownChartView);
    break;
  case ChartKind::Forecast: {
    auto *chart = new ForecastChartView;
    view.reset(chart);
    if (source.forecast)
      chart->showForecast(*source.forecast);
    else
      chart->showWorkbench(workbench);
    break;
  }
  case ChartKind::Tornado: {
    auto *chart = new TornadoChartView;
    view.reset(chart);
    if (source.tornado)
      chart->showTornado(*source.tornado);
    else
      chart->showMessage(QObject::tr("No tornado computed."));
    break;
  }
  case ChartKind::Planner: {
    auto *chart = new PlannerChartView;
    view.reset(chart);
    if (source.plan)
      chart->showPlan(*source.plan);
    else
      chart->showMessage(QObject::tr("No commitment plan computed."));
    break;
  }
  case ChartKind::Load:
    show(new LoadChartView);
    break;
  case ChartKind::Calendar:
    show(new CommitmentCalendarView);
    break;
  case ChartKind::UnitCost: {
    auto *chart = new UnitCostChartView;
    view.reset(chart);
    chart->showWorkbench(workbench, source.unitWorkload);
    break;
  }
  case ChartKind::Escalation: {
    auto *chart = new EscalationChartView;
    view.reset(chart);
    chart->showCurve(source.escalation ? std::optional(*source.escalation) : std::nullopt);
    break;
  }
  case ChartKind::Waterfall:
  case ChartKind::Compare:
    break;
  }
  return view;
}

// Lays the chart out at its export size without putting it on screen.
std::unique_ptr<QChartView> layOut(ChartKind kind, const ChartSource &source,
                                   const QSize &chartSize) {
  auto view = makeChart(kind, source);
  view->setAttribute(Qt::WA_DontShowOnScreen);
  view->resize(chartSize);
  view->show();
  QApplication::processEvents();
  return view;
}

void paint(QPainter &painter, QChartView &view, const QString &footer, const QSize &size) {
  const QRectF chartRect(0, 0, size.width(), size.height() - kFooterHeight);
  painter.fillRect(QRectF(0, 0, size.width(), size.height()), Qt::white);
  view.scene()->render(&painter, chartRect, view.sceneRect());
  // The footer is what traces a slide to its rate card: a smaller font
  // before any of it is cut.
  const QRectF footerRect(8, size.height() - kFooterHeight, size.width() - 16, kFooterHeight);
  QFont font = QApplication::font();
  qreal pointSize = 8;
  font.setPointSizeF(pointSize);
  while (pointSize > 5.5 && QFontMetricsF(font).horizontalAdvance(footer) > footerRect.width()) {
    pointSize -= 0.5;
    font.setPointSizeF(pointSize);
  }
  painter.setFont(font);
  painter.setPen(QColor(80, 80, 80));
  painter.drawText(footerRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                   QFontMetricsF(font).elidedText(footer, Qt::ElideMiddle, footerRect.width()));
}

QSize chartSize(const QSize &size) { return {size.width(), size.height() - kFooterHeight}; }

} // namespace

void drawChart(QPainter &painter, ChartKind kind, const ChartSource &source, const QRectF &target) {
  auto view = layOut(kind, source, target.size().toSize());
  view->scene()->render(&painter, target, view->sceneRect());
}

QString exportFooter(const core::Scenario &scenario, const core::RateCard &card,
                     const QDate &exportDate, const std::string &unpricedNote) {
  QStringList parts;
  parts.append(QString::fromStdString(scenario.name.empty() ? "Untitled scenario" : scenario.name));
  parts.append(QObject::tr("rate card as of %1 (%2)")
                   .arg(QString::fromStdString(card.asOf), QString::fromStdString(card.region)));
  parts.append(scenario.ratecardOverrides.empty() ? QObject::tr("list prices")
                                                  : QObject::tr("with negotiated overrides"));
  if (scenario.agreement && scenario.agreement->discount > 0)
    parts.append(
        QObject::tr("private-pricing discount %1")
            .arg(QString::fromStdString(core::formatPercent(scenario.agreement->discount))));
  parts.append(QObject::tr("exported %1").arg(exportDate.toString(Qt::ISODate)));
  if (!unpricedNote.empty())
    parts.append(QStringLiteral("⚠ ") + QString::fromStdString(unpricedNote));
  return QObject::tr("Bedrock What-If · ") + parts.join(QStringLiteral(" · "));
}

QString comparisonFooter(const QString &baselineFooter, const core::Comparison &comparison) {
  QStringList others;
  for (std::size_t i = 1; i < comparison.labels.size(); ++i)
    others.append(QString::fromStdString(comparison.labels[i]));
  if (others.isEmpty())
    return baselineFooter;
  return baselineFooter + QObject::tr(" · compared with %1").arg(others.join(QStringLiteral(", ")));
}

QImage renderChartImage(ChartKind kind, const ChartSource &source, const QString &footer,
                        const QSize &size, double devicePixelRatio) {
  auto view = layOut(kind, source, chartSize(size));
  QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(devicePixelRatio);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  paint(painter, *view, footer, size);
  return image;
}

ExportResult exportChart(ChartKind kind, const ChartSource &source, const QString &footer,
                         const QString &path, const QSize &size, double devicePixelRatio) {
  if (size.width() < 200 || size.height() < 150 || size.width() > 10000 || size.height() > 10000)
    return {false, QObject::tr("a chart is 200×150 to 10000×10000 pixels")};
  if (!source.refusal.isEmpty())
    return {false, source.refusal};
  if (source.workbench && !core::allFinite(*source.workbench))
    return {false, QObject::tr("%1: there is no chart to export")
                       .arg(QString::fromStdString(core::overflowReason()))};
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
      suffix != QLatin1String("pdf"))
    return {false, QObject::tr("%1: the file name must end in .png, .svg or .pdf").arg(path)};
  const QString temporary = path + QStringLiteral(".part");
  bool written = false;
  if (suffix == QLatin1String("png")) {
    written = renderChartImage(kind, source, footer, size, devicePixelRatio).save(temporary, "PNG");
  } else {
    auto view = layOut(kind, source, chartSize(size));
    if (suffix == QLatin1String("svg")) {
      QSvgGenerator generator;
      generator.setFileName(temporary);
      generator.setSize(size);
      generator.setViewBox(QRect(QPoint(0, 0), size));
      generator.setTitle(QObject::tr("Bedrock What-If: %1 chart").arg(chartKindName(kind)));
      generator.setDescription(footer);
      QPainter painter;
      written = painter.begin(&generator);
      if (written) {
        paint(painter, *view, footer, size);
        written = painter.end();
      }
    } else {
      QPdfWriter writer(temporary);
      writer.setResolution(96);
      writer.setPageSize(
          QPageSize(QSizeF(size.width() * 72.0 / 96, size.height() * 72.0 / 96), QPageSize::Point));
      writer.setPageMargins(QMarginsF(0, 0, 0, 0));
      writer.setTitle(QObject::tr("Bedrock What-If: %1 chart").arg(chartKindName(kind)));
      writer.setCreator(QStringLiteral("Bedrock What-If"));
      QPainter painter;
      written = painter.begin(&writer);
      if (written) {
        paint(painter, *view, footer, size);
        written = painter.end();
      }
    }
  }
  return finishExport(written, temporary, path);
}

ExportResult finishExport(bool written, const QString &temporary, const QString &path) {
  if (!written) {
    QFile::remove(temporary);
    return {false, QObject::tr("cannot write %1").arg(path)};
  }
  // Renamed over the old file in one step: removing it first would lose it
  // if the program stopped in between.
  const core::WriteResult replaced =
      core::replaceWithFile(temporary.toStdString(), path.toStdString());
  if (!replaced.ok)
    return {false, QString::fromStdString(replaced.message)};
  return {true, {}};
}

} // namespace bwi::ui
