#include "ui/charts/forecastchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QMetaObject>
#include <QPen>
#include <QScatterSeries>
#include <QStackedBarSeries>

#include <algorithm>
#include <array>
#include <cmath>

namespace bwi::ui {
namespace {

using chartstyle::Mode;

// ModeCosts has no overflow apart: on demand includes it.
constexpr std::array kModes = {Mode::OnDemand,    Mode::Overflow, Mode::Batch,
                               Mode::Provisioned, Mode::Reserved, Mode::Meters};

// Room above the data for the event labels: the axis reaches this much above
// the highest figure when there are events (about three rows of labels).
constexpr double kEventHeadroom = 1.4;
constexpr qreal kEventPadding = 2;
constexpr qreal kEventGap = 3;        // between a mark and its label, and around the data
constexpr qreal kEventHitWidth = 7;   // the mark's hover area, for its tooltip
constexpr qreal kEventZValue = 18;    // over the series, under ChartAnnotations' labels
constexpr int kShortLabelLength = 28; // characters of a label shortened to fit

QColor eventColour(core::CalendarEventKind kind) {
  switch (kind) {
  case core::CalendarEventKind::EndOfLife:
    return chartstyle::colour(chartstyle::Colour::Vermillion);
  case core::CalendarEventKind::PromotionEnd:
    return chartstyle::colour(chartstyle::Colour::Orange);
  case core::CalendarEventKind::PriceChange:
    break;
  }
  return chartstyle::colour(chartstyle::Colour::Blue);
}

QString eventLabel(const core::CalendarEvent &event) {
  return QStringLiteral("%1: %2").arg(QString::fromStdString(event.calendarMonth),
                                      QString::fromStdString(event.label));
}

// The label cut to its first part ("X retires" of "X retires → Y"), then to
// kShortLabelLength characters; the tooltip has it whole.
QString shortEventLabel(const core::CalendarEvent &event) {
  QString text = QString::fromStdString(event.label);
  const qsizetype arrow = text.indexOf(QStringLiteral(" → "));
  if (arrow > 0)
    text = text.left(arrow);
  if (text.size() > kShortLabelLength)
    text = text.left(kShortLabelLength - 1).trimmed();
  return QStringLiteral("%1: %2…").arg(QString::fromStdString(event.calendarMonth), text);
}

QString eventToolTip(const core::CalendarEvent &event) {
  QStringList lines = {QStringLiteral("%1 (%2): %3")
                           .arg(QString::fromStdString(event.calendarMonth),
                                chartstyle::monthTick(event.month),
                                QString::fromStdString(event.label))};
  if (!event.note.empty())
    lines.append(QObject::tr("Card note: %1").arg(QString::fromStdString(event.note)));
  if (event.kind == core::CalendarEventKind::EndOfLife)
    lines.append(event.successor.empty()
                     ? QObject::tr("No successor on the card: its traffic stops being billed.")
                     : QObject::tr("From this month its traffic is billed on %1.")
                           .arg(QString::fromStdString(event.successor)));
  return lines.join(QLatin1Char('\n'));
}

} // namespace

ForecastChartView::ForecastChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("forecastChart"));
  // Its subtitle (modes, band, budget, price events) and four-row legend leave
  // a 280 px chart no room for the plot's axis title: the grid's row grows.
  setMinimumHeight(chartstyle::kChartMinimumHeight + 80);
  QChart *chart = this->chart();
  // A tick axis rather than bar categories: its month labels thin out to fit
  // a narrow chart ("M1 M3 M5 …") instead of being cut short ("M…").
  m_axisX = chartstyle::makeTickAxis(tr("Forecast month"));
  m_axisX->setGridLineVisible(false);
  m_axisY = chartstyle::makeTickAxis(tr("USD per month"));
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  auto *p90 = new QLineSeries(this);
  auto *p10 = new QLineSeries(this);
  m_band = new QAreaSeries(p90, p10);
  m_band->setName(tr("Net p10–p90"));
  m_band->setBrush(chartstyle::fillBrush(chartstyle::colour(chartstyle::Colour::SkyBlue), 70));
  m_band->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::SkyBlue), Qt::SolidLine, 1));

  m_modes = new QStackedBarSeries;
  m_modes->setBarWidth(0.55);
  for (Mode mode : kModes) {
    auto *set = new QBarSet(chartstyle::modeName(mode));
    set->setColor(chartstyle::modeColour(mode));
    set->setBorderColor(Qt::white);
    connect(set, &QBarSet::hovered, this,
            [this](bool state, int index) { showMonthTooltip(index, state); });
    m_modes->append(set);
  }

  m_p50 = new QLineSeries;
  m_p50->setName(tr("Net p50"));
  m_p50->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Vermillion), Qt::DashLine, 2));
  m_net = new QLineSeries;
  m_net->setName(tr("Net"));
  m_net->setPen(chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Black)));
  m_budget = new QLineSeries;
  m_budget->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::ReddishPurple), Qt::DotLine, 2));
  m_netPoints = new QScatterSeries;
  m_netPoints->setName(m_net->name());
  m_netPoints->setMarkerSize(7);
  m_netPoints->setColor(chartstyle::colour(chartstyle::Colour::Black));
  m_netPoints->setBorderColor(Qt::white);

  for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{
           m_band, m_modes, m_p50, m_net, m_netPoints, m_budget}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_netPoints); // the net line's points
  m_annotations = new ChartAnnotations(chart);
  m_budgetLabel = m_annotations->addLabel(m_budget, ChartAnnotations::Placement::AboveLeft,
                                          chartstyle::colour(chartstyle::Colour::ReddishPurple));
  m_annotations->setTitle(tr("Forecast: monthly cost"),
                          {tr("bars: gross cost by mode"), tr("lines: net, after discount")});
  connect(m_band, &QAreaSeries::hovered, this, &ForecastChartView::showNearestMonthTooltip);
  connect(m_p50, &QLineSeries::hovered, this, &ForecastChartView::showNearestMonthTooltip);
  connect(m_net, &QLineSeries::hovered, this, &ForecastChartView::showNearestMonthTooltip);
  connect(m_netPoints, &QScatterSeries::hovered, this, &ForecastChartView::showNearestMonthTooltip);
  connect(m_budget, &QLineSeries::hovered, this, &ForecastChartView::showNearestMonthTooltip);
  connect(chart, &QChart::plotAreaChanged, this, &ForecastChartView::layOutEvents);
}

void ForecastChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  showForecast(workbench.forecast);
}

void ForecastChartView::showForecast(const core::Forecast &forecast, const QString &fanNote) {
  m_months = forecast.months;
  m_budgetUsd = forecast.budgetUsd;
  const auto count = static_cast<qsizetype>(m_months.size());

  QList<chartstyle::AxisTick> months;
  QList<QPointF> net, p10, p50, p90;
  std::array<QList<double>, kModes.size()> modes;
  bool quantiles = count > 0;
  double high = 1;
  for (const core::ForecastMonth &month : m_months) {
    const auto x = static_cast<double>(months.size()); // bar i sits at x = i
    months.append({x, chartstyle::monthTick(month.month)});
    net.append({x, month.netUsd});
    for (std::size_t m = 0; m < kModes.size(); ++m)
      modes[m].append(chartstyle::modeUsd(month.grossModes, kModes[m]));
    quantiles = quantiles && month.netP10Usd && month.netP50Usd && month.netP90Usd;
    if (quantiles) {
      p10.append({x, *month.netP10Usd});
      p50.append({x, *month.netP50Usd});
      p90.append({x, *month.netP90Usd});
      high = std::max(high, *month.netP90Usd);
    }
    high = std::max({high, month.grossUsd, month.netUsd});
  }
  if (!quantiles)
    p10.clear(), p50.clear(), p90.clear();
  if (m_budgetUsd)
    high = std::max(high, *m_budgetUsd);
  if (!forecast.events.empty() && count > 0)
    high *= kEventHeadroom;

  chartstyle::setTicks(m_axisX, -0.5, std::max<double>(static_cast<double>(count) - 0.5, 0.5),
                       months);
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, high, 6);
  chartstyle::setTicks(m_axisY, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));

  const QList<QBarSet *> sets = m_modes->barSets();
  for (std::size_t m = 0; m < kModes.size(); ++m) {
    QBarSet *set = sets[static_cast<qsizetype>(m)];
    if (set->count() != count) {
      set->remove(0, set->count());
      set->append(modes[m]);
      continue;
    }
    for (qsizetype i = 0; i < count; ++i)
      if (set->at(i) != modes[m][i])
        set->replace(i, modes[m][i]);
  }
  m_net->replace(net);
  m_netPoints->replace(net);
  m_p50->replace(p50);
  m_band->upperSeries()->replace(p90);
  m_band->lowerSeries()->replace(p10);
  const bool empty = m_months.empty();
  m_modes->setVisible(!empty);
  m_net->setVisible(!empty);
  m_netPoints->setVisible(!empty);
  m_band->setVisible(quantiles);
  m_p50->setVisible(quantiles);
  m_axisX->setVisible(!empty);
  m_axisY->setVisible(!empty);
  showBudget(forecast, empty);
  m_annotations->setTitle(tr("Forecast: monthly cost"), titleDetails(forecast, quantiles, fanNote));
  m_legend->refresh();
  showEvents(forecast);
  m_annotations->setMessage(empty ? tr("No forecast: the scenario models no months.") : QString());
}

