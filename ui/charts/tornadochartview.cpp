#include "ui/charts/tornadochartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"
#include "ui/charts/wrappedcategorynames.h"
#include "ui/ranges/leverlabels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>

#include <algorithm>
#include <array>
#include <map>

namespace bwi::ui {
namespace {

using chartstyle::Colour;

// A bar is two segments between the sorted {low end, high end, base}, each
// coloured by the lever end that draws it: across the base, the end on each
// side; with both ends on one side, the nearer end and then the farther one.
struct BarSegments {
  double start = 0; // USD where the bar begins
  double first = 0; // lengths in USD
  double second = 0;
  bool firstIsLow = true;
  bool secondIsLow = false;
  double end() const { return start + first + second; }
};

BarSegments barSegments(const core::TornadoBar &bar, double base) {
  struct Point {
    double usd;
    int end; // 0 low, 1 high, 2 base
  };
  std::array<Point, 3> points = {Point{bar.lowUsd, 0}, Point{bar.highUsd, 1}, Point{base, 2}};
  std::sort(points.begin(), points.end(),
            [](const Point &a, const Point &b) { return a.usd < b.usd; });
  BarSegments segments;
  segments.start = points[0].usd;
  segments.first = points[1].usd - points[0].usd;
  segments.second = points[2].usd - points[1].usd;
  segments.firstIsLow = (points[0].end == 2 ? points[1].end : points[0].end) == 0;
  segments.secondIsLow = (points[2].end == 2 ? points[1].end : points[2].end) == 0;
  return segments;
}

QString signedPercent(double share) {
  return (share > 0 ? QStringLiteral("+") : QString()) + chartstyle::percent(share, 0);
}

// "±25%", or "−10% / +40%" for an uneven range.
QString rangeText(const core::LeverRange &range) {
  if (range.low == -range.high)
    return QStringLiteral("±") + chartstyle::percent(range.high, 0);
  return signedPercent(range.low) + QStringLiteral(" / ") + signedPercent(range.high);
}

// The lever's name; whole PT units move by whole units, so they say where
// they went; a lever whose range differs from the chart's says its own.
QString leverCategory(const core::TornadoBar &bar, const core::LeverRange &common) {
  if (core::leverIsWhole(bar.lever))
    return QStringLiteral("%1 (%2–%3)")
        .arg(leverLabel(bar.lever), QString::number(bar.lowValue),
             leverValueText(bar.lever, bar.highValue));
  if (bar.range.low != common.low || bar.range.high != common.high)
    return QStringLiteral("%1 (%2)").arg(leverLabel(bar.lever), rangeText(bar.range));
  return leverLabel(bar.lever);
}

// The range most levers moved by: the one named in the title.
core::LeverRange commonRange(const core::Tornado &tornado) {
  std::map<std::pair<double, double>, int> counts;
  for (const core::TornadoBar &bar : tornado.bars)
    ++counts[{bar.range.low, bar.range.high}];
  const auto most =
      std::max_element(counts.begin(), counts.end(),
                       [](const auto &a, const auto &b) { return a.second < b.second; });
  return {most->first.first, most->first.second};
}

} // namespace

TornadoChartView::TornadoChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("tornadoChart"));
  QChart *chart = this->chart();
  m_series = new QHorizontalStackedBarSeries;
  m_series->setBarWidth(0.62);
  m_axisLevers = new QBarCategoryAxis;
  chartstyle::styleAxis(m_axisLevers, QString());
  m_axisLevers->setGridLineVisible(false);
  m_leverNames = new WrappedCategoryNames(chart, m_axisLevers);
  m_axisUsd =
      chartstyle::makeTickAxis(tr("USD per month (net, after the private-pricing discount)"));
  m_base = new QLineSeries;
  m_base->setName(tr("Base (as written)"));
  m_base->setPen(chartstyle::linePen(chartstyle::colour(Colour::Black), Qt::DashLine, 1.5));
  chart->addSeries(m_series);
  chart->addSeries(m_base);
  chart->addAxis(m_axisLevers, Qt::AlignLeft);
  chart->addAxis(m_axisUsd, Qt::AlignBottom);
  chartstyle::keepCategoriesReadable(this, m_axisLevers);
  for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{m_series, m_base}) {
    series->attachAxis(m_axisLevers);
    series->attachAxis(m_axisUsd);
  }
  m_legend = new ChartLegend(chart);
  m_annotations = new ChartAnnotations(chart);
  m_annotations->setTitle(tr("Tornado: what moves the monthly bill"));
}

void TornadoChartView::showMessage(const QString &message) {
  m_tornado = {};
  m_series->clear();
  m_base->clear();
  for (int id : m_lowLabels + m_highLabels)
    m_annotations->hideLabel(id);
  m_series->setVisible(false);
  m_base->setVisible(false);
  m_axisLevers->setVisible(false);
  m_axisUsd->setVisible(false);
  m_annotations->setTitle(tr("Tornado: what moves the monthly bill"));
  m_annotations->setMessage(message);
  m_legend->refresh();
}

