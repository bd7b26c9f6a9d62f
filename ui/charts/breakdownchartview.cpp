#include "ui/charts/breakdownchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
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

} // namespace

BreakdownChartView::BreakdownChartView(QWidget *parent)
    : HorizontalBarChartView(QStringLiteral("breakdownChart"),
                             tr("USD per month (gross, before discount)"), 0.65, parent) {}

void BreakdownChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  m_month = workbench.evaluation.month;
  m_byModel = workbench.evaluation.byModel;
  m_byTeam = workbench.evaluation.byTeam;
  m_grossModes = workbench.evaluation.grossModes;
  m_unpricedNote = QString::fromStdString(core::unpricedNote(workbench.evaluation));
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
  // Traffic without a price is in no bar: the chart says so (docs/cost-model.md §21).
  m_annotations->setTitle(
      tr("%1, month %2").arg(titles[static_cast<std::size_t>(m_grouping)]).arg(m_month + 1),
      m_unpricedNote.isEmpty() ? QStringList() : QStringList{tr("unpriced: ") + m_unpricedNote});
  chartstyle::setAxisTitle(m_axisCategories, m_grouping == Grouping::Model  ? tr("Model")
                                             : m_grouping == Grouping::Team ? tr("Team")
                                                                            : tr("Mode"));
  const QList<QBarSet *> sets = m_series->barSets();
  const bool sameShape = next.sets == m_shown.sets && next.colours == m_shown.colours &&
                         next.categories.size() == m_shown.categories.size();
  m_shown.categories = next.categories;
  setCategoryNames(next.categories);
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
  setUsdAxis(high / 1.05); // no bar labels: the axis ends at the longest bar
  const bool empty = next.categories.isEmpty() || high <= 0;
  m_series->setVisible(!empty);
  m_axisCategories->setVisible(!empty);
  m_axisUsd->setVisible(!empty);
  m_legend->refresh();
  m_annotations->setMessage(!empty ? QString()
                            : m_unpricedNote.isEmpty()
                                ? tr("No cost this month: add a workload with requests.")
                                : tr("No priced traffic this month: map the models without a price "
                                     "or type their prices."));
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
