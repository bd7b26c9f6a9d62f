#pragma once

#include "core/model/scenariofields.h"

#include <QUndoCommand>

namespace bwi::ui {

class ScenarioDocument;

// Changes one named value of the scenario. Consecutive commands on the same
// key and the same non-zero merge group (one slider drag) become one undo
// step; a drag that returns to where it started leaves no step at all.
class SetValueCommand : public QUndoCommand {
public:
  SetValueCommand(ScenarioDocument *document, core::FieldKey key, core::FieldValue before,
                  core::FieldValue after, const QString &text, int mergeGroup);
  void undo() override;
  void redo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand *other) override;

private:
  ScenarioDocument *m_document;
  core::FieldKey m_key;
  core::FieldValue m_before;
  core::FieldValue m_after;
  int m_mergeGroup;
};

// A structural edit: the scenario before and after.
class ReplaceScenarioCommand : public QUndoCommand {
public:
  ReplaceScenarioCommand(ScenarioDocument *document, core::Scenario before, core::Scenario after,
                         const QString &text);
  void undo() override;
  void redo() override;

private:
  ScenarioDocument *m_document;
  core::Scenario m_before;
  core::Scenario m_after;
};

} // namespace bwi::ui
