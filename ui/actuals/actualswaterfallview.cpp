#include "ui/actuals/actualswaterfallview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalStackedBarSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

using chartstyle::Colour;

QString signedUsd(double usd) {
  const QString text = chartstyle::usdShort(usd);
  return usd > 0 ? QStringLiteral("+") + text : text;
}

// The figure at a bar's end: a total as it stands, an effect with its sign.
QString barLabel(const ActualsWaterfallView::Bar &bar) {
  return bar.total ? chartstyle::usdShort(bar.end) : signedUsd(bar.deltaUsd());
}

} // namespace

ActualsWaterfallView::ActualsWaterfallView(QWidget *parent)
    : HorizontalBarChartView(QStringLiteral("actualsWaterfall"),
                             tr("Gross USD per month (before discounts)"), 0.6, parent) {}

void ActualsWaterfallView::showMessage(const QString &title, const QString &message) {
  m_bars.clear();
  m_series->clear();
  for (int id : m_labels)
    m_annotations->hideLabel(id);
  m_series->setVisible(false);
  m_axisCategories->setVisible(false);
  m_axisUsd->setVisible(false);
  m_annotations->setTitle(title);
  m_annotations->setMessage(message);
  m_legend->refresh();
}

void ActualsWaterfallView::showMonth(const core::PlanVsActualMonth &month,
                                     const QString &scenarioName) {
  QList<Bar> bars;
  bars.append({tr("Plan"), 0, month.planUsd, true});
  double running = month.planUsd;
  const std::pair<QString, double> effects[] = {
      {tr("Volume"), month.effects.volumeUsd},
      {tr("Price"), month.effects.priceUsd},
      {tr("Mix"), month.effects.mixUsd},
      {tr("Commitment/other"), month.effects.commitmentUsd}};
  for (const auto &[label, delta] : effects) {
    bars.append({label, running, running + delta, false});
    running += delta;
  }
  bars.append({tr("Actual"), 0, month.actualUsd, true});

  // Qt draws category 0 at the bottom: reversed, the plan is on top.
  QStringList categories;
  QList<qreal> hidden, totals, increases, decreases;
  double high = 0;
  for (auto bar = bars.crbegin(); bar != bars.crend(); ++bar) {
    categories.append(bar->label);
    const double low = std::max(0.0, std::min(bar->start, bar->end));
    const double size = std::fabs(bar->end - bar->start);
    hidden.append(bar->total ? 0 : low);
    totals.append(bar->total ? bar->end : 0);
    increases.append(!bar->total && bar->deltaUsd() > 0 ? size : 0);
    decreases.append(!bar->total && bar->deltaUsd() < 0 ? size : 0);
    high = std::max({high, bar->start, bar->end});
  }
  m_series->clear();
  const auto addSet = [&](const QString &name, const QList<qreal> &values, const QColor &colour) {
    QBarSet *set = chartstyle::appendBarSet(m_series, name, values, colour);
    connect(set, &QBarSet::hovered, this,
            [this](bool state, int index) { showBarTooltip(state, index); });
  };
  addSet(QString(), hidden, Qt::transparent); // the base each effect stands on; not in the legend
  addSet(tr("Gross cost"), totals, chartstyle::colour(Colour::Blue));
  addSet(tr("Increase"), increases, chartstyle::colour(Colour::Vermillion));
  addSet(tr("Decrease"), decreases, chartstyle::colour(Colour::BluishGreen));
  setCategoryNames(categories);
  QList<QPair<double, QString>> labelledEnds;
  for (const Bar &bar : bars)
    labelledEnds.append({std::max(bar.start, bar.end), barLabel(bar)});
  setUsdAxis(high, labelledEnds);
  m_series->setVisible(true);
  m_axisCategories->setVisible(true);
  m_axisUsd->setVisible(true);
  m_annotations->setMessage(QString());

  while (m_labels.size() < bars.size())
    m_labels.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Right,
                                            chartstyle::colour(Colour::Black)));
  for (qsizetype i = 0; i < m_labels.size(); ++i) {
    if (i >= bars.size()) {
      m_annotations->hideLabel(m_labels[i]);
      continue;
    }
    const Bar &bar = bars[i];
    const qreal category = static_cast<qreal>(bars.size() - 1 - i);
    m_annotations->setLabel(m_labels[i], barLabel(bar),
                            QPointF(std::max(bar.start, bar.end), category));
  }

  const double variance = month.varianceUsd();
  QString change = tr("Variance %1").arg(signedUsd(variance));
  if (month.planUsd > 0)
    change += QStringLiteral(" (%1%2)").arg(variance > 0 ? QStringLiteral("+") : QString(),
                                            chartstyle::percent(variance / month.planUsd));
  m_annotations->setTitle(tr("Plan vs actual, %1").arg(QString::fromStdString(month.month)),
                          {change,
                           tr("Plan: %1, month %2").arg(scenarioName).arg(month.planMonth + 1),
                           tr("Tokens: plan %1, actual %2")
                               .arg(chartstyle::countShort(month.planTokens),
                                    chartstyle::countShort(month.actualTokens))});
  m_legend->refresh();
  m_bars = bars;
}

void ActualsWaterfallView::showBarTooltip(bool state, int index) {
  const qsizetype row = m_bars.size() - 1 - index; // the series is drawn reversed
  if (!state || row < 0 || row >= m_bars.size()) {
    chartstyle::hideTooltip();
    return;
  }
  const Bar &bar = m_bars[row];
  if (bar.total)
    chartstyle::showTooltip(
        this, tr("%1: %2 gross a month").arg(bar.label, chartstyle::usdExact(bar.end)));
  else
    chartstyle::showTooltip(
        this, tr("%1: %2%3 a month\nRunning: %4")
                  .arg(bar.label, bar.deltaUsd() > 0 ? QStringLiteral("+") : QString(),
                       chartstyle::usdExact(bar.deltaUsd()), chartstyle::usdExact(bar.end)));
}

} // namespace bwi::ui
