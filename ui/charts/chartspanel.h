#pragma once

#include "ui/export/chartexport.h"

#include <QWidget>

class QComboBox;
class QSize;

namespace bwi::ui {

class BreakdownChartView;
class CommitmentChartView;
class FanJob;
class ForecastChartView;
class LoadChartView;
class ScenarioDocument;
class UnitCostChartView;
class VolumeChartView;

// The six charts of the workbench in one grid, redrawn from the document's
// workbench on every change.
class ChartsPanel : public QWidget {
  Q_OBJECT

public:
  ChartsPanel(ScenarioDocument *document, QWidget *parent = nullptr);

  void refresh();

private:
  // The selected workload's id when it names a unit, else empty (the chart
  // then shows the first workload that does).
  std::string unitWorkload() const;

  // "Export chart…" and "Copy chart" in the chart's context menu.
  void addExportActions(QWidget *chart, ChartKind kind);

  ScenarioDocument *m_document;
  VolumeChartView *m_volume;
  CommitmentChartView *m_commitment;
  BreakdownChartView *m_breakdown;
  ForecastChartView *m_forecast;
  LoadChartView *m_load;
  UnitCostChartView *m_unitCost;
  QComboBox *m_grouping;
  FanJob *m_fan = nullptr;
};

} // namespace bwi::ui
