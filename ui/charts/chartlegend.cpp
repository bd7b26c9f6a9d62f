#include "ui/charts/chartlegend.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QPainter>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

constexpr qreal kSwatchWidth = 22;
constexpr qreal kSwatchGap = 5; // between swatch and name
constexpr qreal kEntryGap = 14; // between entries
constexpr qreal kRowGap = 3;
constexpr qreal kSideMargin = 8;
constexpr qreal kBottomPadding = 4;
constexpr qreal kLegendZValue = 30;

QPolygonF markerPolygon(QScatterSeries::MarkerShape shape, QPointF centre, qreal size) {
  const qreal r = size / 2;
  switch (shape) {
  case QScatterSeries::MarkerShapeTriangle:
    return QPolygonF(
        {centre + QPointF(0, -r), centre + QPointF(r, r * 0.8), centre + QPointF(-r, r * 0.8)});
  case QScatterSeries::MarkerShapeRotatedRectangle:
    return QPolygonF({centre + QPointF(0, -r), centre + QPointF(r, 0), centre + QPointF(0, r),
                      centre + QPointF(-r, 0)});
  default:
    break;
  }
  return {};
}

} // namespace

bool ChartLegend::Entry::operator==(const Entry &other) const {
  return name == other.name && swatch == other.swatch && pen == other.pen && brush == other.brush &&
         shape == other.shape;
}

ChartLegend::ChartLegend(QChart *chart) : QGraphicsObject(chart), m_chart(chart) {
  chart->legend()->hide();
  setZValue(kLegendZValue);
  m_font = chart->font();
  m_font.setPointSizeF(8.5);
  connect(chart, &QChart::geometryChanged, this, &ChartLegend::relayout);
}

void ChartLegend::exclude(QAbstractSeries *series) {
  m_excluded.append(series);
  refresh();
}

std::vector<ChartLegend::Entry> ChartLegend::entriesFromSeries() const {
  std::vector<Entry> entries;
  const QList<QAbstractSeries *> all = m_chart->series();
  for (QAbstractSeries *series : all) {
    if (!series->isVisible() || m_excluded.contains(series))
      continue;
    switch (series->type()) {
    case QAbstractSeries::SeriesTypeLine:
    case QAbstractSeries::SeriesTypeSpline:
      entries.push_back({series->name(),
                         Swatch::Line,
                         static_cast<QXYSeries *>(series)->pen(),
                         Qt::NoBrush,
                         QScatterSeries::MarkerShapeCircle,
                         {}});
      break;
    case QAbstractSeries::SeriesTypeScatter: {
      auto *scatter = static_cast<QScatterSeries *>(series);
      entries.push_back({series->name(),
                         Swatch::Marker,
                         scatter->pen(),
                         scatter->brush(),
                         scatter->markerShape(),
                         {}});
      break;
    }
    case QAbstractSeries::SeriesTypeArea: {
      auto *area = static_cast<QAreaSeries *>(series);
      entries.push_back({series->name(),
                         Swatch::Box,
                         area->pen(),
                         area->brush(),
                         QScatterSeries::MarkerShapeCircle,
                         {}});
      break;
    }
    case QAbstractSeries::SeriesTypeBar:
    case QAbstractSeries::SeriesTypeStackedBar:
    case QAbstractSeries::SeriesTypePercentBar:
    case QAbstractSeries::SeriesTypeHorizontalBar:
    case QAbstractSeries::SeriesTypeHorizontalStackedBar:
    case QAbstractSeries::SeriesTypeHorizontalPercentBar: {
      const QList<QBarSet *> sets = static_cast<QAbstractBarSeries *>(series)->barSets();
      for (const QBarSet *set : sets)
        entries.push_back({set->label(),
                           Swatch::Box,
                           Qt::NoPen,
                           set->brush(),
                           QScatterSeries::MarkerShapeCircle,
                           {}});
      break;
    }
    default:
      break;
    }
  }
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [](const Entry &entry) { return entry.name.isEmpty(); }),
                entries.end());
  return entries;
}

void ChartLegend::refresh() {
  std::vector<Entry> entries = entriesFromSeries();
  if (entries == m_entries)
    return;
  m_entries = std::move(entries);
  relayout();
}

