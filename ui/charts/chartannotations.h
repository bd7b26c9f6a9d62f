#pragma once

#include <QColor>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
QT_END_NAMESPACE

namespace bwi::ui {

// Text on a chart: labels anchored to data points (break-evens, the current
// commitment) and a centred message for an empty state. Labels follow their
// points when the plot area changes, stay inside it, and are nudged apart
// when they would overlap. The graphics items are created once and reused.
class ChartAnnotations : public QObject {
  Q_OBJECT

public:
  enum class Placement {
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
    Right,
    Left,
    PlotTop,    // centred on the anchor's x, at the top of the plot area
    PlotBottom, // centred on the anchor's x, at the bottom of the plot area
  };

  explicit ChartAnnotations(QChart *chart);

  // A label positioned in `series`' coordinates; hidden until setLabel().
  int addLabel(QAbstractSeries *series, Placement placement, const QColor &accent);
  void setLabel(int id, const QString &text, QPointF anchor);
  void setPlacement(int id, Placement placement);
  void hideLabel(int id);
  // The chart's title with detail lines in a smaller font, the details
  // (short phrases) packed into as few lines as the chart's width allows.
  void setTitle(const QString &title, const QStringList &details = {});
  // Empty text hides the message.
  void setMessage(const QString &text);
  void relayout();

private:
  struct Label {
    QAbstractSeries *series = nullptr;
    Placement placement = Placement::AboveRight;
    QPointF anchor;
    bool shown = false;
    QGraphicsRectItem *box = nullptr;
    QGraphicsSimpleTextItem *text = nullptr;
  };
  QRectF wantedRect(const Label &label, QSizeF size) const;
  void updateTitle();

  QChart *m_chart;
  std::vector<Label> m_labels;
  QGraphicsTextItem *m_message = nullptr;
  QString m_title;
  QStringList m_titleDetails;
};

} // namespace bwi::ui
