#include "ui/charts/unitcostchartview.h"

#include "core/common/moneyformat.h"
#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

QString perUnit(double usd) { return QString::fromStdString(core::formatUsdPerUnit(usd)); }

bool inBand(const core::UnitCostSeries &series, double usd) {
  return series.bandLowUsd && series.bandHighUsd && usd >= *series.bandLowUsd &&
         usd <= *series.bandHighUsd;
}

} // namespace

UnitCostChartView::UnitCostChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("unitCostChart"));
  QChart *chart = this->chart();
  // Months as ticks on values (as on the forecast), which thin out when the
  // chart is narrow rather than being hidden or cut.
  m_axisX = chartstyle::makeTickAxis(tr("Forecast month"));
  m_axisX->setGridLineVisible(false);
  m_axisY = chartstyle::makeTickAxis(tr("USD per unit (net)"));
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  const QColor green = chartstyle::colour(chartstyle::Colour::BluishGreen);
  const QColor red = chartstyle::colour(chartstyle::Colour::Vermillion);
  m_band = new QAreaSeries(new QLineSeries(this), new QLineSeries(this));
  m_band->setName(tr("Target band"));
  m_band->setBrush(chartstyle::fillBrush(green, 55));
  m_band->setPen(chartstyle::linePen(green, Qt::SolidLine, 1));
  m_target = new QLineSeries;
  m_target->setName(tr("Target"));
  m_target->setPen(chartstyle::linePen(green, Qt::DashLine, 2));
  m_cost = new QLineSeries;
  m_cost->setName(tr("Cost per unit"));
  m_cost->setPen(chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Black)));
  m_within = new QScatterSeries;
  m_within->setName(tr("Within the band"));
  m_within->setMarkerSize(8);
  m_within->setColor(green);
  m_within->setBorderColor(Qt::white);
  m_outside = new QScatterSeries;
  m_outside->setName(tr("Outside the band"));
  m_outside->setMarkerSize(8);
  m_outside->setColor(red);
  m_outside->setBorderColor(Qt::white);
  for (QAbstractSeries *series :
       std::initializer_list<QAbstractSeries *>{m_band, m_target, m_cost, m_within, m_outside}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_annotations = new ChartAnnotations(chart);
  for (auto *series : {m_cost, m_target})
    connect(series, &QLineSeries::hovered, this, &UnitCostChartView::showPointTooltip);
  for (auto *series : {m_within, m_outside})
    connect(series, &QScatterSeries::hovered, this, &UnitCostChartView::showPointTooltip);
  connect(m_band, &QAreaSeries::hovered, this, &UnitCostChartView::showPointTooltip);
}

