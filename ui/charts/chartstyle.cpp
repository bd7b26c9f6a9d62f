#include "ui/charts/chartstyle.h"

#include "core/common/moneyformat.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QHorizontalStackedBarSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace bwi::ui::chartstyle {
namespace {

const QLocale &numberLocale() {
  static const QLocale locale(QLocale::English, QLocale::UnitedStates);
  return locale;
}

// Trailing zeros off a fixed-point number: "1.50" -> "1.5", "2.00" -> "2".
QString trimmed(QString text) {
  if (!text.contains(QLatin1Char('.')))
    return text;
  while (text.endsWith(QLatin1Char('0')))
    text.chop(1);
  if (text.endsWith(QLatin1Char('.')))
    text.chop(1);
  return text;
}

// "150k" / "1.25M" with `decimals` at most.
QString scaled(double n, int decimals) {
  const double magnitude = std::fabs(n);
  const QString sign = n < 0 ? QStringLiteral("-") : QString();
  if (magnitude >= 1e9)
    return sign + trimmed(QString::number(magnitude / 1e9, 'f', decimals)) + QLatin1Char('B');
  if (magnitude >= 1e6)
    return sign + trimmed(QString::number(magnitude / 1e6, 'f', decimals)) + QLatin1Char('M');
  if (magnitude >= 1e3)
    return sign + trimmed(QString::number(magnitude / 1e3, 'f', decimals)) + QLatin1Char('k');
  return sign + trimmed(QString::number(magnitude, 'f', decimals));
}

bool allDistinct(const QList<AxisTick> &ticks) {
  QSet<QString> seen;
  for (const AxisTick &tick : ticks)
    if (!seen.contains(tick.label))
      seen.insert(tick.label);
    else
      return false;
  return true;
}

// Labels from `format`; with more decimals while two would read the same.
template <typename Format>
QList<AxisTick> distinctTicks(const QList<double> &values, Format format) {
  QList<AxisTick> ticks;
  for (int decimals = 1; decimals <= 4; ++decimals) {
    ticks.clear();
    for (double value : values)
      ticks.append({value, format(value, decimals)});
    if (allDistinct(ticks))
      break;
  }
  return ticks;
}

// Room between two tick labels, in pixels.
constexpr double kTickLabelGap = 8;
const char *const kFullTitle = "bwiFullTitle";

// The chart an axis is on: a chart takes its axes through its data set, whose parent it is.
QChart *chartOf(const QObject *axis) {
  for (QObject *object = axis->parent(); object; object = object->parent())
    if (auto *chart = qobject_cast<QChart *>(object))
      return chart;
  return nullptr;
}

void applyTicks(QCategoryAxis *axis, double min, double max, const QList<AxisTick> &ticks) {
  QStringList labels;
  for (const AxisTick &tick : ticks)
    labels.append(tick.label);
  bool same = axis->categoriesLabels() == labels;
  for (qsizetype i = 0; same && i < ticks.size(); ++i)
    same = axis->endValue(ticks[i].label) == ticks[i].value;
  if (!same) {
    const QStringList old = axis->categoriesLabels();
    for (const QString &label : old)
      axis->remove(label);
    axis->setStartValue(min);
    for (const AxisTick &tick : ticks)
      axis->append(tick.label, tick.value);
  }
  if (axis->min() != min || axis->max() != max)
    axis->setRange(min, max);
}

// Keeps a tick axis's labels whole: Qt Charts gives each label an equal share
// of the axis and cuts a longer one short; this keeps every second, third …
// label (the first always) so that the ones shown fit side by side, and does
// it again when the plot area changes.
class TickFitter : public QObject {
public:
  TickFitter(QCategoryAxis *axis, QChart *chart) : QObject(axis), m_axis(axis), m_chart(chart) {
    setObjectName(QStringLiteral("bwiTickFitter"));
    connect(chart, &QChart::plotAreaChanged, this, [this] { fit(); });
  }
  void set(double min, double max, const QList<AxisTick> &ticks) {
    m_min = min;
    m_max = max;
    m_ticks = ticks;
    fit();
  }

private:
  void fit() { applyTicks(m_axis, m_min, m_max, thinned()); }
  QList<AxisTick> thinned() const {
    const QRectF plot = m_chart->plotArea();
    const bool horizontal = m_axis->orientation() == Qt::Horizontal;
    const double length = horizontal ? plot.width() : plot.height();
    if (!(length > 0) || !(m_max > m_min) || m_ticks.size() < 2)
      return m_ticks;
    const QFontMetricsF metrics(m_axis->labelsFont());
    const auto extent = [&](const AxisTick &tick) {
      return horizontal ? metrics.horizontalAdvance(tick.label) : metrics.height();
    };
    const auto at = [&](const AxisTick &tick) {
      return (tick.value - m_min) / (m_max - m_min) * length;
    };
    for (qsizetype every = 1; every < m_ticks.size(); ++every) {
      QList<AxisTick> kept;
      for (qsizetype i = 0; i < m_ticks.size(); i += every)
        kept.append(m_ticks[i]);
      bool fits = true;
      for (qsizetype i = 1; fits && i < kept.size(); ++i)
        fits = std::fabs(at(kept[i]) - at(kept[i - 1])) >=
               (extent(kept[i]) + extent(kept[i - 1])) / 2 + kTickLabelGap;
      if (fits)
        return kept;
    }
    return {m_ticks.front()};
  }

