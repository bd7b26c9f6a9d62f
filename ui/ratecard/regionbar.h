#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;

namespace bwi::ui {

class ScenarioDocument;

// The Rate card tab's region row: which card prices the scenario (the
// built-in us-east-1 card, or a card saved by "Update prices" for any
// region), switched as one undo step through UpdatePricesDialog, and the
// "Update prices…" button (docs/price-list.md).
class RegionBar : public QWidget {
  Q_OBJECT

public:
  explicit RegionBar(ScenarioDocument *document, QWidget *parent = nullptr);

  QComboBox *combo() const { return m_combo; }
  // Opens the dialog that downloads `region`'s prices (the scenario's when empty).
  void updatePrices(const QString &region = QString());

private:
  void refresh();
  void choose(int index);

  ScenarioDocument *m_document;
  QComboBox *m_combo;
  QPushButton *m_update;
  bool m_refreshing = false;
};

} // namespace bwi::ui