void UnitCostChartView::showWorkbench(const core::WorkbenchFigures &workbench,
                                      const std::string &workloadId) {
  m_series = {};
  for (const core::UnitCostSeries &series : workbench.unitCosts)
    if (series.workloadId == workloadId) {
      m_series = series;
      break;
    }
  if (m_series.workloadId.empty() && !workbench.unitCosts.empty())
    m_series = workbench.unitCosts.front();

  const QString unit = QString::fromStdString(m_series.unit);
  const std::size_t months = m_series.costPerUnitUsd.size();
  QList<chartstyle::AxisTick> categories;
  QList<QPointF> cost, within, outside, low, high, target;
  double top = 0;
  bool any = false;
  for (std::size_t month = 0; month < months; ++month) {
    categories.append({static_cast<double>(month), chartstyle::monthTick(static_cast<int>(month))});
    const auto &value = m_series.costPerUnitUsd[month];
    if (!value)
      continue;
    const QPointF point(static_cast<double>(month), *value);
    cost.append(point);
    (inBand(m_series, *value) ? within : outside).append(point);
    top = std::max(top, *value);
    any = true;
  }
  const bool band = m_series.bandLowUsd && m_series.bandHighUsd && months > 0;
  if (band) {
    const double left = -0.5, right = static_cast<double>(months) - 0.5;
    low = {{left, *m_series.bandLowUsd}, {right, *m_series.bandLowUsd}};
    high = {{left, *m_series.bandHighUsd}, {right, *m_series.bandHighUsd}};
    target = {{left, *m_series.targetUsd}, {right, *m_series.targetUsd}};
    top = std::max(top, *m_series.bandHighUsd);
  }
  chartstyle::setTicks(m_axisX, -0.5, std::max<double>(static_cast<double>(months) - 0.5, 0.5),
                       categories);
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, top > 0 ? top * 1.1 : 1, 6);
  QList<chartstyle::AxisTick> labels;
  for (double value : ticks.values)
    labels.append({value, perUnit(value)});
  chartstyle::setTicks(m_axisY, ticks.min, ticks.max, labels);
  m_axisY->setTitleText(unit.isEmpty() ? tr("USD per unit (net)")
                                       : tr("USD per %1 (net)").arg(unit));
  m_cost->replace(cost);
  m_within->replace(within);
  m_outside->replace(outside);
  m_band->upperSeries()->replace(high);
  m_band->lowerSeries()->replace(low);
  m_target->replace(target);
  m_target->setName(
      band ? tr("Target %1 ± %2")
                 .arg(perUnit(*m_series.targetUsd), chartstyle::percent(m_series.tolerance, 0))
           : tr("Target"));
  m_band->setVisible(band);
  m_target->setVisible(band);
  m_within->setVisible(any && band);
  m_outside->setVisible(any && band);
  m_cost->setVisible(any);
  m_axisX->setVisible(any);
  m_axisY->setVisible(any);

  // The verdict first: a small chart shows its first lines and hovers the rest.
  QStringList details;
  const QString workload = QString::fromStdString(m_series.workloadId);
  if (band) {
    const auto outsideCount = outside.size();
    details.append(outsideCount == 0
                       ? tr("%1: every month within the band").arg(workload)
                       : tr("%1: %n month(s) outside the band", "", outsideCount).arg(workload));
  } else if (any) {
    details.append(tr("%1: no target set").arg(workload));
  }
  if (!m_series.workloadId.empty())
    details.append(tr("net after discount, meters and commitment show-back included"));
  m_annotations->setTitle(unit.isEmpty() ? tr("Cost per unit") : tr("Cost per %1").arg(unit),
                          details);
  m_legend->refresh();
  m_annotations->setMessage(
      m_series.workloadId.empty()
          ? tr("No workload names a unit: give one a unit (a ticket, a user, a document) in the "
               "workload levers to see its cost per unit.")
      : !any ? tr("No %1s in the forecast: set units per request or per month.").arg(unit)
             : QString());
}

void UnitCostChartView::showPointTooltip(QPointF point, bool state) {
  const long month = std::lround(point.x());
  if (!state || month < 0 || month >= static_cast<long>(m_series.costPerUnitUsd.size())) {
    chartstyle::hideTooltip();
    return;
  }
  const auto &value = m_series.costPerUnitUsd[static_cast<std::size_t>(month)];
  QStringList lines;
  lines.append(tr("%1, forecast month %2")
                   .arg(QString::fromStdString(m_series.workloadId),
                        chartstyle::monthTick(static_cast<int>(month))));
  const QString unit = QString::fromStdString(m_series.unit);
  lines.append(value ? tr("Cost per %1: %2").arg(unit, perUnit(*value))
                     : tr("No %1s this month").arg(unit));
  if (m_series.targetUsd && m_series.bandLowUsd && m_series.bandHighUsd)
    lines.append(tr("Target %1, band %2–%3")
                     .arg(perUnit(*m_series.targetUsd), perUnit(*m_series.bandLowUsd),
                          perUnit(*m_series.bandHighUsd)));
  chartstyle::showTooltip(this, lines.join(QLatin1Char('\n')));
}

} // namespace bwi::ui
