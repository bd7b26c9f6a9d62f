#include "ui/charts/comparechartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalStackedBarSeries>

#include <algorithm>
#include <array>

namespace bwi::ui {
namespace {

using chartstyle::Mode;

constexpr std::array kModes = {Mode::OnDemand,    Mode::Overflow, Mode::Batch,
                               Mode::Provisioned, Mode::Reserved, Mode::Meters};

} // namespace

CompareChartView::CompareChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("compareChart"));
  QChart *chart = this->chart();
  const chartstyle::HorizontalBars bars =
      chartstyle::addHorizontalBars(chart, tr("Net USD per month (after discount)"), 0.6);
  m_series = bars.series;
  m_axisCategories = bars.categories;
  m_axisUsd = bars.usd;
  m_axisCategories->setTruncateLabels(true); // long scenario names: the table has them whole
  m_legend = new ChartLegend(chart);
  m_annotations = new ChartAnnotations(chart);
}

void CompareChartView::showComparison(const core::Comparison &comparison) {
  const qsizetype count = static_cast<qsizetype>(comparison.labels.size());
  const core::FigureRow *net = nullptr;
  for (const core::FigureRow &row : comparison.rows)
    if (row.key == "net_usd")
      net = &row;
  m_labels.clear();
  m_modes.clear();
  // Qt draws category 0 at the bottom: reversed, the baseline is on top.
  for (qsizetype i = count; i-- > 0;) {
    m_labels.append(QString::fromStdString(comparison.labels[static_cast<std::size_t>(i)]));
    m_modes.append(comparison.netModes[static_cast<std::size_t>(i)]);
  }
  m_series->clear();
  double high = 0;
  for (Mode mode : kModes) {
    auto *set = new QBarSet(chartstyle::modeName(mode));
    set->setColor(chartstyle::modeColour(mode));
    set->setBorderColor(Qt::white);
    for (const core::ModeBreakdown &modes : m_modes)
      set->append(chartstyle::modeUsd(modes, mode));
    const int modeIndex = static_cast<int>(mode);
    connect(set, &QBarSet::hovered, this,
            [this, modeIndex](bool state, int index) { showBarTooltip(state, modeIndex, index); });
    m_series->append(set);
  }
  for (const core::ModeBreakdown &modes : m_modes)
    high = std::max(high, modes.total());
  m_axisCategories->setCategories(m_labels);
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, std::max(high * 1.25, 1.0), 6);
  chartstyle::setTicks(m_axisUsd, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));

  while (m_totals.size() < count)
    m_totals.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Right,
                                            chartstyle::colour(chartstyle::Colour::Black)));
  for (qsizetype i = 0; i < m_totals.size(); ++i) {
    if (i >= count || !net) {
      m_annotations->hideLabel(m_totals[i]);
      continue;
    }
    const std::size_t scenario = static_cast<std::size_t>(i);
    QString text = chartstyle::usdShort(net->values[scenario].value_or(0));
    if (const auto &difference = net->differences[scenario]) {
      text += QStringLiteral("  (%1%2").arg(*difference > 0 ? QStringLiteral("+") : QString(),
                                            chartstyle::usdShort(*difference));
      if (const auto &relative = net->relativeDifferences[scenario])
        text += QStringLiteral(", %1%2").arg(*relative > 0 ? QStringLiteral("+") : QString(),
                                             chartstyle::percent(*relative));
      text += QStringLiteral(")");
    }
    m_annotations->setLabel(
        m_totals[i], text,
        QPointF(net->values[scenario].value_or(0), static_cast<qreal>(count - 1 - i)));
  }
  const bool empty = count == 0;
  m_series->setVisible(!empty);
  m_axisCategories->setVisible(!empty);
  m_axisUsd->setVisible(!empty);
  m_annotations->setMessage(empty ? tr("Add a scenario to compare.") : QString());
  m_annotations->setTitle(tr("Net cost side by side, month %1").arg(comparison.month + 1),
                          {tr("First bar: the baseline; in brackets, the difference from it")});
  m_legend->refresh();
}

void CompareChartView::showBarTooltip(bool state, int set, int index) {
  if (!state || index < 0 || index >= m_labels.size()) {
    chartstyle::hideTooltip();
    return;
  }
  const auto mode = static_cast<Mode>(set);
  const core::ModeBreakdown &modes = m_modes[index];
  chartstyle::showTooltip(this, tr("%1\n%2: %3\nTotal: %4 (net)")
                                    .arg(m_labels[index], chartstyle::modeName(mode),
                                         chartstyle::usdExact(chartstyle::modeUsd(modes, mode)),
                                         chartstyle::usdExact(modes.total())));
}

} // namespace bwi::ui
