#pragma once

#include "core/report/workbenchfigures.h"

#include <QChartView>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;

// The commitment explorer for the selected model: its net monthly cost
// against provisioned model units (or, for a Reserved-tier model, against
// reserved input TPM), with the floor, the optimum and the current
// commitment marked; an explanation when no model can be committed.
class CommitmentChartView : public QChartView {
  Q_OBJECT

public:
  explicit CommitmentChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);

private:
  struct Mark {
    double x = 0;
    double costUsd = 0;
    QString name;
  };
  void showUnits(const core::UnitsCurve &curve, const core::Evaluation &evaluation);
  void showReserved(const core::ReservedCurve &curve);
  void showEmpty(bool traffic);
  void showCurve(const QList<QPointF> &points, const std::vector<Mark> &marks);
  void showPointTooltip(QPointF point, bool state);

  QLineSeries *m_curve;
  QScatterSeries *m_curvePoints; // the PT curve's whole model units
  QScatterSeries *m_floor;
  QScatterSeries *m_optimal;
  QScatterSeries *m_current;
  QCategoryAxis *m_axisX;
  QCategoryAxis *m_axisY;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  std::vector<int> m_markLabels;
  bool m_reserved = false; // the data below is a reservation's, else PT's
  QString m_modelId;
  QList<QPointF> m_points; // x: MU or input TPM, y: net USD per month
};

} // namespace bwi::ui
