#include "ui/charts/waterfallchartview.h"

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

} // namespace

WaterfallChartView::WaterfallChartView(QWidget *parent)
    : HorizontalBarChartView(QStringLiteral("waterfallChart"),
                             tr("Net USD per month (after discount)"), 0.6, parent) {}

void WaterfallChartView::showMessage(const QString &message) {
  m_rows.clear();
  m_series->clear();
  for (int id : m_labels)
    m_annotations->hideLabel(id);
  m_series->setVisible(false);
  m_axisCategories->setVisible(false);
  m_axisUsd->setVisible(false);
  m_annotations->setTitle(tr("What changes the bill"));
  m_annotations->setMessage(message);
  m_legend->refresh();
}

void WaterfallChartView::showAttribution(const core::LeverAttribution &attribution,
                                         const QString &baselineLabel,
                                         const QString &comparedLabel) {
  QList<Row> rows;
  // The title names both scenarios; the axis keeps to short words.
  rows.append({tr("Baseline"), 0, attribution.baselineNetUsd, true, attribution.baselineNetUsd,
               baselineLabel});
  for (const core::LeverBar &bar : attribution.bars) {
    const double start = bar.runningUsd - bar.deltaUsd;
    rows.append(
        {QString::fromStdString(bar.label), start, bar.runningUsd, false, bar.deltaUsd, {}});
  }
  rows.append({tr("Compared"), 0, attribution.comparedNetUsd, true, attribution.comparedNetUsd,
               comparedLabel});

  // Qt draws category 0 at the bottom: reversed, the baseline is on top.
  QStringList categories;
  QList<qreal> hidden, totals, increases, decreases;
  double high = 0;
  for (auto row = rows.crbegin(); row != rows.crend(); ++row) {
    categories.append(row->label);
    const double low = std::min(row->start, row->end);
    const double size = std::fabs(row->end - row->start);
    hidden.append(row->total ? 0 : low);
    totals.append(row->total ? row->end : 0);
    increases.append(!row->total && row->deltaUsd > 0 ? size : 0);
    decreases.append(!row->total && row->deltaUsd < 0 ? size : 0);
    high = std::max({high, row->start, row->end});
  }
  m_series->clear();
  const auto addSet = [&](const QString &name, const QList<qreal> &values, const QColor &colour) {
    QBarSet *set = chartstyle::appendBarSet(m_series, name, values, colour);
    connect(set, &QBarSet::hovered, this,
            [this](bool state, int index) { showBarTooltip(state, index); });
    return set;
  };
  // The invisible bar each lever's bar stands on; not in the legend.
  addSet(QString(), hidden, Qt::transparent);
  addSet(tr("Net cost"), totals, chartstyle::colour(Colour::Blue));
  addSet(tr("Increase"), increases, chartstyle::colour(Colour::Vermillion));
  addSet(tr("Decrease"), decreases, chartstyle::colour(Colour::BluishGreen));
  setCategoryNames(categories);
  QList<QPair<double, QString>> labelledEnds;
  for (const Row &row : rows)
    labelledEnds.append({std::max(row.start, row.end), rowLabel(row)});
  setUsdAxis(high, labelledEnds);
  m_series->setVisible(true);
  m_axisCategories->setVisible(true);
  m_axisUsd->setVisible(true);
  m_annotations->setMessage(QString());

  while (m_labels.size() < rows.size())
    m_labels.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Right,
                                            chartstyle::colour(Colour::Black)));
  for (qsizetype i = 0; i < m_labels.size(); ++i) {
    if (i >= rows.size()) {
      m_annotations->hideLabel(m_labels[i]);
      continue;
    }
    const Row &row = rows[i];
    const qreal category = static_cast<qreal>(rows.size() - 1 - i);
    const double right = std::max(row.start, row.end);
    m_annotations->setLabel(m_labels[i], rowLabel(row), QPointF(right, category));
  }

  const double difference = attribution.differenceUsd();
  QString change = tr("net change %1").arg(signedUsd(difference));
  if (attribution.baselineNetUsd > 0)
    change +=
        QStringLiteral(" (%1)").arg((difference > 0 ? QStringLiteral("+") : QString()) +
                                    chartstyle::percent(difference / attribution.baselineNetUsd));
  // Short phrases: the annotations pack them into as few lines as the width allows.
  const QStringList details = {
      change[0].toUpper() + change.mid(1), tr("Baseline: %1").arg(baselineLabel),
      tr("Compared: %1").arg(comparedLabel), tr("Order of attribution: top to bottom"),
      tr("each lever moved with those above it already moved")};
  m_annotations->setTitle(tr("What changes the bill, month %1").arg(attribution.month + 1),
                          details);
  m_legend->refresh();
  m_rows = rows;
}

QString WaterfallChartView::rowLabel(const Row &row) {
  return row.total ? chartstyle::usdShort(row.end) : signedUsd(row.deltaUsd);
}

void WaterfallChartView::showBarTooltip(bool state, int index) {
  const qsizetype row = m_rows.size() - 1 - index; // the series is drawn reversed
  if (!state || row < 0 || row >= m_rows.size()) {
    chartstyle::hideTooltip();
    return;
  }
  const Row &shown = m_rows[row];
  if (shown.total)
    chartstyle::showTooltip(
        this,
        tr("%1: %2\nNet %3 a month").arg(shown.label, shown.name, chartstyle::usdExact(shown.end)));
  else
    chartstyle::showTooltip(
        this, tr("%1: %2%3 a month\nRunning net: %4")
                  .arg(shown.label, shown.deltaUsd > 0 ? QStringLiteral("+") : QString(),
                       chartstyle::usdExact(shown.deltaUsd), chartstyle::usdExact(shown.end)));
}

} // namespace bwi::ui