QStringList ForecastChartView::titleDetails(const core::Forecast &forecast, bool band,
                                            const QString &fanNote) const {
  QStringList details = {tr("bars: gross cost by mode"), tr("lines: net, after discount")};
  if (band && forecast.fanMethod == core::FanMethod::MonteCarlo)
    details.append(tr("band: net p10–p90 over %1 Monte Carlo trials")
                       .arg(chartstyle::countExact(forecast.trials)));
  else if (band)
    details.append(tr("band: net p10–p90 of the volume range"));
  else if (!fanNote.isEmpty())
    details.append(fanNote);
  if (forecast.budgetUsd && band && !m_months.empty()) {
    if (forecast.firstLikelyOverBudgetMonth)
      details.append(tr("budget first likely exceeded in %1")
                         .arg(chartstyle::monthTick(*forecast.firstLikelyOverBudgetMonth)));
    else
      details.append(tr("budget not likely exceeded in %1 months").arg(m_months.size()));
  }
  if (!forecast.events.empty() && !m_months.empty())
    details.append(tr("dashed marks: price changes and ends of life (hover for detail)"));
  return details;
}

void ForecastChartView::showBudget(const core::Forecast &forecast, bool empty) {
  if (!m_budgetUsd || empty) {
    m_budget->clear();
    m_budget->setVisible(false);
    m_annotations->hideLabel(m_budgetLabel);
    return;
  }
  const double right = static_cast<double>(m_months.size()) - 0.5;
  m_budget->replace(QList<QPointF>{{-0.5, *m_budgetUsd}, {right, *m_budgetUsd}});
  m_budget->setName(tr("Budget %1").arg(chartstyle::usdShort(*m_budgetUsd)));
  m_budget->setVisible(true);
  // The probability where it first reaches one half, else in the last month.
  const std::size_t shown = forecast.firstLikelyOverBudgetMonth
                                ? static_cast<std::size_t>(*forecast.firstLikelyOverBudgetMonth)
                                : m_months.size() - 1;
  const auto &probability = m_months[std::min(shown, m_months.size() - 1)].overBudgetProbability;
  if (!probability) {
    m_annotations->hideLabel(m_budgetLabel);
    return;
  }
  m_annotations->setPlacement(m_budgetLabel, shown * 2 < m_months.size()
                                                 ? ChartAnnotations::Placement::AboveRight
                                                 : ChartAnnotations::Placement::AboveLeft);
  m_annotations->setLabel(
      m_budgetLabel,
      tr("P(over budget) in %1: %2")
          .arg(chartstyle::monthTick(m_months[shown].month), chartstyle::percent(*probability, 0)),
      QPointF(static_cast<double>(shown), *m_budgetUsd));
}

