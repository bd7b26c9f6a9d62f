#pragma once

#include "core/analysis/planvsactual.h"
#include "ui/charts/horizontalbarchartview.h"

#include <QList>
#include <QString>

namespace bwi::ui {

// Plan against actual as a bridge (docs/cost-model.md §17): the plan's
// gross for the month on top, then volume, price, mix and commitment/other
// (an increase in vermillion, a decrease in green, each starting where the
// one above ended), the bill's gross at the bottom. Every figure comes from
// core::PlanVsActualMonth.
class ActualsWaterfallView : public HorizontalBarChartView {
  Q_OBJECT

public:
  explicit ActualsWaterfallView(QWidget *parent = nullptr);

  void showMonth(const core::PlanVsActualMonth &month, const QString &scenarioName);
  // An empty state with a reason ("Load a bill…").
  void showMessage(const QString &title, const QString &message);

  struct Bar {
    QString label;
    double start = 0; // USD where the bar starts
    double end = 0;   // USD where it ends
    bool total = false;
    double deltaUsd() const { return end - start; }
  };
  // The bars drawn, top first (the GUI test reads them).
  const QList<Bar> &bars() const { return m_bars; }

private:
  void showBarTooltip(bool state, int index);

  QList<Bar> m_bars;
  QList<int> m_labels; // annotation ids, one per bar
};

} // namespace bwi::ui
