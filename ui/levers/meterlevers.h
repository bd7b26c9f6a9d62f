#pragma once

#include "core/model/scenario.h"

#include <QGroupBox>

#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace bwi::ui {

class ScenarioDocument;

// The bill beyond tokens and the unit economics of the selected workload
// (docs/cost-model.md §18 and §19): a checkbox per
// Guardrails policy (on sets its per-request text units from the workload's
// token shape), the knowledge base's vector store, and the unit its cost is
// read per with a target band. Each edit is one undo step; the Workloads
// tab's meters table edits any meter in full.
class MeterLevers : public QGroupBox {
  Q_OBJECT

public:
  MeterLevers(ScenarioDocument *document, QWidget *parent = nullptr);

signals:
  void statusMessage(const QString &message);

private:
  struct Policy {
    std::string kind;
    QCheckBox *check;
  };
  void refresh();
  const core::Workload *selectedWorkload() const;
  // One undo step each; false (with a status message) when the document refuses.
  bool setMeters(const std::vector<core::MeterUse> &meters, const QString &undoText);
  void setUnit(const std::optional<core::UnitEconomics> &unit, const QString &undoText);
  void setGuardrail(const std::string &kind, bool on);

  ScenarioDocument *m_document;
  std::vector<Policy> m_policies;
  QComboBox *m_vectorStore;
  QLabel *m_metersTotal;
  QLineEdit *m_unitName;
  QDoubleSpinBox *m_unitsPerRequest;
  QDoubleSpinBox *m_unitsPerMonth;
  QDoubleSpinBox *m_target;
  QDoubleSpinBox *m_tolerance;
};

} // namespace bwi::ui
