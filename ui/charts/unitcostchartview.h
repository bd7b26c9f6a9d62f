#pragma once

#include "core/report/workbenchfigures.h"

#include <QChartView>

#include <optional>
#include <string>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// "Cost per unit": one workload's net cost per unit (a ticket, a user) over
// the forecast months against its target band, shaded
// (docs/cost-model.md §19). Months inside the band are
// marked green, outside vermillion.
class UnitCostChartView : public QChartView {
  Q_OBJECT

public:
  explicit UnitCostChartView(QWidget *parent = nullptr);

  // Shows the series of `workloadId`, or the first workload with a unit
  // when it names none (or an empty id).
  void showWorkbench(const core::WorkbenchFigures &workbench, const std::string &workloadId = {});
  // The workload whose series is shown; empty when none is.
  const std::string &shownWorkload() const { return m_series.workloadId; }

private:
  void showPointTooltip(QPointF point, bool state);

  core::UnitCostSeries m_series;
  QAreaSeries *m_band;
  QLineSeries *m_target;
  QLineSeries *m_cost;
  QScatterSeries *m_within;
  QScatterSeries *m_outside;
  QCategoryAxis *m_axisX; // forecast months, ticks on x = month
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
};

} // namespace bwi::ui
