#include "ui/charts/commitmentcalendarview.h"

#include "core/common/moneyformat.h"
#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

constexpr qreal kBarZValue = 3.4;  // over the grid and axes, under the series (markers)
constexpr qreal kLineZValue = 3.8; // event lines over the bars
constexpr double kBarHeight = 0.5; // of a row
// At most this many months beyond the forecast, to show a term that ends after it.
constexpr int kMaxExtraMonths = 12;

QString text(const std::string &value) { return QString::fromStdString(value); }

QColor commitmentColour(bool reserved) {
  return chartstyle::modeColour(reserved ? chartstyle::Mode::Reserved
                                         : chartstyle::Mode::Provisioned);
}

QColor eventColour(core::CalendarEventKind kind) {
  return kind == core::CalendarEventKind::EndOfLife
             ? chartstyle::colour(chartstyle::Colour::Vermillion)
             : chartstyle::colour(chartstyle::Colour::ReddishPurple);
}

QString termText(const core::CommitmentCalendarEntry &entry) {
  if (entry.termMonths == 0)
    return CommitmentCalendarView::tr("no commitment (hourly)");
  const QString term = entry.termMonths == 1
                           ? CommitmentCalendarView::tr("1-month term")
                           : CommitmentCalendarView::tr("%1-month term").arg(entry.termMonths);
  return entry.autoRenew ? CommitmentCalendarView::tr("%1, auto-renews").arg(term)
                         : CommitmentCalendarView::tr("%1, does not renew").arg(term);
}

} // namespace

CommitmentCalendarView::CommitmentCalendarView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("commitmentCalendarChart"));
  QChart *chart = this->chart();
  m_axisX = chartstyle::makeTickAxis(tr("Month"));
  m_axisY = new QCategoryAxis;
  m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
  m_axisY->setTruncateLabels(false);
  chartstyle::styleAxis(m_axisY, QString());
  m_axisY->setGridLineVisible(false);
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  m_anchor = new QLineSeries;
  m_anchor->setPen(Qt::NoPen);
  // QAreaSeries does not own its boundary lines: the view does.
  const auto key = [this](const QString &name, const QBrush &brush, const QColor &border) {
    auto *series = new QAreaSeries(new QLineSeries(this), new QLineSeries(this));
    series->setName(name);
    series->setBrush(brush);
    series->setPen(QPen(border, 1));
    return series;
  };
  const QColor pt = commitmentColour(false);
  m_termKey = key(tr("Term signed"), pt, pt.darker(130));
  m_renewedKey = key(tr("Auto-renewed terms"), QBrush(pt.darker(110), Qt::BDiagPattern), pt);
  const QColor red = chartstyle::colour(chartstyle::Colour::Vermillion);
  m_idleKey = key(tr("Idle: model retired, still charged"), chartstyle::fillBrush(red, 150), red);
  m_deadlines = new QScatterSeries;
  m_deadlines->setName(tr("Cancellation deadline"));
  m_deadlines->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  m_deadlines->setMarkerSize(11);
  m_deadlines->setColor(chartstyle::colour(chartstyle::Colour::Black));
  m_deadlines->setBorderColor(Qt::white);
  m_next = new QScatterSeries;
  m_next->setName(tr("Next decision"));
  m_next->setMarkerShape(QScatterSeries::MarkerShapeStar);
  m_next->setMarkerSize(18);
  m_next->setColor(red);
  m_next->setBorderColor(Qt::black);
  for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{
           m_anchor, m_termKey, m_renewedKey, m_idleKey, m_deadlines, m_next}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_anchor);
  m_annotations = new ChartAnnotations(chart);
  m_annotations->keepClearOf(m_next);
  connect(m_deadlines, &QScatterSeries::hovered, this, &CommitmentCalendarView::showMarkerTooltip);
  connect(m_next, &QScatterSeries::hovered, this, &CommitmentCalendarView::showMarkerTooltip);
  connect(chart, &QChart::plotAreaChanged, this, &CommitmentCalendarView::layOut);
}

