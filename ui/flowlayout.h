#pragma once

#include <QLayout>
#include <QList>

namespace bwi::ui {

// Lays its widgets out in a row and wraps them onto further rows when the row is too narrow,
// instead of squeezing them below their size (where labels overlap fields and numbers are cut
// short). Justified, each row's spare width goes to its items in equal parts (a row of equal
// boxes, like a QHBoxLayout with equal stretch); otherwise it stays at the row's end.
class FlowLayout : public QLayout {
public:
  explicit FlowLayout(QWidget *parent = nullptr, int spacing = 6);
  ~FlowLayout() override;

  void addItem(QLayoutItem *item) override;
  int count() const override;
  QLayoutItem *itemAt(int index) const override;
  QLayoutItem *takeAt(int index) override;
  Qt::Orientations expandingDirections() const override;
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;
  QSize minimumSize() const override;
  QSize sizeHint() const override;
  void setGeometry(const QRect &rect) override;
  // Items kept together on one row (a label and its field): the index of the first.
  void keepWithNext(int index);
  void setJustified(bool justified) { m_justified = justified; }

private:
  int arrange(const QRect &rect, bool apply) const;

  QList<QLayoutItem *> m_items;
  QList<bool> m_withNext; // per item: stays on the row of the item after it
  bool m_justified = false;
};

} // namespace bwi::ui