  QCategoryAxis *m_axis;
  QChart *m_chart;
  double m_min = 0;
  double m_max = 1;
  QList<AxisTick> m_ticks;
};

// The title of each axis of `chart` that fits along the plot: the whole
// title, else without its bracketed part.
void fitAxisTitles(QChart *chart) {
  const QRectF plot = chart->plotArea();
  const QList<QAbstractAxis *> axes = chart->axes();
  for (QAbstractAxis *axis : axes) {
    const QString full = axis->property(kFullTitle).toString();
    if (full.isEmpty())
      continue;
    const double room = axis->orientation() == Qt::Horizontal ? plot.width() : plot.height();
    const QFontMetricsF metrics(axis->titleFont());
    // The whole title; without its bracketed part; "per month" as "/month"; else none
    // (the tick labels still say "$"): never a title cut short.
    QString shortened = full;
    if (const qsizetype bracket = full.indexOf(QStringLiteral(" (")); bracket > 0)
      shortened = full.left(bracket);
    QString shortest = shortened;
    shortest.replace(QStringLiteral(" per month"), QStringLiteral("/month"));
    QString shown;
    for (const QString &candidate : {full, shortened, shortest})
      if (room <= 0 || metrics.horizontalAdvance(candidate) + 8 <= room) {
        shown = candidate;
        break;
      }
    if (axis->titleText() != shown)
      axis->setTitleText(shown);
  }
}

} // namespace

QColor colour(Colour colour) {
  switch (colour) {
  case Colour::Orange:
    return QColor(0xE6, 0x9F, 0x00);
  case Colour::SkyBlue:
    return QColor(0x56, 0xB4, 0xE9);
  case Colour::BluishGreen:
    return QColor(0x00, 0x9E, 0x73);
  case Colour::Yellow:
    return QColor(0xF0, 0xE4, 0x42);
  case Colour::Blue:
    return QColor(0x00, 0x72, 0xB2);
  case Colour::Vermillion:
    return QColor(0xD5, 0x5E, 0x00);
  case Colour::ReddishPurple:
    return QColor(0xCC, 0x79, 0xA7);
  case Colour::Black:
    break;
  }
  return QColor(0x00, 0x00, 0x00);
}

QColor seriesColour(int index) {
  static constexpr std::array order = {
      Colour::Blue,       Colour::Orange,  Colour::BluishGreen, Colour::ReddishPurple,
      Colour::Vermillion, Colour::SkyBlue, Colour::Black,       Colour::Yellow};
  return colour(order[static_cast<std::size_t>(index) % order.size()]);
}