void CommitmentCalendarView::showWorkbench(const core::WorkbenchFigures &workbench) {
  showCalendar(workbench.commitmentCalendar);
}

double CommitmentCalendarView::rowCentre(int row) const {
  return static_cast<double>(m_calendar.entries.size()) - row - 0.5;
}

void CommitmentCalendarView::clearItems() {
  for (Bar &bar : m_bars)
    delete bar.item; // its hatch and text are its children
  for (Line &line : m_lines)
    delete line.item;
  m_bars.clear();
  m_lines.clear();
}

void CommitmentCalendarView::showCalendar(const core::CommitmentCalendar &calendar) {
  m_calendar = calendar;
  clearItems();
  const auto rows = static_cast<int>(calendar.entries.size());
  m_axisMonths = std::max(1, calendar.months);
  for (const core::CommitmentCalendarEntry &entry : calendar.entries)
    if (entry.termEndMonth)
      m_axisMonths =
          std::max(m_axisMonths, std::min(*entry.termEndMonth, calendar.months + kMaxExtraMonths));

  // The month axis: every month's start, thinned to fit.
  QList<chartstyle::AxisTick> ticks;
  for (int month = 0; month <= m_axisMonths; ++month)
    ticks.append({static_cast<double>(month), text(core::calendarMonthName(calendar, month))});
  chartstyle::setTicks(m_axisX, 0, m_axisMonths, ticks);
  chartstyle::setAxisTitle(
      m_axisX, calendar.startMonth
                   ? tr("Calendar month (month 0 is %1)").arg(text(*calendar.startMonth))
                   : tr("Forecast month (no start month: month indices)"));
  for (const QString &label : m_axisY->categoriesLabels())
    m_axisY->remove(label);
  m_axisY->setStartValue(0);
  for (int i = rows - 1; i >= 0; --i) {
    const core::CommitmentCalendarEntry &entry = calendar.entries[static_cast<std::size_t>(i)];
    // Category labels must differ; the row number keeps two alike apart.
    m_axisY->append(
        QStringLiteral("%1<br><small>%2</small>%3")
            .arg(text(entry.label).toHtmlEscaped(), termText(entry), QString(i, QChar(0x200B))),
        rows - i);
  }
  m_axisY->setRange(0, std::max(1, rows));
  m_anchor->replace(QList<QPointF>{{0, 0}, {static_cast<double>(m_axisMonths), 0}});

  QList<QPointF> deadlines, next;
  const auto end = static_cast<double>(m_axisMonths);
  for (int row = 0; row < rows; ++row) {
    const core::CommitmentCalendarEntry &entry = calendar.entries[static_cast<std::size_t>(row)];
    const auto start = static_cast<double>(entry.startMonth);
    const QString startText = text(
        entry.startCalendarMonth.value_or(core::calendarMonthName(calendar, entry.startMonth)));
    const double firstEnd = entry.termEndMonth ? std::min<double>(*entry.termEndMonth, end) : end;
    QString signedTip = tr("%1\n%2, from %3").arg(text(entry.label), termText(entry), startText);
    if (entry.termEndDate)
      signedTip += tr("; the term ends %1").arg(text(*entry.termEndDate));
    if (entry.cancelBy)
      signedTip += tr("\nCancel by %1 (notice %2 days)")
                       .arg(text(entry.cancelBy->text))
                       .arg(entry.cancelNoticeDays);
    m_bars.push_back({row, start, firstEnd, Bar::Kind::Term, entry.reserved, QString(), signedTip});
    if (entry.termEndMonth && entry.autoRenew && *entry.termEndMonth < end)
      m_bars.push_back({row, static_cast<double>(*entry.termEndMonth), end, Bar::Kind::Renewed,
                        entry.reserved, QString(),
                        tr("%1\nRenews every %2 month(s) unless cancelled: %n renewal(s) in the "
                           "forecast",
                           "", static_cast<int>(entry.renewalMonths.size()))
                            .arg(text(entry.label))
                            .arg(entry.termMonths)});
    if (!entry.idleMonths.empty()) {
      const auto from = static_cast<double>(entry.idleMonths.front());
      const auto to = static_cast<double>(entry.idleMonths.back() + 1);
      const QString usd = text(core::formatUsdExact(entry.idleCostUsd));
      m_bars.push_back(
          {row, from, to, Bar::Kind::Idle, entry.reserved, tr("idle %1").arg(usd),
           tr("%1\nIdle from %2 to %3: %4 gross (%n month(s)), charged after %5 retires in %6", "",
              static_cast<int>(entry.idleMonths.size()))
               .arg(text(entry.label),
                    text(core::calendarMonthName(calendar, entry.idleMonths.front())),
                    text(core::calendarMonthName(calendar, entry.idleMonths.back())), usd,
                    text(entry.modelName), text(entry.endOfLife))});
    }
    for (const core::CommitmentDecision &decision : entry.decisions) {
      const QPointF point(std::clamp(decision.by.monthPosition, 0.0, end), rowCentre(row));
      const bool isNext = calendar.nextDecision && calendar.nextDecision->text == decision.text;
      (isNext ? next : deadlines).append(point);
    }
    for (const core::CalendarEvent &event : entry.events) {
      const bool seen = std::any_of(m_lines.begin(), m_lines.end(), [&](const Line &line) {
        return line.month == event.month && line.toolTip.contains(text(event.label));
      });
      if (!seen)
        m_lines.push_back({static_cast<double>(event.month), eventColour(event.kind),
                           tr("%1: %2").arg(text(event.calendarMonth), text(event.label))});
    }
  }
  if (calendar.months < m_axisMonths)
    m_lines.push_back({static_cast<double>(calendar.months),
                       chartstyle::colour(chartstyle::Colour::Black),
                       tr("The forecast ends: idle months and renewals are counted to here")});
  m_deadlines->replace(deadlines);
  m_next->replace(next);

  QChart *chart = this->chart();
  for (Bar &bar : m_bars) {
    const QColor colour = commitmentColour(bar.reserved);
    bar.item = new QGraphicsRectItem(chart);
    bar.item->setZValue(kBarZValue + (bar.kind == Bar::Kind::Idle ? 0.1 : 0));
    bar.item->setToolTip(bar.toolTip);
    switch (bar.kind) {
    case Bar::Kind::Term:
      bar.item->setBrush(colour);
      bar.item->setPen(QPen(colour.darker(130), 1));
      break;
    case Bar::Kind::Renewed: {
      bar.item->setBrush(chartstyle::fillBrush(colour, 70));
      bar.item->setPen(QPen(colour, 1, Qt::DashLine));
      auto *hatch = new QGraphicsRectItem(bar.item);
      hatch->setBrush(QBrush(colour.darker(110), Qt::BDiagPattern));
      hatch->setPen(Qt::NoPen);
      hatch->setToolTip(bar.toolTip);
      break;
    }
    case Bar::Kind::Idle: {
      const QColor red = chartstyle::colour(chartstyle::Colour::Vermillion);
      bar.item->setBrush(chartstyle::fillBrush(red, 150));
      bar.item->setPen(QPen(red.darker(120), 1.5));
      bar.text = new QGraphicsSimpleTextItem(bar.label, bar.item);
      QFont font = chart->font();
      font.setPointSizeF(9);
      font.setBold(true);
      bar.text->setFont(font);
      bar.text->setBrush(Qt::white);
      bar.text->setToolTip(bar.toolTip);
      break;
    }
    }
  }
  for (Line &line : m_lines) {
    line.item = new QGraphicsLineItem(chart);
    line.item->setZValue(kLineZValue);
    line.item->setPen(chartstyle::linePen(line.colour, Qt::DashLine, 1.5));
    line.item->setToolTip(line.toolTip);
  }
  while (m_eventLabels.size() < m_lines.size())
    m_eventLabels.push_back(
        m_annotations->addLabel(m_anchor, ChartAnnotations::Placement::PlotTop, Qt::black));
  for (std::size_t i = 0; i < m_eventLabels.size(); ++i) {
    if (i >= m_lines.size()) {
      m_annotations->hideLabel(m_eventLabels[i]);
      continue;
    }
    QString label = m_lines[i].toolTip;
    if (label.size() > 34)
      label = label.left(33) + QStringLiteral("…");
    m_annotations->setLabel(m_eventLabels[i], label, QPointF(m_lines[i].month, rows));
  }

  const bool empty = rows == 0;
  m_axisX->setVisible(!empty);
  m_axisY->setVisible(!empty);
  m_termKey->setVisible(!empty);
  m_renewedKey->setVisible(std::any_of(
      m_bars.begin(), m_bars.end(), [](const Bar &bar) { return bar.kind == Bar::Kind::Renewed; }));
  m_idleKey->setVisible(calendar.idleCostUsd > 0);
  m_deadlines->setVisible(!deadlines.isEmpty());
  m_next->setVisible(!next.isEmpty());
  QStringList details;
  if (!empty)
    details.append(calendar.startMonth ? tr("month 0 is %1").arg(text(*calendar.startMonth))
                                       : tr("no forecast start month: months are indices"));
  if (calendar.idleCostUsd > 0)
    details.append(tr("idle after end of life: %1 gross")
                       .arg(text(core::formatUsdExact(calendar.idleCostUsd))));
  if (calendar.nextDecision)
    details.append(tr("next decision: %1").arg(text(calendar.nextDecision->text)));
  m_annotations->setTitle(tr("Commitment calendar"), details);
  m_legend->refresh();
  m_annotations->setMessage(
      empty ? tr("No PT commitment or reservation: commit on a model in the levers to see its "
                 "terms, renewals and deadlines here.")
            : QString());
  layOut();
}

