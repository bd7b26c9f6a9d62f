#include "ui/charts/horizontalbarchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

namespace bwi::ui {

HorizontalBarChartView::HorizontalBarChartView(const QString &objectName,
                                               const QString &usdAxisTitle, qreal barWidth,
                                               QWidget *parent)
    : QChartView(parent) {
  chartstyle::setUpView(this, objectName);
  const chartstyle::HorizontalBars bars =
      chartstyle::addHorizontalBars(chart(), usdAxisTitle, barWidth);
  m_series = bars.series;
  m_axisCategories = bars.categories;
  m_axisUsd = bars.usd;
  m_legend = new ChartLegend(chart());
  m_annotations = new ChartAnnotations(chart());
}

} // namespace bwi::ui
