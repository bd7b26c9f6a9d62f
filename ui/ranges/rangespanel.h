#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/tornado.h"
#include "ui/charts/chartkind.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace bwi::ui {

class FanJob;
class ForecastChartView;
class GoalSeekBox;
class LatestJob;
class NumberField;
class PlannerChartView;
class ScenarioDocument;
class TornadoChartView;

// The Ranges tab: goal seek across the top; the forecast's fan with the
// monthly budget and the calendar month the forecast starts in and the tornado with its range side
// by side; the commitment planner below. The fan and the plan are computed off the GUI thread
// (FanJob, LatestJob); the tornado (well under a millisecond) on it. Hidden, the tab only notes
// that it is out of date and catches up when shown.
class RangesPanel : public QWidget {
  Q_OBJECT

public:
  RangesPanel(ScenarioDocument *document, FanJob *fan, QWidget *parent = nullptr);

  const std::optional<core::Tornado> &tornado() const { return m_tornado; }
  const std::optional<core::CommitmentPlan> &plan() const { return m_plan; }
  LatestJob &planJob() { return *m_planJob; }

protected:
  void showEvent(QShowEvent *event) override;

private:
  void refresh();
  void showFan();
  void showControls();
  void startPlan();
  void addExportActions(QWidget *chart, ChartKind kind);
  QWidget *titledRow(QWidget *chart, const QList<QWidget *> &controls);

  ScenarioDocument *m_document;
  FanJob *m_fan;
  LatestJob *m_planJob;
  GoalSeekBox *m_goalSeek;
  NumberField *m_budget;
  NumberField *m_range;
  QLineEdit *m_startMonth; // forecast.start_month, YYYY-MM; empty: no calendar
  QLabel *m_planStatus;
  ForecastChartView *m_fanChart;
  TornadoChartView *m_tornadoChart;
  PlannerChartView *m_plannerChart;
  std::optional<core::Tornado> m_tornado;
  std::optional<core::CommitmentPlan> m_plan;
  bool m_stale = true;
};

} // namespace bwi::ui
