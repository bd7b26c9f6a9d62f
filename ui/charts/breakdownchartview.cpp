#include "ui/charts/breakdownchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QHorizontalStackedBarSeries>
#include <QLegend>

#include <algorithm>
#include <array>
#include <vector>

namespace bwi::ui {
namespace {

using chartstyle::Mode;

constexpr std::array kModes = {Mode::OnDemand,    Mode::Overflow, Mode::Batch,
                               Mode::Provisioned, Mode::Reserved, Mode::Meters};

// Short model names, or the full id where two would read the same.
QStringList modelLabels(const std::vector<core::NamedCost> &models) {
  QStringList labels;
  for (const core::NamedCost &model : models)
    labels.append(chartstyle::shortModelName(model.key));
  for (qsizetype i = 0; i < labels.size(); ++i)
    if (labels.count(labels[i]) > 1)
      for (qsizetype j = 0; j < labels.size(); ++j)
        if (labels[j] == labels[i] && j != i)
          labels[j] = QString::fromStdString(models[static_cast<std::size_t>(j)].key);
  return labels;
}

// A category label on up to three lines no wider than `width`, broken after
// a space or a hyphen (not inside "4-5"), so that Qt does not cut it short;
// Qt still elides what cannot fit.
QString wrapped(const QString &label, const QFontMetricsF &metrics, qreal width) {
  if (metrics.horizontalAdvance(label) <= width)
    return label.toHtmlEscaped();
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
  bool bestFits = false;
  for (std::size_t a = 0; a < breaks.size() && !bestFits; ++a) {
    const qreal two = std::max(lineWidth(0, breaks[a]), lineWidth(breaks[a], label.size()));
    if (two < bestWidth)
      best = {breaks[a]}, bestWidth = two;
  }
  bestFits = bestWidth <= width;
  for (std::size_t a = 0; a < breaks.size() && !bestFits; ++a)
    for (std::size_t b = a + 1; b < breaks.size(); ++b) {
      const qreal three = std::max({lineWidth(0, breaks[a]), lineWidth(breaks[a], breaks[b]),
                                    lineWidth(breaks[b], label.size())});
      if (three < bestWidth && three <= width)
        best = {breaks[a], breaks[b]}, bestWidth = three;
    }
  QStringList lines;
  qsizetype from = 0;
  for (qsizetype to : best) {
    lines.append(label.mid(from, to - from).trimmed().toHtmlEscaped());
    from = to;
  }
  lines.append(label.mid(from).trimmed().toHtmlEscaped());
  return QStringLiteral("<div align=\"right\">%1</div>").arg(lines.join(QStringLiteral("<br>")));
}

} // namespace

BreakdownChartView::BreakdownChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("breakdownChart"));
  QChart *chart = this->chart();
  const chartstyle::HorizontalBars bars =
      chartstyle::addHorizontalBars(chart, tr("USD per month (gross, before discount)"), 0.65);
  m_series = bars.series;
  m_axisCategories = bars.categories;
  m_axisUsd = bars.usd;
  // Qt would elide a two-line name to fit a thin bar's height; the names are
  // wrapped to the axis width instead (updateCategoryLabels).
  m_axisCategories->setTruncateLabels(false);
  m_legend = new ChartLegend(chart);
  m_annotations = new ChartAnnotations(chart);
  connect(chart, &QChart::geometryChanged, this, &BreakdownChartView::updateCategoryLabels);
}

void BreakdownChartView::updateCategoryLabels() {
  // Names wider than a fifth of the chart go on two or three lines.
  const QFontMetricsF metrics(m_axisCategories->labelsFont());
  const qreal width = std::max<qreal>(80, chart()->size().width() * 0.2);
  QStringList labels;
  for (const QString &category : m_shown.categories)
    labels.append(wrapped(category, metrics, width));
  if (m_axisCategories->categories() != labels)
    m_axisCategories->setCategories(labels);
}

void BreakdownChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  m_month = workbench.evaluation.month;
  m_byModel = workbench.evaluation.byModel;
  m_byTeam = workbench.evaluation.byTeam;
  m_grossModes = workbench.evaluation.grossModes;
  redraw();
}

void BreakdownChartView::setGrouping(Grouping grouping) {
  if (grouping == m_grouping)
    return;
  m_grouping = grouping;
  redraw();
}

