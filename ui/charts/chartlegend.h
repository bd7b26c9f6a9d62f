#pragma once

#include <QBrush>
#include <QFont>
#include <QGraphicsObject>
#include <QList>
#include <QPen>
#include <QScatterSeries>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace bwi::ui {

// The legend under a chart, in as many rows as its width needs: Qt's own
// legend keeps to one row and cuts names short in a narrow chart. Lines
// show their dash, scatters their marker, areas and bars their fill (hatch
// included). Built from the chart's visible series.
class ChartLegend : public QGraphicsObject {
  Q_OBJECT

public:
  explicit ChartLegend(QChart *chart); // hides the chart's own legend

  // Series drawn on the chart but not named in the legend (bands, markers
  // that carry a text label of their own).
  void exclude(QAbstractSeries *series);
  // Re-reads the series (after adding, hiding or renaming); cheap when nothing changed.
  void refresh();

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
  enum class Swatch { Line, Marker, Box };
  struct Entry {
    QString name;
    Swatch swatch = Swatch::Box;
    QPen pen;
    QBrush brush;
    QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle;
    QPointF position; // of the swatch's top left, in this item
    bool operator==(const Entry &other) const;
  };
  std::vector<Entry> entriesFromSeries() const;
  void relayout();

  QChart *m_chart;
  QList<QAbstractSeries *> m_excluded;
  std::vector<Entry> m_entries;
  QFont m_font;
  QRectF m_rect;
  int m_bottomMargin = -1;
};

} // namespace bwi::ui
