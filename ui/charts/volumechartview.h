#pragma once

#include "core/report/workbenchfigures.h"

#include <QChartView>

#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCategoryAxis;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// Cost vs volume (docs/cost-model.md §7): net USD per month as the global
// volume multiplier runs from 0.1x to 10x, on demand only, with the
// scenario's commitments and with optimal PT; each PT break-even, today's
// volume and the pilot-to-production band marked. Both axes are log scale.
class VolumeChartView : public QChartView {
  Q_OBJECT

public:
  explicit VolumeChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);

private:
  void showCurveTooltip(QPointF point, bool state);
  void showBreakEvenTooltip(QPointF point, bool state);

  QLineSeries *m_onDemand;
  QLineSeries *m_withCommitments;
  QLineSeries *m_withOptimal;
  QScatterSeries *m_breakEvens;
  QLineSeries *m_now;
  QAreaSeries *m_band;
  QLogValueAxis *m_axisX;
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  int m_nowLabel = 0;
  int m_bandLabel = 0;
  std::vector<int> m_breakEvenLabels;
  std::vector<core::VolumeCurvePoint> m_curve;
  std::vector<core::BreakEvenMarker> m_breakEvenData;
};

} // namespace bwi::ui
