#include "ui/document/undocommands.h"

#include "ui/document/scenariodocument.h"

namespace bwi::ui {
namespace {

constexpr int kSetValueCommandId = 1;

} // namespace

SetValueCommand::SetValueCommand(ScenarioDocument *document, core::FieldKey key,
                                 core::FieldValue before, core::FieldValue after,
                                 const QString &text, int mergeGroup)
    : QUndoCommand(text), m_document(document), m_key(std::move(key)), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeGroup(mergeGroup) {}

void SetValueCommand::undo() {
  core::Scenario scenario = m_document->scenario();
  core::setField(scenario, m_key, m_before);
  m_document->applyScenario(scenario);
}

void SetValueCommand::redo() {
  core::Scenario scenario = m_document->scenario();
  core::setField(scenario, m_key, m_after);
  m_document->applyScenario(scenario);
}

int SetValueCommand::id() const { return m_mergeGroup != 0 ? kSetValueCommandId : -1; }

bool SetValueCommand::mergeWith(const QUndoCommand *other) {
  const auto *next = dynamic_cast<const SetValueCommand *>(other);
  if (!next || next->m_mergeGroup != m_mergeGroup || !(next->m_key == m_key))
    return false;
  m_after = next->m_after;
  setObsolete(m_after == m_before); // a drag back to the start is no edit
  return true;
}

ReplaceScenarioCommand::ReplaceScenarioCommand(ScenarioDocument *document, core::Scenario before,
                                               core::Scenario after, const QString &text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)) {}

void ReplaceScenarioCommand::undo() { m_document->applyScenario(m_before); }

void ReplaceScenarioCommand::redo() { m_document->applyScenario(m_after); }

} // namespace bwi::ui
