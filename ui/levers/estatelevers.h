#pragma once

#include <QGroupBox>

class QSpinBox;

namespace bwi::ui {

class LeverSlider;
class ScenarioDocument;

// Levers on the whole estate: global volume, the private-pricing discount,
// the annual commit and the month shown.
class EstateLevers : public QGroupBox {
  Q_OBJECT

public:
  EstateLevers(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  void refresh();

  ScenarioDocument *m_document;
  LeverSlider *m_volume;
  LeverSlider *m_discount;
  LeverSlider *m_commit;
  QSpinBox *m_month;
};

} // namespace bwi::ui
