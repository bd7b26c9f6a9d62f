#pragma once

#include "core/report/workbenchfigures.h"

#include <QChartView>

#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// "Commitment calendar" (docs/cost-model.md §13.6): one bar per PT
// commitment and reservation over the calendar's months: the first term
// solid, the auto-renewed terms hatched and lighter, nothing after a term
// that does not renew; its cancellation deadlines as markers (the next
// decision stands out); its model's price changes and end of life as
// labelled dashed lines on the same axis; the months it is charged idle
// after the end of life shaded, with their dollars. Every figure is core's
// (WorkbenchFigures::commitmentCalendar).
class CommitmentCalendarView : public QChartView {
  Q_OBJECT

public:
  explicit CommitmentCalendarView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);
  void showCalendar(const core::CommitmentCalendar &calendar);

private:
  struct Bar {
    int row = 0;
    double from = 0; // months, from month 0
    double to = 0;
    enum class Kind { Term, Renewed, Idle } kind = Kind::Term;
    bool reserved = false;
    QString label; // drawn inside (idle dollars)
    QString toolTip;
    QGraphicsRectItem *item = nullptr;
    QGraphicsSimpleTextItem *text = nullptr;
  };
  struct Line {
    double month = 0;
    QColor colour;
    QString toolTip;
    QGraphicsLineItem *item = nullptr;
  };

  void layOut();
  void clearItems();
  void showMarkerTooltip(QPointF point, bool state);
  double rowCentre(int row) const;

  core::CommitmentCalendar m_calendar;
  int m_axisMonths = 1;
  std::vector<Bar> m_bars;
  std::vector<Line> m_lines;
  QLineSeries *m_anchor;  // spans the axes; carries no data of its own
  QAreaSeries *m_termKey; // legend swatches of the bars
  QAreaSeries *m_renewedKey;
  QAreaSeries *m_idleKey;
  QScatterSeries *m_deadlines; // each decision's date
  QScatterSeries *m_next;      // the next decision
  QCategoryAxis *m_axisX;
  QCategoryAxis *m_axisY;
  std::vector<int> m_eventLabels;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
};

} // namespace bwi::ui
