#include "ui/charts/chartannotations.h"

#include <QAbstractSeries>
#include <QBrush>
#include <QChart>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QPen>
#include <QScatterSeries>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>
#include <optional>

namespace bwi::ui {
namespace {

constexpr qreal kPadding = 3;
constexpr qreal kGap = 7; // between the anchor point and the label
constexpr qreal kZValue = 20;
constexpr qreal kDetailPointSize = 9;
// The title and its details take at most this share of the chart's height (at
// least two detail lines): on a small chart the rest is a tooltip of the
// title, so that the plot keeps its room.
constexpr qreal kTitleShare = 0.2;
constexpr int kMinDetailLines = 2;
constexpr qreal kMarkerMargin = 2; // clear space around a marker
constexpr qreal kAnchorRadius = 4; // a point label leaves its own point visible
constexpr int kNudges = 9;         // up and down by a label's height, four times each way

using Placement = ChartAnnotations::Placement;

QRectF clampedInto(QRectF rect, const QRectF &bounds) {
  rect.moveLeft(std::max(bounds.left(), std::min(rect.left(), bounds.right() - rect.width())));
  rect.moveTop(std::max(bounds.top(), std::min(rect.top(), bounds.bottom() - rect.height())));
  return rect;
}

bool isBarLabel(Placement placement) {
  return placement == Placement::Right || placement == Placement::Left;
}

bool isPointLabel(Placement placement) {
  return placement == Placement::AboveRight || placement == Placement::BelowRight ||
         placement == Placement::AboveLeft || placement == Placement::BelowLeft;
}

// Where else a label may go when its own place is taken, in order of preference.
QList<Placement> alternatives(Placement placement) {
  switch (placement) {
  case Placement::AboveRight:
    return {placement, Placement::AboveLeft, Placement::BelowRight, Placement::BelowLeft};
  case Placement::BelowRight:
    return {placement, Placement::BelowLeft, Placement::AboveRight, Placement::AboveLeft};
  case Placement::AboveLeft:
    return {placement, Placement::AboveRight, Placement::BelowLeft, Placement::BelowRight};
  case Placement::BelowLeft:
    return {placement, Placement::BelowRight, Placement::AboveLeft, Placement::AboveRight};
  case Placement::PlotTop:
    return {placement, Placement::PlotBottom};
  case Placement::PlotBottom:
    return {placement, Placement::PlotTop};
  case Placement::Right:
  case Placement::Left:
    break;
  }
  return {placement}; // a bar's label stays on its row
}

// `text` broken at spaces into lines no wider than `width` (a word wider than that keeps a
// line of its own).
QStringList wrappedLines(const QString &text, const QFontMetricsF &metrics, qreal width) {
  QStringList lines;
  for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    if (!lines.isEmpty() &&
        metrics.horizontalAdvance(lines.last() + QLatin1Char(' ') + word) <= width)
      lines.last() += QLatin1Char(' ') + word;
    else
      lines.append(word);
  }
  return lines;
}

} // namespace

ChartAnnotations::ChartAnnotations(QChart *chart) : QObject(chart), m_chart(chart) {
  connect(chart, &QChart::plotAreaChanged, this, &ChartAnnotations::relayout);
  connect(chart, &QChart::geometryChanged, this, &ChartAnnotations::updateTitle);
}

void ChartAnnotations::setTitle(const QString &title, const QStringList &details) {
  m_title = title;
  m_titleDetails = details;
  updateTitle();
}

