#pragma once

#include <QChartView>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QCategoryAxis;
class QHorizontalStackedBarSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// What the horizontal bar charts share (breakdown, waterfall, compare): one stacked series
// lying down, names on the left (top first), USD along the bottom, the multi-row legend and the
// annotations that label the bars' ends.
class HorizontalBarChartView : public QChartView {
  Q_OBJECT

protected:
  HorizontalBarChartView(const QString &objectName, const QString &usdAxisTitle, qreal barWidth,
                         QWidget *parent);

  QHorizontalStackedBarSeries *m_series;
  QBarCategoryAxis *m_axisCategories;
  QCategoryAxis *m_axisUsd;
  ChartLegend *m_legend;
  ChartAnnotations *m_annotations;
};

} // namespace bwi::ui
