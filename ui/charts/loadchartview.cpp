#include "ui/charts/loadchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QLineSeries>

#include <algorithm>
#include <array>
#include <cmath>

namespace bwi::ui {
namespace {

constexpr int kHours = 168;

QString dayName(int day, bool narrow) {
  static constexpr std::array names = {QT_TR_NOOP("Mon"), QT_TR_NOOP("Tue"), QT_TR_NOOP("Wed"),
                                       QT_TR_NOOP("Thu"), QT_TR_NOOP("Fri"), QT_TR_NOOP("Sat"),
                                       QT_TR_NOOP("Sun")};
  // Two letters in a narrow chart ("Mo", "Tu"): still one name per day, none cut short.
  static constexpr std::array shortNames = {QT_TR_NOOP("Mo"), QT_TR_NOOP("Tu"), QT_TR_NOOP("We"),
                                            QT_TR_NOOP("Th"), QT_TR_NOOP("Fr"), QT_TR_NOOP("Sa"),
                                            QT_TR_NOOP("Su")};
  const std::size_t index = static_cast<std::size_t>(day) % names.size();
  return LoadChartView::tr(narrow ? shortNames[index] : names[index]);
}

QList<QPointF> level(double value) { return {{0, value}, {kHours, value}}; }

} // namespace

LoadChartView::LoadChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("loadChart"));
  QChart *chart = this->chart();
  m_axisX = new QCategoryAxis;
  m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
  m_axisX->setTruncateLabels(false); // fitDayNames() keeps them whole
  m_axisX->setStartValue(0);
  for (int day = 0; day < 7; ++day)
    m_axisX->append(dayName(day, false), (day + 1) * 24);
  m_axisX->setRange(0, kHours);
  connect(chart, &QChart::plotAreaChanged, this, &LoadChartView::fitDayNames);
  chartstyle::styleAxis(m_axisX, tr("Hour of the week (UTC)"));
  m_axisY = chartstyle::makeTickAxis(QString());
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  const auto area = [this](const QString &name, const QBrush &brush, const QPen &pen) {
    auto *series = new QAreaSeries(new QLineSeries(this), new QLineSeries(this));
    series->setName(name);
    series->setBrush(brush);
    series->setPen(pen);
    return series;
  };
  m_served =
      area(tr("Served"), chartstyle::fillBrush(chartstyle::colour(chartstyle::Colour::SkyBlue), 80),
           Qt::NoPen);
  m_idle = area(tr("Idle capacity"), QBrush(QColor(0x70, 0x70, 0x70), Qt::BDiagPattern), Qt::NoPen);
  m_overflow = area(tr("Overflow"),
                    chartstyle::fillBrush(chartstyle::colour(chartstyle::Colour::Vermillion), 90),
                    Qt::NoPen);

  const auto line = [](const QString &name, chartstyle::Colour colour, Qt::PenStyle style,
                       qreal width) {
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPen(chartstyle::linePen(chartstyle::colour(colour), style, width));
    return series;
  };
  m_demand = line(tr("Demand"), chartstyle::Colour::Blue, Qt::SolidLine, 2);
  m_committed = line(tr("Committed"), chartstyle::Colour::Black, Qt::SolidLine, 2.5);
  m_floor = line(tr("Floor"), chartstyle::Colour::Orange, Qt::DashLine, 2);
  m_optimal = line(tr("Optimum"), chartstyle::Colour::BluishGreen, Qt::DashDotLine, 2);

  for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{
           m_served, m_idle, m_overflow, m_demand, m_committed, m_floor, m_optimal}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_served); // the fill under the demand line
  for (QAreaSeries *series : {m_served, m_idle, m_overflow})
    connect(series, &QAreaSeries::hovered, this, &LoadChartView::showHourTooltip);
  connect(m_demand, &QLineSeries::hovered, this, &LoadChartView::showHourTooltip);

  m_annotations = new ChartAnnotations(chart);
  m_annotations->setTitle(tr("Hourly load"));
  m_committedLabel = m_annotations->addLabel(m_committed, ChartAnnotations::Placement::AboveLeft,
                                             chartstyle::colour(chartstyle::Colour::Black));
  m_floorLabel = m_annotations->addLabel(m_floor, ChartAnnotations::Placement::AboveLeft,
                                         chartstyle::colour(chartstyle::Colour::Orange));
  m_optimalLabel = m_annotations->addLabel(m_optimal, ChartAnnotations::Placement::AboveLeft,
                                           chartstyle::colour(chartstyle::Colour::BluishGreen));
}

void LoadChartView::fitDayNames() {
  const QFontMetricsF metrics(m_axisX->labelsFont());
  const bool narrow =
      chart()->plotArea().width() / 7 < metrics.horizontalAdvance(dayName(2, false)) + 8;
  if (m_axisX->categoriesLabels().value(0) == dayName(0, narrow))
    return;
  for (int day = 0; day < 7; ++day)
    m_axisX->replaceLabel(dayName(day, !narrow), dayName(day, narrow));
}

void LoadChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  m_load = workbench.load;
  const bool empty = !m_load;
  m_axisX->setVisible(!empty);
  m_axisY->setVisible(!empty);
  if (empty) {
    m_annotations->setTitle(tr("Hourly load"));
    for (QAbstractSeries *series : chart()->series())
      series->setVisible(false);
    m_legend->refresh();
    m_annotations->setMessage(
        workbench.evaluation.requests > 0
            ? tr("No hourly load to show: select a model with real-time traffic that has a PT "
                 "quote or a reservation.")
            : tr("No traffic this month: add a workload (Workloads tab) or give one requests."));
    return;
  }
  m_annotations->setMessage(QString());
  const core::LoadProfile &load = *m_load;
  m_annotations->setTitle(
      tr("Hourly load: %1").arg(chartstyle::shortModelName(load.modelId)),
      load.committed
          ? QStringList{tr("overflow above the commitment is billed on demand"),
                        tr("hatched: idle commitment")}
          : QStringList{tr("no active commitment"), tr("dashed: the floor and the optimum")});
  chartstyle::setAxisTitle(m_axisY,
                           load.reserved ? tr("Input tokens per minute") : tr("Model units (MU)"));

  // Each hour as a step, so the shading meets the demand line exactly.
  const bool committed = load.committed.has_value();
  const double commitment = load.committed.value_or(0);
  QList<QPointF> demand, below, above, zero;
  demand.reserve(2 * kHours);
  below.reserve(2 * kHours);
  above.reserve(2 * kHours);
  double high = std::max({load.floor, load.optimal, commitment});
  for (int hour = 0; hour < kHours; ++hour) {
    const double value = load.demand[static_cast<std::size_t>(hour)];
    high = std::max(high, value);
    for (int edge : {hour, hour + 1}) {
      demand.append({static_cast<double>(edge), value});
      below.append({static_cast<double>(edge), std::min(value, commitment)});
      above.append({static_cast<double>(edge), std::max(value, commitment)});
    }
  }
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, high * 1.08, 6);
  chartstyle::setTicks(m_axisY, 0, ticks.max, chartstyle::countTicks(ticks.values));

  m_demand->replace(demand);
  m_served->upperSeries()->replace(committed ? below : demand);
  m_served->lowerSeries()->replace(level(0));
  m_idle->upperSeries()->replace(committed ? level(commitment) : zero);
  m_idle->lowerSeries()->replace(committed ? below : zero);
  m_overflow->upperSeries()->replace(committed ? above : zero);
  m_overflow->lowerSeries()->replace(committed ? level(commitment) : zero);
  m_committed->replace(committed ? level(commitment) : zero);
  m_floor->replace(level(load.floor));
  m_optimal->replace(level(load.optimal));
  m_demand->setVisible(true);
  m_served->setVisible(true);
  m_floor->setVisible(true);
  m_optimal->setVisible(true);
  for (QAbstractSeries *series :
       std::initializer_list<QAbstractSeries *>{m_idle, m_overflow, m_committed})
    series->setVisible(committed);
  m_legend->refresh();
  showLevels(load);
}

// "committed 2 MU" at the right end of each line; one label where they coincide.
void LoadChartView::showLevels(const core::LoadProfile &load) {
  const auto amount = [&load](double value) {
    return load.reserved ? tr("%1 TPM").arg(chartstyle::countShort(value))
                         : tr("%1 MU").arg(chartstyle::countExact(value));
  };
  struct Level {
    int label;
    std::optional<double> value;
    QString name;
  };
  const std::array levels = {Level{m_committedLabel, load.committed, tr("committed")},
                             Level{m_floorLabel, load.floor, tr("floor")},
                             Level{m_optimalLabel, load.optimal, tr("optimum")}};
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const Level &level = levels[i];
    const bool repeated = std::any_of(
        levels.begin(), levels.begin() + static_cast<std::ptrdiff_t>(i),
        [&level](const Level &earlier) { return earlier.value && earlier.value == level.value; });
    if (!level.value || repeated) {
      m_annotations->hideLabel(level.label);
      continue;
    }
    QStringList names;
    for (const Level &other : levels)
      if (other.value == level.value)
        names.append(other.name);
    m_annotations->setLabel(
        level.label, tr("%1 %2").arg(names.join(QStringLiteral(" = ")), amount(*level.value)),
        {static_cast<double>(kHours), *level.value});
  }
  m_annotations->relayout();
}

void LoadChartView::showHourTooltip(QPointF point, bool state) {
  if (!state || !m_load) {
    chartstyle::hideTooltip();
    return;
  }
  const int hour = std::clamp(static_cast<int>(std::floor(point.x())), 0, kHours - 1);
  const auto amount = [this](double value) {
    return m_load->reserved ? tr("%1 input TPM").arg(chartstyle::countExact(std::round(value)))
                            : tr("%1 MU").arg(QString::number(value, 'f', 2));
  };
  QString text = tr("%1 %2:00–%3:00\nDemand: %4")
                     .arg(dayName(hour / 24, false))
                     .arg(hour % 24, 2, 10, QLatin1Char('0'))
                     .arg(hour % 24 + 1, 2, 10, QLatin1Char('0'))
                     .arg(amount(m_load->demand[static_cast<std::size_t>(hour)]));
  if (m_load->committed)
    text += tr("\nCommitted: %1").arg(amount(*m_load->committed));
  chartstyle::showTooltip(this, text);
}

} // namespace bwi::ui
