#include "ui/charts/chartannotations.h"

#include <QAbstractSeries>
#include <QBrush>
#include <QChart>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QPen>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>

namespace bwi::ui {
namespace {

constexpr qreal kPadding = 3;
constexpr qreal kGap = 7; // between the anchor point and the label
constexpr qreal kZValue = 20;
constexpr qreal kDetailPointSize = 9;

QRectF clampedInto(QRectF rect, const QRectF &bounds) {
  rect.moveLeft(std::max(bounds.left(), std::min(rect.left(), bounds.right() - rect.width())));
  rect.moveTop(std::max(bounds.top(), std::min(rect.top(), bounds.bottom() - rect.height())));
  return rect;
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
  QFont detailFont = m_chart->titleFont();
  detailFont.setBold(false);
  detailFont.setPointSizeF(kDetailPointSize);
  const QFontMetricsF metrics(detailFont);
  const qreal width = m_chart->size().width() - 24;
  const QString separator = QStringLiteral(" · ");
  QStringList lines;
  for (const QString &detail : m_titleDetails) {
    if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + separator + detail) <= width)
      lines.last() += separator + detail;
    else
      lines.append(detail);
    // A detail wider than the chart (a sentence) wraps at its spaces rather than being cut.
    while (metrics.horizontalAdvance(lines.last()) > width) {
      QString &line = lines.last();
      qsizetype cut = line.lastIndexOf(QLatin1Char(' '));
      while (cut > 0 && metrics.horizontalAdvance(line.left(cut)) > width)
        cut = line.lastIndexOf(QLatin1Char(' '), cut - 1);
      if (cut <= 0)
        break;
      const QString rest = line.mid(cut + 1);
      line.truncate(cut);
      lines.append(rest);
    }
  }
  QString html = m_title.toHtmlEscaped();
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
}

void ChartAnnotations::setPlacement(int id, Placement placement) {
  m_labels.at(static_cast<std::size_t>(id)).placement = placement;
}

void ChartAnnotations::hideLabel(int id) {
  Label &label = m_labels.at(static_cast<std::size_t>(id));
  label.shown = false;
  label.box->hide();
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

QRectF ChartAnnotations::wantedRect(const Label &label, QSizeF size) const {
  const QPointF at = m_chart->mapToPosition(label.anchor, label.series);
  const QRectF plot = m_chart->plotArea();
  switch (label.placement) {
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

void ChartAnnotations::relayout() {
  const QRectF plot = m_chart->plotArea();
  std::vector<QRectF> placed;
  for (Label &label : m_labels) {
    if (!label.shown || !label.series->isVisible()) {
      label.box->hide();
      continue;
    }
    const QRectF textRect = label.text->boundingRect();
    const QSizeF size(textRect.width() + 2 * kPadding, textRect.height() + 2 * kPadding);
    const QRectF wanted = clampedInto(wantedRect(label, size), plot);
    QRectF chosen = wanted;
    // Nudge down, up, further down, ... until it overlaps no earlier label.
    for (int attempt = 0; attempt < 12; ++attempt) {
      const qreal step = (size.height() + 2) * ((attempt + 1) / 2) * (attempt % 2 ? 1 : -1);
      const QRectF candidate = clampedInto(wanted.translated(0, step), plot);
      const bool free = std::none_of(placed.begin(), placed.end(), [&](const QRectF &other) {
        return other.intersects(candidate);
      });
      if (free) {
        chosen = candidate;
        break;
      }
    }
    placed.push_back(chosen);
    label.box->setRect(QRectF(QPointF(0, 0), size));
    label.box->setPos(chosen.topLeft());
    label.box->show();
  }
  if (m_message && m_message->isVisible()) {
    m_message->setTextWidth(std::max<qreal>(120, plot.width() * 0.8));
    const QRectF rect = m_message->boundingRect();
    m_message->setPos(plot.center().x() - rect.width() / 2, plot.center().y() - rect.height() / 2);
  }
}

} // namespace bwi::ui
