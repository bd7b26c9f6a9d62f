#pragma once

#include "core/cost/curves.h"
#include "core/report/workbenchfigures.h"

#include <QChartView>

#include <optional>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QLineSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// The selected model's demand over the hours of a week against its
// commitment: model units for PT, input tokens per minute for a
// reservation. Demand above the committed line overflows to on demand; the
// commitment below the demand sits idle. Floor and optimum as dashed lines.
class LoadChartView : public QChartView {
  Q_OBJECT

public:
  explicit LoadChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);

private:
  void fitDayNames(); // full or two-letter day names, whichever fits
  void showLevels(const core::LoadProfile &load);
  void showHourTooltip(QPointF point, bool state);

  QAreaSeries *m_served; // under the demand, up to the commitment
  QLineSeries *m_demand;
  QAreaSeries *m_idle;
  QAreaSeries *m_overflow;
  QLineSeries *m_committed;
  QLineSeries *m_floor;
  QLineSeries *m_optimal;
  QCategoryAxis *m_axisX;
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  int m_committedLabel = 0;
  int m_floorLabel = 0;
  int m_optimalLabel = 0;
  std::optional<core::LoadProfile> m_load;
};

} // namespace bwi::ui
