#pragma once

#include "core/cost/evaluation.h"
#include <QBrush>

#include <QColor>
#include <QList>
#include <QPen>
#include <QString>

#include <string>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractBarSeries;
class QBarSet;
class QBarCategoryAxis;
class QCategoryAxis;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QWidget;
QT_END_NAMESPACE

// How every workbench chart looks: the Okabe-Ito palette (distinguishable
// with any colour vision and in greyscale print), pens, the chart frame, tick
// labels for money and counts, and the hover tooltip. Formatting only: every
// number comes from core::WorkbenchFigures.
namespace bwi::ui::chartstyle {

enum class Colour { Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black };
QColor colour(Colour colour);
// The palette in an order for series without a fixed meaning (models); the
// yellow comes last because it is weak on white.
QColor seriesColour(int index);

// The cost modes, coloured the same in every chart.
enum class Mode { OnDemand, Overflow, Batch, Provisioned, Reserved, Meters };
QColor modeColour(Mode mode);
QString modeName(Mode mode);
// The USD of one mode in core's split of a cost.
double modeUsd(const core::ModeBreakdown &modes, Mode mode);

QPen linePen(const QColor &colour, Qt::PenStyle style = Qt::SolidLine, qreal width = 2.5);
QBrush fillBrush(const QColor &colour, int alpha);

// The smallest a chart view gets, in pixels.
inline constexpr int kChartMinimumWidth = 260;
inline constexpr int kChartMinimumHeight = 280;

// White light theme, antialiasing, no animation. The legend is a ChartLegend.
void setUpView(QChartView *view, const QString &objectName);
// The same look for a chart of its own (a second chart in one view). Its
// axes' titles fit the plot: a title too long for its axis drops its
// bracketed part ("USD per month (gross, before discount)" reads "USD per
// month") rather than being cut short.
void styleChart(QChart *chart);
void styleAxis(QAbstractAxis *axis, const QString &title);
// An axis's title after styleAxis: what the chart shows, fitted to the plot.
void setAxisTitle(QAbstractAxis *axis, const QString &title);

QString usdShort(double usd); // "$12.3k"
QString usdExact(double usd); // "$12,345.67"
QString percent(double share, int decimals = 1);
// A month counted from month 0 as the charts label it: month 0 is "M1".
QString monthTick(int month);
QString multiplier(double x); // "0.55x", "1.0x", "3.2x"
QString countShort(double n); // "950", "150k", "1.2M"
QString countExact(double n); // "150,000" or "2.67"
// "anthropic.claude-sonnet-4-5-20250929-v1:0" -> "claude-sonnet-4-5".
QString shortModelName(const std::string &modelId);

struct AxisTick {
  double value = 0;
  QString label;
};
struct TickRange {
  double min = 0;
  double max = 1;
  QList<double> values;
};
// Round steps (1, 2, 5 × 10^k, at least `minStep`) covering [low, high].
TickRange linearTicks(double low, double high, int target = 6, double minStep = 0);
// 1-2-5 ticks covering [low, high] (both > 0), in data units.
TickRange logTicks(double low, double high);
QList<AxisTick> moneyTicks(const QList<double> &values);
QList<AxisTick> countTicks(const QList<double> &values);

// A QCategoryAxis whose labels sit on values: how axes show "$1.2M". Qt
// never cuts its labels short ("$10…"): setTicks() thins them instead.
QCategoryAxis *makeTickAxis(const QString &title);
// A horizontal stacked-bar series on `chart`: categories (names) on the
// left, USD along the bottom on a tick axis.
struct HorizontalBars {
  QHorizontalStackedBarSeries *series = nullptr;
  QBarCategoryAxis *categories = nullptr;
  QCategoryAxis *usd = nullptr;
};
HorizontalBars addHorizontalBars(QChart *chart, const QString &usdAxisTitle, qreal barWidth);
// Keeps every name of a bar chart's category axis drawn: Qt Charts hides a name that would
// overlap its neighbour's, so the view's minimum height grows with the categories and their
// lines (a scrolling page gives it the room) and never falls below the minimum it had.
void keepCategoriesReadable(QChartView *view, QBarCategoryAxis *axis);

// A bar set of `values` in `colour` appended to `series`; a transparent
// colour draws no border (the invisible base of a floating bar).
QBarSet *appendBarSet(QAbstractBarSeries *series, const QString &name, const QList<qreal> &values,
                      const QColor &colour);

// Replaces the axis's labels and range; does nothing when they are unchanged.
// Labels that would not fit side by side along the plot are thinned (every
// second, third … kept, from the first), again whenever the plot area
// changes, so that each shown label is whole.
void setTicks(QCategoryAxis *axis, double min, double max, const QList<AxisTick> &ticks);

void showTooltip(QWidget *view, const QString &text);
void hideTooltip();

} // namespace bwi::ui::chartstyle