QColor modeColour(Mode mode) {
  switch (mode) {
  case Mode::OnDemand:
    return colour(Colour::Blue);
  case Mode::Overflow:
    return colour(Colour::Vermillion);
  case Mode::Batch:
    return colour(Colour::BluishGreen);
  case Mode::Provisioned:
    return colour(Colour::Orange);
  case Mode::Meters:
    return colour(Colour::SkyBlue);
  case Mode::Reserved:
    break;
  }
  return colour(Colour::ReddishPurple);
}

double modeUsd(const core::ModeBreakdown &modes, Mode mode) {
  switch (mode) {
  case Mode::OnDemand:
    return modes.onDemand;
  case Mode::Overflow:
    return modes.overflow;
  case Mode::Batch:
    return modes.batch;
  case Mode::Provisioned:
    return modes.provisioned;
  case Mode::Meters:
    return modes.meters;
  case Mode::Reserved:
    break;
  }
  return modes.reserved;
}

QString modeName(Mode mode) {
  const char *name = QT_TRANSLATE_NOOP("ChartStyle", "Reserved");
  switch (mode) {
  case Mode::OnDemand:
    name = QT_TRANSLATE_NOOP("ChartStyle", "On demand");
    break;
  case Mode::Overflow:
    name = QT_TRANSLATE_NOOP("ChartStyle", "Overflow");
    break;
  case Mode::Batch:
    name = QT_TRANSLATE_NOOP("ChartStyle", "Batch");
    break;
  case Mode::Provisioned:
    name = QT_TRANSLATE_NOOP("ChartStyle", "Provisioned");
    break;
  case Mode::Meters:
    name = QT_TRANSLATE_NOOP("ChartStyle", "Meters");
    break;
  case Mode::Reserved:
    break;
  }
  return QCoreApplication::translate("ChartStyle", name);
}

QPen linePen(const QColor &colour, Qt::PenStyle style, qreal width) {
  return QPen(colour, width, style, Qt::FlatCap, Qt::RoundJoin);
}

QBrush fillBrush(const QColor &colour, int alpha) {
  QColor fill = colour;
  fill.setAlpha(alpha);
  return QBrush(fill);
}

void setUpView(QChartView *view, const QString &objectName) {
  view->setObjectName(objectName);
  view->setRenderHint(QPainter::Antialiasing);
  // Small enough for two side by side beside the levers in a 1024-pixel window,
  // tall enough that the title, the legend and the axes leave the plot room.
  view->setMinimumSize(kChartMinimumWidth, kChartMinimumHeight);
  view->setBackgroundBrush(Qt::white);
  styleChart(view->chart());
}

void styleChart(QChart *chart) {
  chart->setTheme(QChart::ChartThemeLight); // before any series: the theme restyles series
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setBackgroundBrush(Qt::white);
  chart->setBackgroundRoundness(0);
  chart->setDropShadowEnabled(false);
  chart->setMargins(QMargins(4, 4, 14, 4)); // room for the last x label
  QFont titleFont = chart->titleFont();
  titleFont.setPointSizeF(11);
  titleFont.setBold(true);
  chart->setTitleFont(titleFont);
  chart->setTitleBrush(QBrush(QColor(0x20, 0x20, 0x20)));
  QObject::connect(chart, &QChart::plotAreaChanged, chart, [chart] { fitAxisTitles(chart); });
}

void setAxisTitle(QAbstractAxis *axis, const QString &title) {
  axis->setProperty(kFullTitle, title);
  axis->setTitleText(title);
  if (QChart *chart = chartOf(axis))
    fitAxisTitles(chart);
}

void styleAxis(QAbstractAxis *axis, const QString &title) {
  setAxisTitle(axis, title);
  QFont titleFont = axis->titleFont();
  titleFont.setPointSizeF(9);
  titleFont.setBold(false);
  axis->setTitleFont(titleFont);
  axis->setTitleBrush(QBrush(QColor(0x30, 0x30, 0x30)));
  QFont labelFont = axis->labelsFont();
  labelFont.setPointSizeF(9);
  axis->setLabelsFont(labelFont);
  axis->setLabelsColor(QColor(0x30, 0x30, 0x30));
  axis->setGridLineColor(QColor(0xE2, 0xE2, 0xE2));
  axis->setMinorGridLineColor(QColor(0xF2, 0xF2, 0xF2));
  axis->setLinePenColor(QColor(0x90, 0x90, 0x90));
  axis->setShadesVisible(false);
}