BreakdownChartView::Table BreakdownChartView::table() const {
  Table table;
  // Meters belong to no model: in the by-mode and by-model views they are a
  // stack and a bar of their own, so the bars still add up to the gross.
  const bool meters = m_grossModes.meters != 0;
  if (m_grouping == Grouping::Mode) {
    for (Mode mode : kModes) {
      if (mode == Mode::Meters && !meters)
        continue;
      table.categories.append(chartstyle::modeName(mode));
      table.fullNames.append(chartstyle::modeName(mode));
      table.totals.append(chartstyle::modeUsd(m_grossModes, mode));
    }
    table.sets = modelLabels(m_byModel);
    for (std::size_t i = 0; i < m_byModel.size(); ++i) {
      table.colours.append(chartstyle::seriesColour(static_cast<int>(i)));
      table.stackNames.append(QString::fromStdString(m_byModel[i].key));
      QList<double> row;
      for (Mode mode : kModes)
        if (mode != Mode::Meters || meters)
          row.append(chartstyle::modeUsd(m_byModel[i].modes, mode));
      table.values.append(row);
    }
    if (meters) {
      table.sets.append(chartstyle::modeName(Mode::Meters));
      table.stackNames.append(chartstyle::modeName(Mode::Meters));
      table.colours.append(chartstyle::modeColour(Mode::Meters));
      QList<double> row(table.categories.size(), 0.0);
      row.back() = m_grossModes.meters;
      table.values.append(row);
    }
    return reversed(std::move(table));
  }
  std::vector<core::NamedCost> rows = m_grouping == Grouping::Model ? m_byModel : m_byTeam;
  table.categories = m_grouping == Grouping::Model ? modelLabels(rows) : QStringList();
  if (m_grouping == Grouping::Model && meters) {
    core::ModeBreakdown modes;
    modes.meters = m_grossModes.meters;
    rows.push_back({chartstyle::modeName(Mode::Meters).toStdString(), modes.total(), modes});
    table.categories.append(chartstyle::modeName(Mode::Meters));
  }
  for (const core::NamedCost &row : rows) {
    if (m_grouping == Grouping::Team)
      table.categories.append(QString::fromStdString(row.key));
    table.fullNames.append(QString::fromStdString(row.key));
    table.totals.append(row.usd);
  }
  for (Mode mode : kModes) {
    if (mode == Mode::Meters && !meters)
      continue;
    table.sets.append(chartstyle::modeName(mode));
    table.stackNames.append(chartstyle::modeName(mode));
    table.colours.append(chartstyle::modeColour(mode));
    QList<double> row;
    for (const core::NamedCost &cost : rows)
      row.append(chartstyle::modeUsd(cost.modes, mode));
    table.values.append(row);
  }
  return reversed(std::move(table));
}

// The first category as the top bar: Qt draws category 0 at the bottom.
BreakdownChartView::Table BreakdownChartView::reversed(Table table) {
  std::reverse(table.categories.begin(), table.categories.end());
  std::reverse(table.fullNames.begin(), table.fullNames.end());
  std::reverse(table.totals.begin(), table.totals.end());
  for (QList<double> &row : table.values)
    std::reverse(row.begin(), row.end());
  return table;
}

void BreakdownChartView::redraw() {
  Table next = table();
  const std::array titles = {tr("Gross cost by model"), tr("Gross cost by team"),
                             tr("Gross cost by mode")};
  chart()->setTitle(
      tr("%1, month %2").arg(titles[static_cast<std::size_t>(m_grouping)]).arg(m_month + 1));
  m_axisCategories->setTitleText(m_grouping == Grouping::Model  ? tr("Model")
                                 : m_grouping == Grouping::Team ? tr("Team")
                                                                : tr("Mode"));
  const QList<QBarSet *> sets = m_series->barSets();
  const bool sameShape = next.sets == m_shown.sets && next.colours == m_shown.colours &&
                         next.categories.size() == m_shown.categories.size();
  m_shown.categories = next.categories;
  updateCategoryLabels();
  if (sameShape) {
    for (qsizetype s = 0; s < sets.size(); ++s)
      for (qsizetype c = 0; c < next.categories.size(); ++c)
        if (sets[s]->at(c) != next.values[s][c])
          sets[s]->replace(c, next.values[s][c]);
  } else {
    m_series->clear();
    QList<QBarSet *> fresh;
    for (qsizetype s = 0; s < next.sets.size(); ++s) {
      auto *set = new QBarSet(next.sets[s]);
      set->setColor(next.colours[s]);
      set->setBorderColor(Qt::white);
      set->append(next.values[s]);
      connect(set, &QBarSet::hovered, this, [this, s](bool state, int index) {
        showBarTooltip(state, static_cast<int>(s), index);
      });
      fresh.append(set);
    }
    m_series->append(fresh);
  }

  const double high =
      next.totals.isEmpty() ? 0 : *std::max_element(next.totals.begin(), next.totals.end());
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, std::max(high, 1.0), 6);
  chartstyle::setTicks(m_axisUsd, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  const bool empty = next.categories.isEmpty() || high <= 0;
  m_series->setVisible(!empty);
  m_axisCategories->setVisible(!empty);
  m_axisUsd->setVisible(!empty);
  m_legend->refresh();
  m_annotations->setMessage(empty ? tr("No cost this month: add a workload with requests.")
                                  : QString());
  m_shown = std::move(next);
}

void BreakdownChartView::showBarTooltip(bool state, int set, int category) {
  if (!state || set >= m_shown.sets.size() || category >= m_shown.categories.size()) {
    chartstyle::hideTooltip();
    return;
  }
  const QString stack = m_shown.stackNames[set];
  chartstyle::showTooltip(this, tr("%1\n%2: %3\nTotal: %4 (gross, before discount)")
                                    .arg(m_shown.fullNames[category], stack,
                                         chartstyle::usdExact(m_shown.values[set][category]),
                                         chartstyle::usdExact(m_shown.totals[category])));
}

} // namespace bwi::ui