void CommitmentCalendarView::layOut() {
  QChart *chart = this->chart();
  const QRectF plot = chart->plotArea();
  if (plot.isEmpty())
    return;
  const auto map = [&](double x, double y) { return chart->mapToPosition({x, y}, m_anchor); };
  for (Bar &bar : m_bars) {
    const double centre = rowCentre(bar.row);
    const double half = (bar.kind == Bar::Kind::Idle ? kBarHeight * 0.8 : kBarHeight) / 2;
    const QRectF rect =
        QRectF(map(bar.from, centre + half), map(bar.to, centre - half)).normalized();
    bar.item->setRect(rect);
    for (QGraphicsItem *child : bar.item->childItems())
      if (auto *hatch = dynamic_cast<QGraphicsRectItem *>(child))
        hatch->setRect(rect);
    if (bar.text) {
      const QFontMetricsF metrics(bar.text->font());
      QString label = bar.label;
      if (metrics.horizontalAdvance(label) > rect.width() - 4)
        label = metrics.elidedText(label, Qt::ElideRight, std::max(0.0, rect.width() - 4));
      bar.text->setText(label);
      bar.text->setPos(rect.center().x() - metrics.horizontalAdvance(label) / 2,
                       rect.center().y() - metrics.height() / 2);
    }
  }
  for (Line &line : m_lines) {
    const qreal x = map(line.month, 0).x();
    line.item->setLine(x, plot.top(), x, plot.bottom());
  }
}

void CommitmentCalendarView::showMarkerTooltip(QPointF point, bool state) {
  if (!state) {
    chartstyle::hideTooltip();
    return;
  }
  // The decision whose marker is nearest the point.
  const core::CommitmentDecision *nearest = nullptr;
  double distance = 0;
  for (std::size_t row = 0; row < m_calendar.entries.size(); ++row)
    for (const core::CommitmentDecision &decision : m_calendar.entries[row].decisions) {
      const double dx = decision.by.monthPosition - point.x();
      const double dy = rowCentre(static_cast<int>(row)) - point.y();
      const double d = dx * dx + dy * dy;
      if (!nearest || d < distance) {
        nearest = &decision;
        distance = d;
      }
    }
  if (!nearest) {
    chartstyle::hideTooltip();
    return;
  }
  chartstyle::showTooltip(this, text(nearest->text) + QLatin1Char('\n') + text(nearest->detail));
}

} // namespace bwi::ui
