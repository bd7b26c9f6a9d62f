#include "ui/charts/horizontalbarchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"
#include "ui/charts/wrappedcategorynames.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QFontMetricsF>

#include <algorithm>
#include <vector>

namespace bwi::ui {
namespace {

// The room a bar's label takes right of the bar's end, in pixels, besides its text: the gap
// and the box's padding (ChartAnnotations) and a little air.
constexpr qreal kLabelRoom = 7 + 2 * 3 + 4;

} // namespace

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
  // Names are wrapped to fit (setCategoryNames), never cut short.
  m_axisCategories->setTruncateLabels(false);
  m_categoryNames = new WrappedCategoryNames(chart(), m_axisCategories);
  chartstyle::keepCategoriesReadable(this, m_axisCategories);
  m_legend = new ChartLegend(chart());
  m_annotations = new ChartAnnotations(chart());
  connect(chart(), &QChart::plotAreaChanged, this, &HorizontalBarChartView::fitUsdAxis);
}

void HorizontalBarChartView::setCategoryNames(const QStringList &names) {
  m_categoryNames->setNames(names);
}

void HorizontalBarChartView::setUsdAxis(double high, const QList<QPair<double, QString>> &ends) {
  m_high = high;
  m_labelledEnds = ends;
  fitUsdAxis();
}

void HorizontalBarChartView::fitUsdAxis() {
  double top = std::max(m_high * 1.05, 1.0);
  const qreal width = chart()->plotArea().width();
  QFont font = chart()->font();
  font.setPointSizeF(8.5); // the annotations' labels
  const QFontMetricsF metrics(font);
  for (const auto &[end, text] : m_labelledEnds) {
    const qreal room = metrics.horizontalAdvance(text) + kLabelRoom;
    // end / top * width + room <= width: the label fits right of its bar.
    if (end > 0)
      top = std::max(top, width > room * 1.5 ? end * width / (width - room) : end * 3);
  }
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, top, 6);
  chartstyle::setTicks(m_axisUsd, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
}

} // namespace bwi::ui