QString usdShort(double usd) { return QString::fromStdString(core::formatUsdShort(usd)); }
QString usdExact(double usd) { return QString::fromStdString(core::formatUsdExact(usd)); }
QString percent(double share, int decimals) {
  return QString::fromStdString(core::formatPercent(share, decimals));
}

QString monthTick(int month) { return QStringLiteral("M%1").arg(month + 1); }

QString multiplier(double x) {
  if (!std::isfinite(x))
    return QStringLiteral("n/a");
  QString text = trimmed(QString::number(x, 'f', x < 10 ? 2 : 1));
  if (!text.contains(QLatin1Char('.')))
    text += QStringLiteral(".0");
  return text + QLatin1Char('x');
}

QString countShort(double n) { return std::isfinite(n) ? scaled(n, 1) : QStringLiteral("n/a"); }

QString countExact(double n) {
  if (!std::isfinite(n))
    return QStringLiteral("n/a");
  if (n == std::round(n))
    return numberLocale().toString(n, 'f', 0);
  return numberLocale().toString(n, 'f', 2);
}

QString shortModelName(const std::string &modelId) {
  static const QRegularExpression provider(
      QStringLiteral("^(?:(?:us|eu|apac|global|us-gov|jp|au|ca)\\.)?[a-z][a-z0-9-]*\\."));
  static const QRegularExpression version(QStringLiteral("(-v\\d+(:\\d+)?|-\\d+:\\d+|:\\d+)$"));
  static const QRegularExpression date(QStringLiteral("-\\d{8}$"));
  QString name = QString::fromStdString(modelId);
  const QString full = name;
  name.remove(provider);
  name.remove(version);
  name.remove(date);
  return name.isEmpty() ? full : name;
}