void ChartAnnotations::updateTitle() {
  if (m_title.isEmpty())
    return;
  // Qt cuts the title to the chart less its margins and the title's own padding.
  const qreal width = m_chart->size().width() - 40;
  // The title itself: on as many lines as it needs (Qt would cut it short with "...").
  const QStringList titleLines = wrappedLines(m_title, QFontMetricsF(m_chart->titleFont()), width);
  QFont detailFont = m_chart->titleFont();
  detailFont.setBold(false);
  detailFont.setPointSizeF(kDetailPointSize);
  const QFontMetricsF metrics(detailFont);
  const QString separator = QStringLiteral(" · ");
  QStringList lines;
  for (const QString &detail : m_titleDetails) {
    if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + separator + detail) <= width)
      lines.last() += separator + detail;
    else
      lines.append(detail);
    // A detail wider than the chart (a sentence) wraps at its spaces rather than being cut.
    if (metrics.horizontalAdvance(lines.last()) > width) {
      const QStringList wrapped = wrappedLines(lines.takeLast(), metrics, width);
      lines.append(wrapped);
    }
  }
  const QFontMetricsF titleMetrics(m_chart->titleFont());
  const qreal room = m_chart->size().height() * kTitleShare -
                     static_cast<qreal>(titleLines.size()) * titleMetrics.lineSpacing();
  const int fitting = std::max(kMinDetailLines, static_cast<int>(room / metrics.lineSpacing()));
  // An export or a pack page has no tooltip to hover: it prints every detail.
  const QList<QGraphicsView *> views =
      m_chart->scene() ? m_chart->scene()->views() : QList<QGraphicsView *>{};
  const bool printed = !views.isEmpty() && views.first()->testAttribute(Qt::WA_DontShowOnScreen);
  QString hiddenDetails;
  if (!printed && lines.size() > fitting) {
    hiddenDetails = m_titleDetails.join(QLatin1Char('\n'));
    lines = lines.mid(0, fitting);
    // " …" after the last line shown, or Qt's own "…" where the line has no room for it.
    lines.last() = metrics.elidedText(lines.last() + QStringLiteral(" …"), Qt::ElideRight, width);
  }
  updateTitleHover(hiddenDetails, titleLines.size() * titleMetrics.lineSpacing() +
                                      lines.size() * metrics.lineSpacing());
  QStringList escapedTitle;
  for (const QString &line : titleLines)
    escapedTitle.append(line.toHtmlEscaped());
  QString html = escapedTitle.join(QStringLiteral("<br>"));
  if (!lines.isEmpty()) {
    for (QString &line : lines)
      line = line.toHtmlEscaped();
    html += QStringLiteral("<br><span style=\"font-weight:normal; font-size:%1pt\">%2</span>")
                .arg(kDetailPointSize)
                .arg(lines.join(QStringLiteral("<br>")));
  }
  if (m_chart->title() != html)
    m_chart->setTitle(html);
}

// The details a small chart leaves out are the tooltip of its title's area;
// an invisible item over that area carries it (the chart's own tooltip would
// show over the whole plot).
void ChartAnnotations::updateTitleHover(const QString &details, qreal titleHeight) {
  if (details.isEmpty()) {
    if (m_titleHover)
      m_titleHover->hide();
    return;
  }
  if (!m_titleHover) {
    m_titleHover = new QGraphicsRectItem(m_chart);
    m_titleHover->setPen(Qt::NoPen);
    m_titleHover->setBrush(Qt::NoBrush);
    m_titleHover->setZValue(kZValue);
  }
  m_titleHover->setRect(0, 0, m_chart->size().width(), titleHeight + 2 * kGap);
  m_titleHover->setToolTip(details);
  m_titleHover->show();
}

int ChartAnnotations::addLabel(QAbstractSeries *series, Placement placement, const QColor &accent) {
  Label label;
  label.series = series;
  label.placement = placement;
  label.box = new QGraphicsRectItem(m_chart);
  label.box->setPen(QPen(accent, 1.2));
  label.box->setBrush(QColor(255, 255, 255, 235));
  label.box->setZValue(kZValue);
  label.box->hide();
  label.text = new QGraphicsSimpleTextItem(label.box);
  QFont font = m_chart->font();
  font.setPointSizeF(8.5);
  label.text->setFont(font);
  label.text->setBrush(QColor(0x10, 0x10, 0x10));
  label.text->setPos(kPadding, kPadding);
  m_labels.push_back(label);
  return static_cast<int>(m_labels.size()) - 1;
}

void ChartAnnotations::setLabel(int id, const QString &text, QPointF anchor) {
  Label &label = m_labels.at(static_cast<std::size_t>(id));
  label.anchor = anchor;
  label.shown = !text.isEmpty();
  if (label.text->text() != text)
    label.text->setText(text);
  scheduleRelayout();
}

void ChartAnnotations::setPlacement(int id, Placement placement) {
  m_labels.at(static_cast<std::size_t>(id)).placement = placement;
  scheduleRelayout();
}

void ChartAnnotations::hideLabel(int id) {
  Label &label = m_labels.at(static_cast<std::size_t>(id));
  label.shown = false;
  label.box->hide();
  scheduleRelayout(); // the labels that gave way to it may take their own place again
}

void ChartAnnotations::keepClearOf(QScatterSeries *markers) {
  if (!m_markers.contains(markers))
    m_markers.append(markers);
  scheduleRelayout();
}

void ChartAnnotations::setMessage(const QString &text) {
  if (!m_message) {
    if (text.isEmpty())
      return;
    m_message = new QGraphicsTextItem(m_chart);
    m_message->setZValue(kZValue);
    QFont font = m_chart->font();
    font.setPointSizeF(11);
    m_message->setFont(font);
    m_message->setDefaultTextColor(QColor(0x30, 0x30, 0x30));
    QTextOption option = m_message->document()->defaultTextOption();
    option.setAlignment(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WordWrap);
    m_message->document()->setDefaultTextOption(option);
  }
  m_message->setVisible(!text.isEmpty());
  if (m_message->toPlainText() != text)
    m_message->setPlainText(text);
  relayout();
}

