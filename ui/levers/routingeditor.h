#pragma once

#include <QGroupBox>

#include <vector>

class QComboBox;
class QVBoxLayout;

namespace bwi::ui {

class LeverSlider;
class NumberField;
class ScenarioDocument;

// The selected workload's routing mix: one share lever per model, kept at
// 100% in total as one is dragged, a model picker to add one, and the
// one-click "route by tier" policy. A sole model takes every request: its
// share reads 100% and cannot be typed, dragged or removed. A model without
// a price carries a "no price" badge and its two fixes, Map to… and Type a
// price….
class RoutingEditor : public QGroupBox {
  Q_OBJECT

public:
  RoutingEditor(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  void refresh();
  void rebuildRows();
  void addModel();
  void routeByTier();

  ScenarioDocument *m_document;
  QVBoxLayout *m_rows;
  std::vector<QWidget *> m_rowWidgets;
  std::vector<LeverSlider *> m_shareLevers;
  std::vector<std::string> m_shownModels;
  std::vector<bool> m_shownPriced; // false: a model without a price (docs/cost-model.md §21)
  int m_shownWorkload = -2;
  QComboBox *m_addModel;
  NumberField *m_small;
  NumberField *m_mid;
  NumberField *m_premium;
};

} // namespace bwi::ui
