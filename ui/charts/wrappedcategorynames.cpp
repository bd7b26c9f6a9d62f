#include "ui/charts/wrappedcategorynames.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetricsF>

#include <algorithm>
#include <vector>

namespace bwi::ui {
namespace {

// `label` on up to three lines no wider than `width`, broken after a space or a hyphen
// (not inside "4-5").
QStringList wrappedLines(const QString &label, const QFontMetricsF &metrics, qreal width) {
  if (metrics.horizontalAdvance(label) <= width)
    return {label};
  std::vector<qsizetype> breaks; // a line may start at each
  for (qsizetype i = 1; i + 1 < label.size(); ++i)
    if ((label[i - 1] == QLatin1Char(' ') || label[i - 1] == QLatin1Char('-')) &&
        !label[i].isDigit())
      breaks.push_back(i);
  const auto lineWidth = [&](qsizetype from, qsizetype to) {
    return metrics.horizontalAdvance(label.mid(from, to - from).trimmed());
  };
  // Fewest lines that fit; among those, the narrowest widest line.
  std::vector<qsizetype> best;
  qreal bestWidth = lineWidth(0, label.size());
  for (std::size_t a = 0; a < breaks.size(); ++a) {
    const qreal two = std::max(lineWidth(0, breaks[a]), lineWidth(breaks[a], label.size()));
    if (two < bestWidth)
      best = {breaks[a]}, bestWidth = two;
  }
  const bool twoFit = bestWidth <= width;
  for (std::size_t a = 0; a < breaks.size() && !twoFit; ++a)
    for (std::size_t b = a + 1; b < breaks.size(); ++b) {
      const qreal three = std::max({lineWidth(0, breaks[a]), lineWidth(breaks[a], breaks[b]),
                                    lineWidth(breaks[b], label.size())});
      if (three < bestWidth && three <= width)
        best = {breaks[a], breaks[b]}, bestWidth = three;
    }
  QStringList lines;
  qsizetype from = 0;
  for (qsizetype to : best) {
    lines.append(label.mid(from, to - from).trimmed());
    from = to;
  }
  lines.append(label.mid(from).trimmed());
  return lines;
}

} // namespace

WrappedCategoryNames::WrappedCategoryNames(QChart *chart, QBarCategoryAxis *axis)
    : QObject(chart), m_chart(chart), m_axis(axis) {
  m_axis->setTruncateLabels(false);
  connect(chart, &QChart::geometryChanged, this, &WrappedCategoryNames::update);
}

void WrappedCategoryNames::setNames(const QStringList &names) {
  m_names = names;
  update();
}

void WrappedCategoryNames::update() {
  const QFontMetricsF metrics(m_axis->labelsFont());
  const qreal width = std::max<qreal>(80, m_chart->size().width() * 0.2);
  QStringList labels;
  for (const QString &name : m_names) {
    QStringList lines;
    for (const QString &part : name.split(QLatin1Char('\n')))
      for (const QString &line : wrappedLines(part, metrics, width))
        lines.append(line.toHtmlEscaped());
    labels.append(lines.size() == 1 ? lines.front()
                                    : QStringLiteral("<div align=\"right\">%1</div>")
                                          .arg(lines.join(QStringLiteral("<br>"))));
  }
  if (m_axis->categories() != labels)
    m_axis->setCategories(labels);
}

} // namespace bwi::ui