TickRange linearTicks(double low, double high, int target, double minStep) {
  if (!std::isfinite(low) || !std::isfinite(high))
    low = 0, high = 1;
  if (!(high > low))
    high = low + (low == 0 ? 1 : std::fabs(low) * 0.1);
  const double raw = (high - low) / std::max(1, target - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * magnitude;
  for (double multiple : {1.0, 2.0, 5.0})
    if (multiple * magnitude >= raw * (1 - 1e-9)) {
      step = multiple * magnitude;
      break;
    }
  step = std::max(step, minStep);
  TickRange range;
  range.min = std::floor(low / step + 1e-9) * step;
  range.max = std::ceil(high / step - 1e-9) * step;
  if (range.max <= range.min)
    range.max = range.min + step;
  const long long count = std::llround((range.max - range.min) / step);
  for (long long i = 0; i <= count; ++i)
    range.values.append(range.min + static_cast<double>(i) * step);
  return range;
}

TickRange logTicks(double low, double high) {
  low = std::max(low, 1e-9);
  high = std::max(high, low * 1.0001);
  const int first = static_cast<int>(std::floor(std::log10(low)));
  const int last = static_cast<int>(std::ceil(std::log10(high)));
  // Fewer steps per decade when the range spans many decades.
  const QList<double> multiples = last - first > 4   ? QList<double>{1}
                                  : last - first > 2 ? QList<double>{1, 3}
                                                     : QList<double>{1, 2, 5};
  QList<double> candidates;
  for (int exponent = first; exponent <= last; ++exponent)
    for (double multiple : multiples)
      candidates.append(multiple * std::pow(10.0, exponent));
  TickRange range;
  range.min = candidates.front();
  range.max = candidates.back();
  for (double value : candidates) {
    if (value <= low * (1 + 1e-9))
      range.min = value;
    if (value >= high * (1 - 1e-9)) {
      range.max = value;
      break;
    }
  }
  for (double value : candidates)
    if (value >= range.min && value <= range.max)
      range.values.append(value);
  return range;
}

QList<AxisTick> moneyTicks(const QList<double> &values) {
  // Round ticks read "$300k", not "$300.0k".
  static const QRegularExpression zeroDecimal(QStringLiteral("\\.0(?=[kMB]$)"));
  QList<AxisTick> ticks;
  for (double value : values)
    ticks.append({value, usdShort(value).remove(zeroDecimal)});
  if (allDistinct(ticks))
    return ticks;
  return distinctTicks(values, [](double value, int decimals) {
    return (value < 0 ? QStringLiteral("-$") : QStringLiteral("$")) +
           scaled(std::fabs(value), decimals);
  });
}

QList<AxisTick> countTicks(const QList<double> &values) {
  return distinctTicks(values, [](double value, int decimals) { return scaled(value, decimals); });
}

QCategoryAxis *makeTickAxis(const QString &title) {
  auto *axis = new QCategoryAxis;
  axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  axis->setTruncateLabels(false); // setTicks thins them to fit instead
  styleAxis(axis, title);
  return axis;
}

HorizontalBars addHorizontalBars(QChart *chart, const QString &usdAxisTitle, qreal barWidth) {
  HorizontalBars bars;
  bars.series = new QHorizontalStackedBarSeries;
  bars.series->setBarWidth(barWidth);
  bars.categories = new QBarCategoryAxis;
  styleAxis(bars.categories, QString());
  bars.categories->setGridLineVisible(false);
  bars.usd = makeTickAxis(usdAxisTitle);
  chart->addSeries(bars.series);
  chart->addAxis(bars.categories, Qt::AlignLeft);
  chart->addAxis(bars.usd, Qt::AlignBottom);
  bars.series->attachAxis(bars.categories);
  bars.series->attachAxis(bars.usd);
  return bars;
}

void keepCategoriesReadable(QChartView *view, QBarCategoryAxis *axis) {
  const int floor = view->minimumHeight();
  const auto fit = [view, axis, floor] {
    const QStringList categories = axis->categories();
    const QRectF plot = view->chart()->plotArea();
    if (categories.isEmpty() || plot.height() <= 0)
      return;
    qsizetype lines = 1;
    for (const QString &category : categories)
      lines = std::max(lines, category.count(QStringLiteral("<br>")) + 1);
    // Each category's row holds its name's lines, with a little air between names.
    const qreal row =
        static_cast<qreal>(lines) * QFontMetricsF(axis->labelsFont()).lineSpacing() + 4;
    const qreal overhead = view->height() - plot.height();
    const int wanted = std::max(
        floor, static_cast<int>(std::ceil(overhead + row * static_cast<qreal>(categories.size()))));
    if (wanted != view->minimumHeight())
      view->setMinimumHeight(wanted);
  };
  QObject::connect(axis, &QBarCategoryAxis::categoriesChanged, view, fit, Qt::QueuedConnection);
  QObject::connect(view->chart(), &QChart::plotAreaChanged, view, fit, Qt::QueuedConnection);
}

QBarSet *appendBarSet(QAbstractBarSeries *series, const QString &name, const QList<qreal> &values,
                      const QColor &colour) {
  auto *set = new QBarSet(name);
  set->setColor(colour);
  set->setBorderColor(colour.alpha() == 0 ? QColor(Qt::transparent) : QColor(Qt::white));
  set->append(values);
  series->append(set);
  return set;
}

void setTicks(QCategoryAxis *axis, double min, double max, const QList<AxisTick> &ticks) {
  auto *fitter = dynamic_cast<TickFitter *>(
      axis->findChild<QObject *>(QStringLiteral("bwiTickFitter"), Qt::FindDirectChildrenOnly));
  if (!fitter) {
    QChart *chart = chartOf(axis);
    if (!chart) { // not on a chart yet: nothing to fit to
      applyTicks(axis, min, max, ticks);
      return;
    }
    fitter = new TickFitter(axis, chart);
  }
  fitter->set(min, max, ticks);
}

void showTooltip(QWidget *view, const QString &text) {
  QToolTip::showText(QCursor::pos(), text, view);
}

void hideTooltip() { QToolTip::hideText(); }

} // namespace bwi::ui::chartstyle
