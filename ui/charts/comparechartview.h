#pragma once

#include "core/analysis/scenariocomparison.h"
#include "ui/charts/horizontalbarchartview.h"

#include <QList>
#include <QStringList>

namespace bwi::ui {

// The compared scenarios side by side: one bar each, the month's net cost
// stacked by mode (on demand, overflow, batch, provisioned, reserved), the
// baseline on top, each total and its difference from the baseline at the
// bar's end. Every figure comes from core::Comparison.
class CompareChartView : public HorizontalBarChartView {
  Q_OBJECT

public:
  explicit CompareChartView(QWidget *parent = nullptr);

  void showComparison(const core::Comparison &comparison);

private:
  void showBarTooltip(bool state, int set, int index);

  QStringList m_labels;               // display order, top first
  QList<core::ModeBreakdown> m_modes; // display order, top first
  QList<int> m_totals;                // annotation ids
};

} // namespace bwi::ui
