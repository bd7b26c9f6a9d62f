#pragma once

#include <QObject>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QChart;
QT_END_NAMESPACE

namespace bwi::ui {

// The names of a bar chart's category axis, never cut short: a name wider than
// a fifth of the chart goes on two or three lines, again whenever the chart
// resizes; a "\n" in a name starts a line of its own. Shared by the horizontal
// bar charts and the tornado, whose lever names are the longest.
class WrappedCategoryNames : public QObject {
  Q_OBJECT

public:
  WrappedCategoryNames(QChart *chart, QBarCategoryAxis *axis);

  // The names in the axis's order (Qt draws the first at the bottom of a horizontal chart).
  void setNames(const QStringList &names);
  const QStringList &names() const { return m_names; }

private:
  void update();

  QChart *m_chart;
  QBarCategoryAxis *m_axis;
  QStringList m_names;
};

} // namespace bwi::ui
