#pragma once

#include <QChartView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QCategoryAxis;
class QHorizontalStackedBarSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;
class WrappedCategoryNames;

// What the horizontal bar charts share (breakdown, waterfall, compare): one stacked series
// lying down, names on the left (top first), USD along the bottom, the multi-row legend and the
// annotations that label the bars' ends.
class HorizontalBarChartView : public QChartView {
  Q_OBJECT

protected:
  HorizontalBarChartView(const QString &objectName, const QString &usdAxisTitle, qreal barWidth,
                         QWidget *parent);

  // The category names in the axis's order (Qt draws the first at the bottom). A name
  // wider than a fifth of the chart goes on two or three lines, again as the chart
  // resizes, rather than being cut short; a "\n" in a name starts a line of its own.
  void setCategoryNames(const QStringList &names);
  // The USD axis from 0 past `high`, with room right of each labelled bar's end
  // (`labelledEnds`: where the bar ends, in USD, and its label's text) for its label, so
  // that no label has to sit on its bar; refitted whenever the plot area changes.
  void setUsdAxis(double high, const QList<QPair<double, QString>> &labelledEnds = {});

  QHorizontalStackedBarSeries *m_series;
  QBarCategoryAxis *m_axisCategories;
  QCategoryAxis *m_axisUsd;
  ChartLegend *m_legend;
  ChartAnnotations *m_annotations;

private:
  void fitUsdAxis();

  WrappedCategoryNames *m_categoryNames;
  double m_high = 0;
  QList<QPair<double, QString>> m_labelledEnds;
};

} // namespace bwi::ui