void TornadoChartView::showTornado(const core::Tornado &tornado) {
  if (tornado.bars.empty()) {
    showMessage(tr("No lever moves this scenario's bill."));
    return;
  }
  m_tornado = tornado;
  const double base = tornado.baseUsd;
  // Qt draws category 0 at the bottom: reversed, the largest swing is on top.
  const core::LeverRange common = commonRange(tornado);
  QStringList categories;
  QList<qreal> hidden, lowFirst, highFirst, lowSecond, highSecond;
  double left = base, right = base;
  for (auto bar = tornado.bars.crbegin(); bar != tornado.bars.crend(); ++bar) {
    categories.append(leverCategory(*bar, common));
    const BarSegments segments = barSegments(*bar, base);
    left = std::min(left, segments.start);
    right = std::max(right, segments.end());
    hidden.append(segments.start);
    lowFirst.append(segments.firstIsLow ? segments.first : 0);
    highFirst.append(segments.firstIsLow ? 0 : segments.first);
    lowSecond.append(segments.secondIsLow ? segments.second : 0);
    highSecond.append(segments.secondIsLow ? 0 : segments.second);
  }
  // Room for the USD labels at either end of the longest bars.
  const double span = std::max(right - left, std::max(base, 1.0) * 0.02);
  const chartstyle::TickRange ticks =
      chartstyle::linearTicks(std::max(0.0, left - span * 0.3), right + span * 0.3, 6);
  // The bars stack from zero: the hidden part reaches the axis's left edge.
  m_series->clear();
  const QColor lowColour = chartstyle::colour(Colour::Blue);
  const QColor highColour = chartstyle::colour(Colour::Vermillion);
  const auto addSet = [&](const QString &name, const QList<qreal> &values, const QColor &colour) {
    QBarSet *set = chartstyle::appendBarSet(m_series, name, values, colour);
    connect(set, &QBarSet::hovered, this,
            [this](bool state, int index) { showBarTooltip(state, index); });
  };
  addSet(QString(), hidden, Qt::transparent);
  // One legend entry per colour: the second set of each colour has no name.
  addSet(tr("Lever at its low value"), lowFirst, lowColour);
  addSet(tr("Lever at its high value"), highFirst, highColour);
  addSet(QString(), lowSecond, lowColour);
  addSet(QString(), highSecond, highColour);
  m_leverNames->setNames(categories);
  chartstyle::setTicks(m_axisUsd, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  const auto rows = static_cast<double>(categories.size());
  m_base->replace(QList<QPointF>{{base, -0.5}, {base, rows - 0.5}});
  m_base->setName(tr("Base %1 (as written)").arg(chartstyle::usdShort(base)));
  m_series->setVisible(true);
  m_base->setVisible(true);
  m_axisLevers->setVisible(true);
  m_axisUsd->setVisible(true);
  m_annotations->setMessage(QString());

  const qsizetype count = categories.size();
  while (m_lowLabels.size() < count) {
    m_lowLabels.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Left,
                                               chartstyle::colour(Colour::Black)));
    m_highLabels.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Right,
                                                chartstyle::colour(Colour::Black)));
  }
  for (qsizetype i = 0; i < m_lowLabels.size(); ++i) {
    if (i >= count) {
      m_annotations->hideLabel(m_lowLabels[i]);
      m_annotations->hideLabel(m_highLabels[i]);
      continue;
    }
    const core::TornadoBar &bar = tornado.bars[static_cast<std::size_t>(i)];
    const qreal category = static_cast<qreal>(count - 1 - i);
    const BarSegments segments = barSegments(bar, base);
    const QString cheaper = chartstyle::usdShort(std::min(bar.lowUsd, bar.highUsd));
    const QString dearer = chartstyle::usdShort(std::max(bar.lowUsd, bar.highUsd));
    const double below = std::min(bar.lowUsd, bar.highUsd);
    const double above = std::max(bar.lowUsd, bar.highUsd);
    if (below <= base && above >= base) {
      m_annotations->setLabel(m_lowLabels[i], cheaper, QPointF(segments.start, category));
      m_annotations->setLabel(m_highLabels[i], dearer, QPointF(segments.end(), category));
    } else {
      // Both ends on one side of the base: both figures at the outer end.
      const bool right = below > base;
      m_annotations->hideLabel(m_lowLabels[i]);
      m_annotations->setPlacement(m_highLabels[i], right ? ChartAnnotations::Placement::Right
                                                         : ChartAnnotations::Placement::Left);
      m_annotations->setLabel(m_highLabels[i], tr("%1 / %2").arg(cheaper, dearer),
                              QPointF(right ? segments.end() : segments.start, category));
      continue;
    }
    m_annotations->setPlacement(m_highLabels[i], ChartAnnotations::Placement::Right);
  }
  m_annotations->setTitle(tr("Tornado: what moves the bill, month %1").arg(tornado.month + 1),
                          {tr("base %1 a month").arg(chartstyle::usdShort(base)),
                           tr("each lever alone, %1 of its value").arg(rangeText(common)),
                           tr("largest swing on top")});
  m_legend->refresh();
}

QStringList TornadoChartView::leverOrder() const {
  QStringList names;
  for (const core::TornadoBar &bar : m_tornado.bars)
    names.append(QString::fromUtf8(core::leverName(bar.lever).data(),
                                   static_cast<qsizetype>(core::leverName(bar.lever).size())));
  return names;
}

void TornadoChartView::showBarTooltip(bool state, int index) {
  const auto count = static_cast<int>(m_tornado.bars.size());
  const int row = count - 1 - index; // drawn reversed
  if (!state || row < 0 || row >= count) {
    chartstyle::hideTooltip();
    return;
  }
  const core::TornadoBar &bar = m_tornado.bars[static_cast<std::size_t>(row)];
  chartstyle::showTooltip(
      this,
      tr("%1 (%2)\nLow %3: %4 a month\nHigh %5: %6 a month\nSwing: %7\nBase: %8")
          .arg(leverLabel(bar.lever), leverUnitHint(bar.lever),
               leverValueText(bar.lever, bar.lowValue), chartstyle::usdExact(bar.lowUsd),
               leverValueText(bar.lever, bar.highValue), chartstyle::usdExact(bar.highUsd),
               chartstyle::usdExact(bar.swingUsd()), chartstyle::usdExact(m_tornado.baseUsd)));
}

} // namespace bwi::ui
