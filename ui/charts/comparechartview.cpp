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

CompareChartView::CompareChartView(QWidget *parent)
    : HorizontalBarChartView(QStringLiteral("compareChart"),
                             tr("Net USD per month (after discount)"), 0.6, parent) {}

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
  // Each bar's end carries its total; the difference from the baseline goes
  // under the scenario's name, where a narrow chart has room for it.
  QStringList names;
  QList<QPair<double, QString>> labelledEnds;
  for (qsizetype i = 0; i < count; ++i) {
    const std::size_t scenario = static_cast<std::size_t>(count - 1 - i); // axis order
    QString name = m_labels[i];
    if (net)
      if (const auto &difference = net->differences[scenario]) {
        QString change =
            (*difference > 0 ? QStringLiteral("+") : QString()) + chartstyle::usdShort(*difference);
        if (const auto &relative = net->relativeDifferences[scenario])
          change += QStringLiteral(", ") + (*relative > 0 ? QStringLiteral("+") : QString()) +
                    chartstyle::percent(*relative);
        name += QStringLiteral("\n(%1)").arg(change);
      }
    names.append(name);
    if (net)
      labelledEnds.append({net->values[scenario].value_or(0),
                           chartstyle::usdShort(net->values[scenario].value_or(0))});
  }
  setCategoryNames(names);
  setUsdAxis(high, labelledEnds);

  while (m_totals.size() < count)
    m_totals.append(m_annotations->addLabel(m_series, ChartAnnotations::Placement::Right,
                                            chartstyle::colour(chartstyle::Colour::Black)));
  for (qsizetype i = 0; i < m_totals.size(); ++i) {
    if (i >= count || !net) {
      m_annotations->hideLabel(m_totals[i]);
      continue;
    }
    const std::size_t scenario = static_cast<std::size_t>(i);
    const QString text = chartstyle::usdShort(net->values[scenario].value_or(0));
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
                          {tr("First bar: the baseline; under each other name, in brackets, "
                              "the difference from it")});
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
