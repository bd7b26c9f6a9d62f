#pragma once

#include <QGroupBox>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace bwi::ui {

class NumberField;
class ScenarioDocument;

// The selected workload's adequate set (docs/scenario-format.md, "Adequacy"): the
// card's models to tick as good enough after the team's own evaluations
// (`adequate_models`), and a minimum quality score (`min_quality`). Each model
// shows its provider and its leaderboard score with the board's name and date:
// a dated figure, never a verdict. The models the workload runs on today are
// ticked and cannot be unticked. Each edit is one undo step on the document;
// only the optimizer reads these, so no cost changes.
class AdequateModelsEditor : public QGroupBox {
  Q_OBJECT

public:
  AdequateModelsEditor(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  void refresh();
  void rebuildList();
  void applySearch();
  void itemToggled(QListWidgetItem *item);

  ScenarioDocument *m_document;
  QLabel *m_rule;
  QLineEdit *m_search;
  QListWidget *m_list;
  NumberField *m_minQuality;
  // What the list shows now (workload, routed and listed ids, the card's
  // models): rebuilt only when that changes, not on every slider step.
  std::vector<std::string> m_shown;
};

} // namespace bwi::ui