void ChartAnnotations::scheduleRelayout() {
  // The chart is mid-change when a label changes (its axes and series are set around the
  // labels): place the labels once it is all in place, from the event loop.
  if (m_relayoutPending)
    return;
  m_relayoutPending = true;
  QMetaObject::invokeMethod(
      this,
      [this] {
        if (m_relayoutPending)
          relayout();
      },
      Qt::QueuedConnection);
}

QRectF ChartAnnotations::wantedRect(const Label &label, Placement placement, QSizeF size) const {
  const QPointF at = m_chart->mapToPosition(label.anchor, label.series);
  const QRectF plot = m_chart->plotArea();
  switch (placement) {
  case Placement::AboveRight:
    return {QPointF(at.x() + kGap, at.y() - kGap - size.height()), size};
  case Placement::BelowRight:
    return {QPointF(at.x() + kGap, at.y() + kGap), size};
  case Placement::AboveLeft:
    return {QPointF(at.x() - kGap - size.width(), at.y() - kGap - size.height()), size};
  case Placement::BelowLeft:
    return {QPointF(at.x() - kGap - size.width(), at.y() + kGap), size};
  case Placement::Right:
    return {QPointF(at.x() + kGap, at.y() - size.height() / 2), size};
  case Placement::Left:
    return {QPointF(at.x() - kGap - size.width(), at.y() - size.height() / 2), size};
  case Placement::PlotTop:
    return {QPointF(at.x() - size.width() / 2, plot.top() + 2), size};
  case Placement::PlotBottom:
    break;
  }
  return {QPointF(at.x() - size.width() / 2, plot.bottom() - 2 - size.height()), size};
}

std::vector<QRectF> ChartAnnotations::markerRects() const {
  std::vector<QRectF> rects;
  const QRectF plot = m_chart->plotArea();
  for (QScatterSeries *series : m_markers) {
    if (!series->isVisible())
      continue;
    const qreal radius = series->markerSize() / 2 + kMarkerMargin;
    for (const QPointF &point : series->points()) {
      const QPointF at = m_chart->mapToPosition(point, series);
      if (plot.adjusted(-radius, -radius, radius, radius).contains(at))
        rects.emplace_back(at - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
    }
  }
  for (const Label &label : m_labels)
    if (label.shown && label.series->isVisible() && isPointLabel(label.placement)) {
      const QPointF at = m_chart->mapToPosition(label.anchor, label.series);
      rects.emplace_back(at - QPointF(kAnchorRadius, kAnchorRadius),
                         QSizeF(2 * kAnchorRadius, 2 * kAnchorRadius));
    }
  return rects;
}

void ChartAnnotations::relayout() {
  m_relayoutPending = false;
  const QRectF plot = m_chart->plotArea();
  std::vector<QRectF> taken = markerRects();
  const auto isFree = [&taken](const QRectF &rect) {
    return std::none_of(taken.begin(), taken.end(),
                        [&rect](const QRectF &other) { return other.intersects(rect); });
  };
  for (Label &label : m_labels) {
    if (!label.shown || !label.series->isVisible() || plot.isEmpty()) {
      label.box->hide();
      continue;
    }
    const QRectF textRect = label.text->boundingRect();
    const QSizeF size(textRect.width() + 2 * kPadding, textRect.height() + 2 * kPadding);
    std::optional<QRectF> chosen;
    const bool fits = size.width() <= plot.width() && size.height() <= plot.height();
    for (Placement placement : fits ? alternatives(label.placement) : QList<Placement>{}) {
      const QRectF wanted = clampedInto(wantedRect(label, placement, size), plot);
      // A point's label moves up and down, a bar's stays level with its bar.
      const int nudges = isBarLabel(placement) ? 1 : kNudges;
      for (int attempt = 0; attempt < nudges && !chosen; ++attempt) {
        const qreal step = (size.height() + 2) * ((attempt + 1) / 2) * (attempt % 2 ? 1 : -1);
        const QRectF candidate = clampedInto(wanted.translated(0, step), plot);
        if (isFree(candidate))
          chosen = candidate;
      }
      if (chosen)
        break;
    }
    if (!chosen) {
      label.box->hide(); // no room: hidden rather than on top of another (the tooltip has it)
      continue;
    }
    taken.push_back(*chosen);
    label.box->setRect(QRectF(QPointF(0, 0), size));
    label.box->setPos(chosen->topLeft());
    label.box->show();
  }
  if (m_message && m_message->isVisible()) {
    m_message->setTextWidth(std::max<qreal>(120, plot.width() * 0.8));
    const QRectF rect = m_message->boundingRect();
    m_message->setPos(plot.center().x() - rect.width() / 2, plot.center().y() - rect.height() / 2);
  }
}

} // namespace bwi::ui
