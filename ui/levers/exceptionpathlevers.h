#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;

namespace bwi::ui {

class LeverSlider;
class ScenarioDocument;

// The selected workload's exception path (docs/cost-model.md §12): the
// model a share of requests is sent to again, whole, and that share, with
// the break-even rate e* core computes beside them. Each edit is one undo
// step on the document.
class ExceptionPathLevers : public QGroupBox {
  Q_OBJECT

public:
  ExceptionPathLevers(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  void refresh();

  ScenarioDocument *m_document;
  QComboBox *m_target;
  LeverSlider *m_rate;
  QLabel *m_breakEven;
};

} // namespace bwi::ui
