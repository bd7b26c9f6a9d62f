#pragma once

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;

class QTimer;

namespace bwi::ui {

class LeverSlider;
class ScenarioDocument;

// The selected workload's exception path (docs/cost-model.md §12): the
// model a share of requests is sent to again, whole, and that share, with
// the break-even rate e* core computes beside them, and whether the rate was
// measured or is assumed. Each edit is one undo step on the document.
class ExceptionPathLevers : public QGroupBox {
  Q_OBJECT

public:
  ExceptionPathLevers(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  void refresh();
  // The break-even e* (a search over evaluations) is written once the edits
  // pause, so a dragged slider repaints every other figure at once.
  void refreshBreakEven();

  ScenarioDocument *m_document;
  QComboBox *m_target;
  LeverSlider *m_rate;
  QCheckBox *m_measured; // the rate's source: measured, else assumed
  QLabel *m_breakEven;
  QTimer *m_breakEvenTimer;
};

} // namespace bwi::ui
