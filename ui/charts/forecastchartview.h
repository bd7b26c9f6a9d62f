#pragma once

#include "forecast.h"
#include "workbench.h"

#include <QChartView>

#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QBarCategoryAxis;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QStackedBarSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// The monthly forecast (cost-model.md section 8): gross cost stacked by
// mode, the net line after the discount and, when the scenario gives a
// volume range, the net p10-p90 band and the p50 line.
class ForecastChartView : public QChartView {
  Q_OBJECT

public:
  explicit ForecastChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::Workbench &workbench);

private:
  void showMonthTooltip(int month, bool state);
  void showNearestMonthTooltip(QPointF point, bool state);

  QStackedBarSeries *m_modes;
  QAreaSeries *m_band;
  QLineSeries *m_p50;
  QLineSeries *m_net;
  QScatterSeries *m_netPoints;
  QBarCategoryAxis *m_axisX;
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  std::vector<core::ForecastMonth> m_months;
};

} // namespace bwi::ui