void ChartLegend::relayout() {
  const QFontMetricsF metrics(m_font);
  const qreal rowHeight = std::max<qreal>(metrics.height(), 12);
  const qreal available = std::max<qreal>(60, m_chart->size().width() - 2 * kSideMargin);
  // Rows of entries, each no wider than the chart.
  std::vector<std::vector<std::size_t>> rows;
  std::vector<qreal> rowWidths;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    const qreal width = kSwatchWidth + kSwatchGap + metrics.horizontalAdvance(m_entries[i].name);
    if (rows.empty() || rowWidths.back() + kEntryGap + width > available) {
      rows.push_back({i});
      rowWidths.push_back(width);
    } else {
      rows.back().push_back(i);
      rowWidths.back() += kEntryGap + width;
    }
  }
  for (std::size_t row = 0; row < rows.size(); ++row) {
    qreal x = kSideMargin + std::max<qreal>(0, (available - rowWidths[row]) / 2);
    const qreal y = static_cast<qreal>(row) * (rowHeight + kRowGap);
    for (std::size_t i : rows[row]) {
      m_entries[i].position = QPointF(x, y);
      x += kSwatchWidth + kSwatchGap + metrics.horizontalAdvance(m_entries[i].name) + kEntryGap;
    }
  }
  const qreal height =
      rows.empty() ? 0 : static_cast<qreal>(rows.size()) * (rowHeight + kRowGap) - kRowGap;
  prepareGeometryChange();
  m_rect = QRectF(0, 0, m_chart->size().width(), height);
  setPos(0, m_chart->size().height() - height - kBottomPadding);
  // Room for the legend under the axes; only on change, as it lays the chart out again.
  const int bottom = static_cast<int>(std::ceil(height + 2 * kBottomPadding));
  if (bottom != m_bottomMargin) {
    m_bottomMargin = bottom;
    QMargins margins = m_chart->margins();
    margins.setBottom(bottom);
    m_chart->setMargins(margins);
  }
  update();
}

QRectF ChartLegend::boundingRect() const { return m_rect; }

void ChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  const QFontMetricsF metrics(m_font);
  const qreal rowHeight = std::max<qreal>(metrics.height(), 12);
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setFont(m_font);
  for (const Entry &entry : m_entries) {
    const QPointF centre = entry.position + QPointF(kSwatchWidth / 2, rowHeight / 2);
    switch (entry.swatch) {
    case Swatch::Line: {
      QPen pen = entry.pen;
      pen.setWidthF(std::min<qreal>(pen.widthF(), 2.5));
      pen.setCapStyle(Qt::FlatCap);
      painter->setPen(pen);
      painter->drawLine(QPointF(entry.position.x(), centre.y()),
                        QPointF(entry.position.x() + kSwatchWidth, centre.y()));
      break;
    }
    case Swatch::Marker: {
      const qreal size = std::min<qreal>(11, rowHeight - 1);
      painter->setPen(entry.pen);
      painter->setBrush(entry.brush);
      const QPolygonF polygon = markerPolygon(entry.shape, centre, size);
      if (!polygon.isEmpty())
        painter->drawPolygon(polygon);
      else if (entry.shape == QScatterSeries::MarkerShapeCircle)
        painter->drawEllipse(centre, size / 2, size / 2);
      else
        painter->drawRect(QRectF(centre - QPointF(size / 2, size / 2), QSizeF(size, size)));
      break;
    }
    case Swatch::Box: {
      const QRectF box(centre - QPointF(7, 5), QSizeF(14, 10));
      painter->fillRect(box, Qt::white);
      painter->fillRect(box, entry.brush);
      painter->setPen(entry.pen.style() == Qt::NoPen ? QPen(QColor(0x90, 0x90, 0x90), 0.8)
                                                     : QPen(entry.pen.color(), 1));
      painter->setBrush(Qt::NoBrush);
      painter->drawRect(box);
      break;
    }
    }
    painter->setPen(QColor(0x20, 0x20, 0x20));
    painter->drawText(QRectF(entry.position.x() + kSwatchWidth + kSwatchGap, entry.position.y(),
                             metrics.horizontalAdvance(entry.name) + 2, rowHeight),
                      Qt::AlignLeft | Qt::AlignVCenter, entry.name);
  }
  painter->restore();
}

} // namespace bwi::ui
