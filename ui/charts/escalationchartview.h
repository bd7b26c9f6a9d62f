#pragma once

#include "core/analysis/escalation.h"
#include "core/model/scenario.h"

#include <QChartView>

#include <optional>
#include <string>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// "Exception path" (docs/cost-model.md §12): the month's net cost of the
// scenario as one workload's escalation rate runs from 0 to 100%, beside the
// cost of sending all of that workload to the escalation target; the rate e*
// where the policy stops paying marked and labelled, and the scenario's own
// rate as a vertical line. Every figure is core::escalationCurve's.
class EscalationChartView : public QChartView {
  Q_OBJECT

public:
  explicit EscalationChartView(QWidget *parent = nullptr);

  // The workload the chart shows for a selection: the selected one when it
  // has an escalation, else the first that has one; empty when none has.
  static std::string chartedWorkload(const core::Scenario &scenario, int selected);

  // nullopt: no workload has an escalation (the chart says how to set one).
  void showCurve(const std::optional<core::EscalationCurve> &curve);
  const std::optional<core::EscalationCurve> &curve() const { return m_curve; }

private:
  void showPointTooltip(QPointF point, bool state);

  std::optional<core::EscalationCurve> m_curve;
  QLineSeries *m_policy;
  QLineSeries *m_allPremium;
  QLineSeries *m_rate;
  QScatterSeries *m_breakEven;
  QCategoryAxis *m_axisX;
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  int m_breakEvenLabel = 0;
  int m_rateLabel = 0;
  int m_allPremiumLabel = 0;
};

} // namespace bwi::ui
