#include "ui/flowlayout.h"

#include <QWidget>

#include <algorithm>

namespace bwi::ui {

FlowLayout::FlowLayout(QWidget *parent, int spacing) : QLayout(parent) { setSpacing(spacing); }

FlowLayout::~FlowLayout() {
  while (QLayoutItem *item = takeAt(0))
    delete item;
}

void FlowLayout::addItem(QLayoutItem *item) {
  m_items.append(item);
  m_withNext.append(false);
}

int FlowLayout::count() const { return static_cast<int>(m_items.size()); }

QLayoutItem *FlowLayout::itemAt(int index) const { return m_items.value(index); }

QLayoutItem *FlowLayout::takeAt(int index) {
  if (index < 0 || index >= m_items.size())
    return nullptr;
  m_withNext.removeAt(index);
  return m_items.takeAt(index);
}

void FlowLayout::keepWithNext(int index) {
  if (index >= 0 && index < m_withNext.size())
    m_withNext[index] = true;
}

Qt::Orientations FlowLayout::expandingDirections() const { return {}; }

int FlowLayout::heightForWidth(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize FlowLayout::minimumSize() const {
  // The widest group that must stay on one row.
  int widest = 0, group = 0;
  for (qsizetype i = 0; i < m_items.size(); ++i) {
    if (m_items[i]->isEmpty())
      continue;
    group += m_items[i]->sizeHint().width() + (group > 0 ? spacing() : 0);
    if (!m_withNext[i]) {
      widest = std::max(widest, group);
      group = 0;
    }
  }
  widest = std::max(widest, group);
  const QMargins margins = contentsMargins();
  return QSize(widest + margins.left() + margins.right(), heightForWidth(widest));
}

QSize FlowLayout::sizeHint() const {
  int width = 0, height = 0;
  for (QLayoutItem *item : m_items)
    if (!item->isEmpty()) {
      width += item->sizeHint().width() + (width > 0 ? spacing() : 0);
      height = std::max(height, item->sizeHint().height());
    }
  const QMargins margins = contentsMargins();
  return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect &rect) {
  QLayout::setGeometry(rect);
  arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const {
  const QRect area = rect.marginsRemoved(contentsMargins());
  // Rows of item indexes, breaking only where an item does not keep with the next.
  QList<QList<qsizetype>> rows;
  QList<qsizetype> row, group;
  int rowWidth = 0, groupWidth = 0;
  const auto closeGroup = [&] {
    const int needed = rowWidth + (row.isEmpty() ? 0 : spacing()) + groupWidth;
    if (!row.isEmpty() && needed > area.width()) {
      rows.append(row);
      row.clear();
      rowWidth = 0;
    }
    rowWidth += (row.isEmpty() ? 0 : spacing()) + groupWidth;
    row.append(group);
    group.clear();
    groupWidth = 0;
  };
  for (qsizetype i = 0; i < m_items.size(); ++i) {
    if (m_items[i]->isEmpty())
      continue;
    groupWidth += (group.isEmpty() ? 0 : spacing()) + m_items[i]->sizeHint().width();
    group.append(i);
    if (!m_withNext[i])
      closeGroup();
  }
  if (!group.isEmpty())
    closeGroup();
  if (!row.isEmpty())
    rows.append(row);

  int y = area.top();
  for (const QList<qsizetype> &items : rows) {
    int used = 0, height = 0;
    for (qsizetype i : items) {
      used += m_items[i]->sizeHint().width();
      height = std::max(height, m_items[i]->sizeHint().height());
    }
    used += spacing() * static_cast<int>(items.size() - 1);
    const int spare = m_justified ? std::max(0, area.width() - used) : 0;
    int x = area.left();
    for (qsizetype k = 0; k < items.size(); ++k) {
      QLayoutItem *item = m_items[items[k]];
      // The spare width in equal parts; the last item takes what rounding leaves.
      const int extra = spare / static_cast<int>(items.size()) +
                        (k + 1 == items.size() ? spare % static_cast<int>(items.size()) : 0);
      const int width = item->sizeHint().width() + extra;
      if (apply)
        item->setGeometry(QRect(x, y, std::min(width, area.right() - x + 1), height));
      x += width + spacing();
    }
    y += height + spacing();
  }
  const QMargins margins = contentsMargins();
  return (rows.isEmpty() ? 0 : y - spacing() - area.top()) + margins.top() + margins.bottom();
}

} // namespace bwi::ui
