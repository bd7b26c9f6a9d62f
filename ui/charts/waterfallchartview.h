#pragma once

#include "core/analysis/leverattribution.h"
#include "ui/charts/horizontalbarchartview.h"

#include <QList>
#include <QStringList>

namespace bwi::ui {

// The bridge from a baseline's net monthly cost to a compared scenario's:
// the baseline total on top, one bar per lever in the order core moved them
// (an increase in vermillion, a decrease in green, each starting where the
// one above ended), the compared total at the bottom. Horizontal, so the
// lever names stay readable. Every figure comes from core::LeverAttribution.
class WaterfallChartView : public HorizontalBarChartView {
  Q_OBJECT

public:
  explicit WaterfallChartView(QWidget *parent = nullptr);

  void showAttribution(const core::LeverAttribution &attribution, const QString &baselineLabel,
                       const QString &comparedLabel);
  // An empty state with a reason ("Add a scenario to compare").
  void showMessage(const QString &message);

private:
  struct Row {
    QString label;
    double start = 0; // USD where the bar starts
    double end = 0;   // USD where it ends
    bool total = false;
    double deltaUsd = 0;
    QString name; // the scenario, for a total
  };
  static QString rowLabel(const Row &row); // the figure at the bar's end
  void showBarTooltip(bool state, int index);

  QList<Row> m_rows;   // in display order, top first
  QList<int> m_labels; // annotation ids, one per row
};

} // namespace bwi::ui
