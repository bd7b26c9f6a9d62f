#include "ui/charts/volumechartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

constexpr double kMinMultiplier = 0.1;
constexpr double kMaxMultiplier = 10;
// Production volume commonly runs 3 to 5 times the pilot's forecast
// (docs/cost-model.md §2): the band where commitments are usually decided.
constexpr double kPilotLow = 3;
constexpr double kPilotHigh = 5;

// The y axis plots log10(USD) so that its labels can read "$120k".
double logUsd(double usd) { return std::log10(std::max(usd, 1.0)); }

} // namespace

VolumeChartView::VolumeChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("volumeChart"));
  QChart *chart = this->chart();

  m_axisX = new QLogValueAxis;
  m_axisX->setBase(10);
  // A hair wider than the curve so that rounding keeps the 0.1x and 10x labels.
  m_axisX->setRange(kMinMultiplier * (1 - 1e-9), kMaxMultiplier * (1 + 1e-9));
  m_axisX->setLabelFormat(QStringLiteral("%gx"));
  m_axisX->setMinorTickCount(8);
  chartstyle::styleAxis(m_axisX, tr("Global volume multiplier (log scale)"));
  m_axisY = chartstyle::makeTickAxis(tr("Net USD per month (log scale)"));
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  auto *bandUpper = new QLineSeries(this);
  auto *bandLower = new QLineSeries(this);
  m_band = new QAreaSeries(bandUpper, bandLower);
  m_band->setName(tr("Pilot to production"));
  m_band->setPen(Qt::NoPen);
  m_band->setBrush(chartstyle::fillBrush(chartstyle::colour(chartstyle::Colour::Orange), 40));

  m_now = new QLineSeries;
  m_now->setName(tr("Now"));
  m_now->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Black), Qt::DotLine, 1.5));

  const auto curve = [](const QString &name, chartstyle::Colour colour, Qt::PenStyle style) {
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPen(chartstyle::linePen(chartstyle::colour(colour), style, 2.5));
    return series;
  };
  m_onDemand = curve(tr("On demand only"), chartstyle::Colour::Vermillion, Qt::DashLine);
  m_withCommitments = curve(tr("With commitments"), chartstyle::Colour::Blue, Qt::SolidLine);
  m_withOptimal = curve(tr("With optimal PT"), chartstyle::Colour::BluishGreen, Qt::DashDotLine);

  m_breakEvens = new QScatterSeries;
  m_breakEvens->setName(tr("PT break-even"));
  m_breakEvens->setMarkerShape(QScatterSeries::MarkerShapeCircle);
  m_breakEvens->setMarkerSize(11);
  m_breakEvens->setColor(chartstyle::colour(chartstyle::Colour::Black));
  m_breakEvens->setBorderColor(Qt::white);

  for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{
           m_band, m_now, m_onDemand, m_withCommitments, m_withOptimal, m_breakEvens}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_band); // labelled on the chart
  m_legend->exclude(m_now);

  m_annotations = new ChartAnnotations(chart);
  m_annotations->setTitle(tr("Cost vs volume"));
  m_bandLabel = m_annotations->addLabel(m_band, ChartAnnotations::Placement::PlotTop,
                                        chartstyle::colour(chartstyle::Colour::Orange));
  m_nowLabel = m_annotations->addLabel(m_now, ChartAnnotations::Placement::PlotBottom,
                                       chartstyle::colour(chartstyle::Colour::Black));

  for (QLineSeries *series : {m_onDemand, m_withCommitments, m_withOptimal})
    connect(series, &QLineSeries::hovered, this, &VolumeChartView::showCurveTooltip);
  m_annotations->keepClearOf(m_breakEvens);
  connect(m_breakEvens, &QScatterSeries::hovered, this, &VolumeChartView::showBreakEvenTooltip);
}

void VolumeChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  m_curve = workbench.volumeCurve;
  m_breakEvenData = workbench.breakEvens;
  const bool empty = m_curve.empty();
  for (QAbstractSeries *series : chart()->series())
    series->setVisible(!empty);
  m_axisX->setVisible(!empty);
  m_axisY->setVisible(!empty);
  m_annotations->setMessage(empty ? tr("No traffic to chart: add a workload with requests.")
                                  : QString());
  m_legend->refresh();
  if (empty) {
    m_annotations->relayout();
    return;
  }

  double low = m_curve.front().onDemandOnlyUsd;
  double high = low;
  QList<QPointF> onDemand, withCommitments, withOptimal;
  onDemand.reserve(static_cast<qsizetype>(m_curve.size()));
  withCommitments.reserve(onDemand.capacity());
  withOptimal.reserve(onDemand.capacity());
  for (const core::VolumeCurvePoint &point : m_curve) {
    onDemand.append({point.multiplier, logUsd(point.onDemandOnlyUsd)});
    withCommitments.append({point.multiplier, logUsd(point.withCommitmentsUsd)});
    withOptimal.append({point.multiplier, logUsd(point.withOptimalUsd)});
    low = std::min({low, point.onDemandOnlyUsd, point.withCommitmentsUsd, point.withOptimalUsd});
    high = std::max({high, point.onDemandOnlyUsd, point.withCommitmentsUsd, point.withOptimalUsd});
  }
  // Headroom above the curves for the band's label.
  const chartstyle::TickRange ticks = chartstyle::logTicks(std::max(low, 1.0), high * 1.4);
  const double yMin = logUsd(ticks.min);
  const double yMax = logUsd(ticks.max);
  QList<chartstyle::AxisTick> axisTicks = chartstyle::moneyTicks(ticks.values);
  for (chartstyle::AxisTick &tick : axisTicks)
    tick.value = logUsd(tick.value);
  chartstyle::setTicks(m_axisY, yMin, yMax, axisTicks);

  m_onDemand->replace(onDemand);
  m_withCommitments->replace(withCommitments);
  m_withOptimal->replace(withOptimal);
  m_band->upperSeries()->replace({{kPilotLow, yMax}, {kPilotHigh, yMax}});
  m_band->lowerSeries()->replace({{kPilotLow, yMin}, {kPilotHigh, yMin}});
  m_annotations->setLabel(m_bandLabel, tr("pilot→production 3-5x"),
                          {std::sqrt(kPilotLow * kPilotHigh), yMax});

  const double now = workbench.currentMultiplier;
  const bool nowInRange = now >= kMinMultiplier && now <= kMaxMultiplier;
  m_now->setVisible(nowInRange);
  m_now->replace({{now, yMin}, {now, yMax}});
  if (nowInRange)
    m_annotations->setLabel(m_nowLabel, tr("now %1").arg(chartstyle::multiplier(now)), {now, yMin});
  else
    m_annotations->hideLabel(m_nowLabel);

  QList<QPointF> breakEvens;
  for (const core::BreakEvenMarker &marker : m_breakEvenData)
    breakEvens.append({marker.multiplier, logUsd(marker.netUsd)});
  m_breakEvens->replace(breakEvens);
  while (m_breakEvenLabels.size() < m_breakEvenData.size())
    m_breakEvenLabels.push_back(
        m_annotations->addLabel(m_breakEvens, ChartAnnotations::Placement::BelowRight,
                                chartstyle::colour(chartstyle::Colour::Black)));
  for (std::size_t i = 0; i < m_breakEvenLabels.size(); ++i) {
    if (i >= m_breakEvenData.size()) {
      m_annotations->hideLabel(m_breakEvenLabels[i]);
      continue;
    }
    const core::BreakEvenMarker &marker = m_breakEvenData[i];
    m_annotations->setLabel(m_breakEvenLabels[i],
                            tr("PT on %1 pays off above %2")
                                .arg(chartstyle::shortModelName(marker.modelId),
                                     chartstyle::multiplier(marker.multiplier)),
                            breakEvens[static_cast<qsizetype>(i)]);
  }
  m_annotations->relayout();
}

void VolumeChartView::showCurveTooltip(QPointF point, bool state) {
  if (!state || m_curve.empty()) {
    chartstyle::hideTooltip();
    return;
  }
  const double at = std::log(std::max(point.x(), 1e-9));
  const auto nearest =
      std::min_element(m_curve.begin(), m_curve.end(), [at](const auto &a, const auto &b) {
        return std::fabs(std::log(a.multiplier) - at) < std::fabs(std::log(b.multiplier) - at);
      });
  chartstyle::showTooltip(
      this, tr("At %1 volume, net per month\nOn demand only: %2\nWith commitments: %3\n"
               "With optimal PT: %4")
                .arg(chartstyle::multiplier(nearest->multiplier),
                     chartstyle::usdExact(nearest->onDemandOnlyUsd),
                     chartstyle::usdExact(nearest->withCommitmentsUsd),
                     chartstyle::usdExact(nearest->withOptimalUsd)));
}

void VolumeChartView::showBreakEvenTooltip(QPointF point, bool state) {
  if (!state || m_breakEvenData.empty()) {
    chartstyle::hideTooltip();
    return;
  }
  const auto nearest = std::min_element(
      m_breakEvenData.begin(), m_breakEvenData.end(), [&point](const auto &a, const auto &b) {
        return std::fabs(a.multiplier - point.x()) < std::fabs(b.multiplier - point.x());
      });
  chartstyle::showTooltip(this,
                          tr("PT on %1 pays off above %2 volume\n"
                             "With commitments there: %3 per month")
                              .arg(QString::fromStdString(nearest->modelId),
                                   QString::number(nearest->multiplier, 'f', 3) + QLatin1Char('x'),
                                   chartstyle::usdExact(nearest->netUsd)));
}

} // namespace bwi::ui
