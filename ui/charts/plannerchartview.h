#pragma once

#include "core/analysis/commitmentplanner.h"

#include <QChartView>
#include <QList>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QCategoryAxis;
class QChart;
class QGraphicsTextItem;
class QHorizontalBarSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// The commitment planner in one picture of two charts side by side. Left:
// for each model the card prices PT for, each choice (none, the floor or
// the optimum on each term) with its expected and p90 monthly cost, the
// recommended one marked, the recommendation and its reason above both
// and the models without a PT quote named. Right: the 12-month cumulative
// saving of each commitment against staying on demand, with the month it
// starts to pay. Every figure comes from core::CommitmentPlan.
class PlannerChartView : public QChartView {
  Q_OBJECT

public:
  explicit PlannerChartView(QWidget *parent = nullptr);

  void showPlan(const core::CommitmentPlan &plan);
  void showMessage(const QString &message);
  // Faded while the plan shown is for an earlier state of the scenario.
  void setStale(bool stale);

  QChart *timelineChart() const { return m_timeline; }
  QString headerText() const; // the recommendation, its reason, the models needing a quote

protected:
  void resizeEvent(QResizeEvent *event) override;

private:
  struct Row {
    const core::ModelPlan *model = nullptr;
    const core::PlanChoice *choice = nullptr;
    bool recommended = false;
  };
  void showChoices();
  void showTimeline();
  void showBarTooltip(bool state, int index);
  void layOutCharts();
  void showHeader(const QString &title, const QStringList &lines);

  core::CommitmentPlan m_plan;
  QList<Row> m_rows; // top first

  QHorizontalBarSeries *m_costs;
  QBarCategoryAxis *m_axisChoices;
  QCategoryAxis *m_axisUsd;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  QList<int> m_costLabels;
  QGraphicsTextItem *m_header;

  QChart *m_timeline;
  QCategoryAxis *m_axisMonths;
  QCategoryAxis *m_axisSaving;
  ChartAnnotations *m_timelineAnnotations;
  ChartLegend *m_timelineLegend;
};

// "commit to the floor", "wait (stay on demand)", … for a ModelPlan::recommendation.
QString recommendationText(core::PlanRecommendation recommendation);
// "floor 2 MU · 6 months", "none (on demand)".
QString planChoiceText(const core::PlanChoice &choice);

} // namespace bwi::ui
