#pragma once

#include "core/analysis/tornado.h"

#include <QChartView>
#include <QList>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QCategoryAxis;
class QHorizontalStackedBarSeries;
class QLineSeries;
QT_END_NAMESPACE

namespace bwi::ui {

class ChartAnnotations;
class ChartLegend;
class WrappedCategoryNames;

// The tornado: one horizontal bar per lever from the month's net cost with
// the lever at its low value to the cost at its high value, around the base
// (the scenario as written), largest swing on top. The part of a bar drawn
// by the low value is blue, by the high value vermillion; both ends carry
// their USD and each lever's name its two values. Every figure comes from
// core::Tornado.
class TornadoChartView : public QChartView {
  Q_OBJECT

public:
  explicit TornadoChartView(QWidget *parent = nullptr);

  void showTornado(const core::Tornado &tornado);
  void showMessage(const QString &message);

  // The levers as drawn, top first (tests).
  QStringList leverOrder() const;

private:
  void showBarTooltip(bool state, int index);

  core::Tornado m_tornado;
  QHorizontalStackedBarSeries *m_series;
  QLineSeries *m_base;
  QBarCategoryAxis *m_axisLevers;
  WrappedCategoryNames *m_leverNames; // the lever names, wrapped rather than cut
  QCategoryAxis *m_axisUsd;
  ChartAnnotations *m_annotations;
  ChartLegend *m_legend;
  QList<int> m_lowLabels;  // annotation ids at the bars' left ends
  QList<int> m_highLabels; // and right ends
};

} // namespace bwi::ui
