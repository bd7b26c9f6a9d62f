#pragma once

#include "ui/charts/chartkind.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QSize;

class QTimer;

namespace bwi::ui {

class BreakdownChartView;
class CommitmentChartView;
class FanJob;
class EscalationChartView;
class ForecastChartView;
class LoadChartView;
class ScenarioDocument;
class UnitCostChartView;
class VolumeChartView;

// The charts of the workbench in one grid, redrawn from the document's
// workbench on every change: four columns in a wide window, three or two in a
// narrower one (where the tab scrolls down rather than squeezing the charts).
class ChartsPanel : public QWidget {
  Q_OBJECT

public:
  ChartsPanel(ScenarioDocument *document, FanJob *fan, QWidget *parent = nullptr);

  void refresh();
  QSize minimumSizeHint() const override; // two columns wide, the rows shown tall

protected:
  void resizeEvent(QResizeEvent *event) override;
  void showEvent(QShowEvent *event) override;

private:
  // The selected workload's id when it names a unit, else empty (the chart
  // then shows the first workload that does).
  std::string unitWorkload() const;

  // The exception-path chart of the selected workload (or the first with an escalation).
  void refreshEscalation();
  // The charts in reading order, and the rows they take in `columns` columns.
  QList<QWidget *> charts() const;
  int rows(int columns) const;
  void arrange(int columns);
  // "Export chart…" and "Copy chart" in the chart's context menu.
  void addExportActions(QWidget *chart, ChartKind kind);

  ScenarioDocument *m_document;
  VolumeChartView *m_volume;
  CommitmentChartView *m_commitment;
  BreakdownChartView *m_breakdown;
  ForecastChartView *m_forecast;
  LoadChartView *m_load;
  UnitCostChartView *m_unitCost;
  EscalationChartView *m_escalation;
  bool m_escalationPending = false;
  // The Exception path curve (a hundred evaluations and more) redraws once the
  // edits pause, so a dragged slider repaints every other figure at once.
  QTimer *m_escalationTimer = nullptr;
  QComboBox *m_grouping;
  QWidget *m_breakdownBox;
  QGridLayout *m_grid;
  int m_columns = 0;
  FanJob *m_fan;
};

} // namespace bwi::ui
