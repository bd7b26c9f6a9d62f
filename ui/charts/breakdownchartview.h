#pragma once

#include "core/report/workbenchfigures.h"
#include "ui/charts/horizontalbarchartview.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace bwi::ui {

// The month's gross cost as stacked bars: by model or by team (stacked by
// mode), or by mode (stacked by model); meters, which belong to no model, are
// a bar of their own by model and a stack of their own by mode. The bars lie horizontally so that
// model and team names stay readable in a narrow chart. The window owns the
// switch and calls setGrouping().
class BreakdownChartView : public HorizontalBarChartView {
  Q_OBJECT

public:
  enum class Grouping { Model, Team, Mode };

  explicit BreakdownChartView(QWidget *parent = nullptr);

  void showWorkbench(const core::WorkbenchFigures &workbench);
  // Redraws from the last workbench shown.
  void setGrouping(Grouping grouping);
  Grouping grouping() const { return m_grouping; }

private:
  // What the bars show, in display form: one stack per set, one bar per category.
  struct Table {
    QStringList categories; // axis labels (short model names)
    QStringList fullNames;  // for the tooltip
    QList<double> totals;   // gross USD per category, from core
    QStringList sets;
    QStringList stackNames; // each set's full name, for the tooltip
    QList<QColor> colours;
    QList<QList<double>> values; // [set][category]
  };
  Table table() const;
  static Table reversed(Table table);
  void redraw();
  void showBarTooltip(bool state, int set, int category);

  Grouping m_grouping = Grouping::Model;
  int m_month = 0;
  std::vector<core::NamedCost> m_byModel;
  std::vector<core::NamedCost> m_byTeam;
  core::ModeBreakdown m_grossModes;
  QString m_unpricedNote; // core::unpricedNote: the chart leaves that traffic out
  Table m_shown;
};

} // namespace bwi::ui
