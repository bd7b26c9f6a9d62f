#pragma once

#include "core/forecast/forecast.h"
#include "core/report/workbenchfigures.h"

#include <QChartView>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QStackedBarSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// The monthly forecast (docs/cost-model.md §8): gross cost stacked by
// mode, the net line after the discount and, when the scenario gives a
// volume range or other uncertain levers, the net p10-p90 band and the p50
// line (exact, or core's Monte Carlo fan). With a budget, its line and the
// probability of exceeding it. With a calendar (forecast.start_month), core's
// price events (docs/cost-model.md §13: price changes, promotions ending, ends
// of life) as dashed vertical marks at their months, each labelled in the
// headroom above the data: stacked so that no label covers another or the
// plot's bars and lines, shortened (full text in its tooltip) when it does not
// fit, and left to the tooltip when even that does not.
class ForecastChartView : public QChartView {
  Q_OBJECT

public:
  explicit ForecastChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);
  // `fanNote` says why a band is missing (a Monte Carlo fan still being computed).
  void showForecast(const core::Forecast &forecast, const QString &fanNote = {});

  // The marks as laid out, for tests: the event's month (x), the label's
  // text ("" when left to the tooltip) and its scene rectangle.
  struct EventMarkLayout {
    int month = 0;
    QString label;
    QRectF labelRect;
    qreal lineX = 0;
  };
  QList<EventMarkLayout> eventMarks() const;

private:
  struct EventMark {
    core::CalendarEvent event;
    QGraphicsLineItem *line = nullptr;
    QGraphicsRectItem *hitArea = nullptr; // wider than the line, for its tooltip
    QGraphicsRectItem *box = nullptr;
    QGraphicsSimpleTextItem *text = nullptr;
  };
  void showEvents(const core::Forecast &forecast);
  void scheduleEventLayout();
  void layOutEvents();
  QStringList titleDetails(const core::Forecast &forecast, bool band, const QString &fanNote) const;
  void showBudget(const core::Forecast &forecast, bool empty);
  void showMonthTooltip(int month, bool state);
  void showNearestMonthTooltip(QPointF point, bool state);

  QStackedBarSeries *m_modes;
  QAreaSeries *m_band;
  QLineSeries *m_p50;
  QLineSeries *m_net;
  QLineSeries *m_budget;
  int m_budgetLabel = -1;
  QScatterSeries *m_netPoints;
  QCategoryAxis *m_axisX; // month i at x = i, labelled M(i+1)
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  std::vector<core::ForecastMonth> m_months;
  std::optional<double> m_budgetUsd;
  std::vector<EventMark> m_eventMarks; // graphics items reused, grown as needed
  std::size_t m_eventCount = 0;
  bool m_eventLayoutPending = false;
};

} // namespace bwi::ui