void ForecastChartView::showEvents(const core::Forecast &forecast) {
  m_eventCount = m_months.empty() ? 0 : forecast.events.size();
  while (m_eventMarks.size() < m_eventCount) {
    EventMark mark;
    mark.line = new QGraphicsLineItem(chart());
    mark.line->setZValue(kEventZValue);
    mark.hitArea = new QGraphicsRectItem(chart());
    mark.hitArea->setPen(Qt::NoPen);
    mark.hitArea->setBrush(Qt::NoBrush);
    mark.hitArea->setZValue(kEventZValue);
    mark.box = new QGraphicsRectItem(chart());
    mark.box->setBrush(QColor(255, 255, 255, 235));
    mark.box->setZValue(kEventZValue + 1);
    mark.text = new QGraphicsSimpleTextItem(mark.box);
    QFont font = chart()->font();
    font.setPointSizeF(8.5);
    mark.text->setFont(font);
    mark.text->setBrush(QColor(0x10, 0x10, 0x10));
    mark.text->setPos(kEventPadding, kEventPadding);
    m_eventMarks.push_back(mark);
  }
  for (std::size_t i = 0; i < m_eventMarks.size(); ++i) {
    EventMark &mark = m_eventMarks[i];
    if (i >= m_eventCount) {
      mark.line->hide();
      mark.hitArea->hide();
      mark.box->hide();
      continue;
    }
    mark.event = forecast.events[i];
    const QColor colour = eventColour(mark.event.kind);
    mark.line->setPen(chartstyle::linePen(colour, Qt::DashLine, 1.5));
    mark.box->setPen(QPen(colour, 1.2));
    const QString toolTip = eventToolTip(mark.event);
    mark.hitArea->setToolTip(toolTip);
    mark.box->setToolTip(toolTip);
    mark.text->setToolTip(toolTip);
  }
  scheduleEventLayout();
}

void ForecastChartView::scheduleEventLayout() {
  // The axes are set around this call: place the marks once the chart has laid them out.
  if (m_eventLayoutPending)
    return;
  m_eventLayoutPending = true;
  QMetaObject::invokeMethod(
      this,
      [this] {
        if (m_eventLayoutPending)
          layOutEvents();
      },
      Qt::QueuedConnection);
}

