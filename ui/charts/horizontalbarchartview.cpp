#include "ui/charts/horizontalbarchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

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

// `label` on up to three lines no wider than `width`, broken after a space or a hyphen
// (not inside "4-5").
QStringList wrappedLines(const QString &label, const QFontMetricsF &metrics, qreal width) {
  if (metrics.horizontalAdvance(label) <= width)
    return {label};
  std::vector<qsizetype> breaks; // a line may start at each
  for (qsizetype i = 1; i + 1 < label.size(); ++i)
    if ((label[i - 1] == QLatin1Char(' ') || label[i - 1] == QLatin1Char('-')) &&
        !label[i].isDigit())
      breaks.push_back(i);
  const auto lineWidth = [&](qsizetype from, qsizetype to) {
    return metrics.horizontalAdvance(label.mid(from, to - from).trimmed());
  };
  // Fewest lines that fit; among those, the narrowest widest line.
  std::vector<qsizetype> best;
  qreal bestWidth = lineWidth(0, label.size());
  for (std::size_t a = 0; a < breaks.size(); ++a) {
    const qreal two = std::max(lineWidth(0, breaks[a]), lineWidth(breaks[a], label.size()));
    if (two < bestWidth)
      best = {breaks[a]}, bestWidth = two;
  }
  const bool twoFit = bestWidth <= width;
  for (std::size_t a = 0; a < breaks.size() && !twoFit; ++a)
    for (std::size_t b = a + 1; b < breaks.size(); ++b) {
      const qreal three = std::max({lineWidth(0, breaks[a]), lineWidth(breaks[a], breaks[b]),
                                    lineWidth(breaks[b], label.size())});
      if (three < bestWidth && three <= width)
        best = {breaks[a], breaks[b]}, bestWidth = three;
    }
  QStringList lines;
  qsizetype from = 0;
  for (qsizetype to : best) {
    lines.append(label.mid(from, to - from).trimmed());
    from = to;
  }
  lines.append(label.mid(from).trimmed());
  return lines;
}

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
  chartstyle::keepCategoriesReadable(this, m_axisCategories);
  m_legend = new ChartLegend(chart());
  m_annotations = new ChartAnnotations(chart());
  connect(chart(), &QChart::geometryChanged, this, &HorizontalBarChartView::updateCategoryLabels);
  connect(chart(), &QChart::plotAreaChanged, this, &HorizontalBarChartView::fitUsdAxis);
}

void HorizontalBarChartView::setCategoryNames(const QStringList &names) {
  m_categoryNames = names;
  updateCategoryLabels();
}

void HorizontalBarChartView::updateCategoryLabels() {
  const QFontMetricsF metrics(m_axisCategories->labelsFont());
  const qreal width = std::max<qreal>(80, chart()->size().width() * 0.2);
  QStringList labels;
  for (const QString &name : m_categoryNames) {
    QStringList lines;
    for (const QString &part : name.split(QLatin1Char('\n')))
      for (const QString &line : wrappedLines(part, metrics, width))
        lines.append(line.toHtmlEscaped());
    labels.append(lines.size() == 1 ? lines.front()
                                    : QStringLiteral("<div align=\"right\">%1</div>")
                                          .arg(lines.join(QStringLiteral("<br>"))));
  }
  if (m_axisCategories->categories() != labels)
    m_axisCategories->setCategories(labels);
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
