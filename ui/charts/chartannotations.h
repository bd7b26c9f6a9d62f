#pragma once

#include <QColor>
#include <QList>
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
class QScatterSeries;
QT_END_NAMESPACE

namespace bwi::ui {

// Text on a chart: labels anchored to data points (break-evens, the current
// commitment, the end of a bar) and a centred message for an empty state.
//
// Labels follow their points: after any change to a label the layout is redone once the
// chart's own changes made alongside (axes, categories, series) are in place (deferred to the
// event loop, coalesced), and again whenever the plot area changes. A label stays inside the
// plot, never covers a marker of the series it is told to keep clear of, nor another label:
// a point's label is nudged up or down or to the other side of its point; a bar's label
// (Left, Right) stays on its bar's row and is hidden when its row has no room, rather than
// sitting on another bar's row. The graphics items are created once and reused.
class ChartAnnotations : public QObject {
  Q_OBJECT

public:
  enum class Placement {
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
    Right,      // a bar's label, after the bar's end
    Left,       // a bar's label, before the bar's start
    PlotTop,    // centred on the anchor's x, at the top of the plot area
    PlotBottom, // centred on the anchor's x, at the bottom of the plot area
  };

  explicit ChartAnnotations(QChart *chart);

  // A label positioned in `series`' coordinates; hidden until setLabel().
  int addLabel(QAbstractSeries *series, Placement placement, const QColor &accent);
  void setLabel(int id, const QString &text, QPointF anchor);
  void setPlacement(int id, Placement placement);
  void hideLabel(int id);
  // No label covers a marker of `markers` (the points a label points at).
  void keepClearOf(QScatterSeries *markers);
  // The chart's title with detail lines in a smaller font, the details
  // (short phrases) packed into as few lines as the chart's width allows;
  // a title wider than the chart wraps rather than being cut short. On a
  // small chart the details take at most a fifth of its height: the last
  // line shown ends in "…" and hovering the title shows them all.
  void setTitle(const QString &title, const QStringList &details = {});
  // Empty text hides the message.
  void setMessage(const QString &text);
  // Places every label now (the chart's layout must be current).
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
  QRectF wantedRect(const Label &label, Placement placement, QSizeF size) const;
  std::vector<QRectF> markerRects() const;
  void scheduleRelayout();
  void updateTitle();
  void updateTitleHover(const QString &details, qreal titleHeight);

  QChart *m_chart;
  std::vector<Label> m_labels;
  QList<QScatterSeries *> m_markers;
  QGraphicsTextItem *m_message = nullptr;
  QString m_title;
  QStringList m_titleDetails;
  QGraphicsRectItem *m_titleHover = nullptr; // the details left out, as a tooltip
  bool m_relayoutPending = false;
};

} // namespace bwi::ui