void ForecastChartView::layOutEvents() {
  m_eventLayoutPending = false;
  QChart *chart = this->chart();
  const QRectF plot = chart->plotArea();
  // The top of the data in each month's column (bars, net, band), in chart
  // coordinates, and the budget line with the room its label takes above it.
  std::vector<qreal> tops;
  for (std::size_t i = 0; i < m_months.size(); ++i) {
    const core::ForecastMonth &month = m_months[i];
    double high = std::max(month.grossUsd, month.netUsd);
    if (m_band->isVisible() && month.netP90Usd)
      high = std::max(high, *month.netP90Usd);
    tops.push_back(chart->mapToPosition(QPointF(static_cast<double>(i), high), m_net).y());
  }
  std::optional<qreal> budgetY;
  if (m_budget->isVisible() && m_budgetUsd)
    budgetY = chart->mapToPosition(QPointF(0, *m_budgetUsd), m_budget).y();
  const qreal rowHeight =
      QFontMetricsF(m_eventMarks.empty() ? chart->font() : m_eventMarks.front().text->font())
          .height() +
      2 * kEventPadding;
  std::vector<QRectF> taken;
  const auto isFree = [&](const QRectF &rect) {
    if (rect.left() < plot.left() || rect.right() > plot.right() || rect.bottom() > plot.bottom())
      return false;
    if (std::any_of(taken.begin(), taken.end(),
                    [&rect](const QRectF &other) { return other.intersects(rect); }))
      return false;
    if (budgetY && rect.bottom() + kEventGap > *budgetY - rowHeight - kEventGap &&
        rect.top() < *budgetY + kEventGap)
      return false;
    const double left = chart->mapToValue(rect.topLeft(), m_net).x();
    const double right = chart->mapToValue(rect.topRight(), m_net).x();
    for (std::size_t i = 0; i < tops.size(); ++i) {
      const auto x = static_cast<double>(i);
      if (x + 0.5 >= left && x - 0.5 <= right && rect.bottom() + kEventGap > tops[i])
        return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < m_eventMarks.size(); ++i) {
    EventMark &mark = m_eventMarks[i];
    if (i >= m_eventCount || plot.isEmpty()) {
      mark.line->hide();
      mark.hitArea->hide();
      mark.box->hide();
      continue;
    }
    const qreal x =
        chart->mapToPosition(QPointF(static_cast<double>(mark.event.month), 0), m_net).x();
    mark.line->setLine(QLineF(x, plot.top(), x, plot.bottom()));
    mark.line->show();
    mark.hitArea->setRect(
        QRectF(x - kEventHitWidth / 2, plot.top(), kEventHitWidth, plot.height()));
    mark.hitArea->show();
    std::optional<QRectF> chosen;
    for (const QString &text : {eventLabel(mark.event), shortEventLabel(mark.event)}) {
      mark.text->setText(text);
      const QRectF textRect = mark.text->boundingRect();
      const QSizeF size(textRect.width() + 2 * kEventPadding,
                        textRect.height() + 2 * kEventPadding);
      for (qreal top = plot.top() + kEventGap; top + size.height() <= plot.bottom() && !chosen;
           top += size.height() + kEventGap) {
        for (const qreal left : {x + kEventGap, x - kEventGap - size.width()}) {
          const QRectF candidate(QPointF(left, top), size);
          if (isFree(candidate)) {
            chosen = candidate;
            break;
          }
        }
      }
      if (chosen)
        break;
    }
    if (!chosen) {
      mark.text->setText(QString()); // no room: the mark alone, its tooltip has the label
      mark.box->hide();
      continue;
    }
    taken.push_back(*chosen);
    mark.box->setRect(QRectF(QPointF(0, 0), chosen->size()));
    mark.box->setPos(chosen->topLeft());
    mark.box->show();
  }
}

QList<ForecastChartView::EventMarkLayout> ForecastChartView::eventMarks() const {
  QList<EventMarkLayout> marks;
  for (std::size_t i = 0; i < m_eventCount && i < m_eventMarks.size(); ++i) {
    const EventMark &mark = m_eventMarks[i];
    EventMarkLayout layout;
    layout.month = mark.event.month;
    layout.lineX = mark.line->mapToScene(mark.line->line().p1()).x();
    if (mark.box->isVisible()) {
      layout.label = mark.text->text();
      layout.labelRect = mark.box->mapRectToScene(mark.box->rect());
    }
    marks.append(layout);
  }
  return marks;
}

void ForecastChartView::showNearestMonthTooltip(QPointF point, bool state) {
  showMonthTooltip(static_cast<int>(std::lround(point.x())), state);
}

void ForecastChartView::showMonthTooltip(int month, bool state) {
  if (!state || month < 0 || month >= static_cast<int>(m_months.size())) {
    chartstyle::hideTooltip();
    return;
  }
  const core::ForecastMonth &data = m_months[static_cast<std::size_t>(month)];
  QStringList lines;
  lines.append(data.calendarMonth ? tr("Forecast month %1 (%2)")
                                        .arg(chartstyle::monthTick(data.month),
                                             QString::fromStdString(*data.calendarMonth))
                                  : tr("Forecast month %1").arg(chartstyle::monthTick(data.month)));
  lines.append(tr("Gross: %1").arg(chartstyle::usdExact(data.grossUsd)));
  for (Mode mode : kModes)
    lines.append(QStringLiteral("  %1: %2")
                     .arg(chartstyle::modeName(mode),
                          chartstyle::usdExact(chartstyle::modeUsd(data.grossModes, mode))));
  lines.append(tr("Discount: %1").arg(chartstyle::usdExact(data.discountUsd)));
  lines.append(tr("Net: %1").arg(chartstyle::usdExact(data.netUsd)));
  if (data.netP10Usd && data.netP50Usd && data.netP90Usd)
    lines.append(tr("Net p10 / p50 / p90: %1 / %2 / %3")
                     .arg(chartstyle::usdExact(*data.netP10Usd),
                          chartstyle::usdExact(*data.netP50Usd),
                          chartstyle::usdExact(*data.netP90Usd)));
  if (m_budgetUsd && data.overBudgetProbability)
    lines.append(tr("P(net over the %1 budget): %2")
                     .arg(chartstyle::usdExact(*m_budgetUsd),
                          chartstyle::percent(*data.overBudgetProbability)));
  lines.append(tr("Commit retired: %1").arg(chartstyle::usdExact(data.commitRetiredUsd)));
  chartstyle::showTooltip(this, lines.join(QLatin1Char('\n')));
}

} // namespace bwi::ui
