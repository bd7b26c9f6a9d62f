#include "ui/document/scenariodocument.h"

#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "ui/document/fanjob.h"
#include "ui/document/savedratecards.h"
#include "ui/document/undocommands.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cmath>

namespace bwi::ui {

ScenarioDocument::ScenarioDocument(QObject *parent) : QObject(parent) {
  connect(&m_undoStack, &QUndoStack::cleanChanged, this, &ScenarioDocument::fileStateChanged);
  loadExample();
  m_fan = new FanJob(this);
}

ScenarioDocument::~ScenarioDocument() {
  // Clearing the undo stack on destruction emits cleanChanged; by then the
  // window that listens (this document's parent) is half destroyed, and
  // UBSan caught its slot being called on it. Nobody may react any more.
  m_undoStack.disconnect();
  blockSignals(true);
}

QString ScenarioDocument::displayName() const {
  if (!m_filePath.isEmpty())
    return QFileInfo(m_filePath).fileName();
  return m_scenario.name.empty() ? tr("Untitled") : toQString(m_scenario.name);
}

bool ScenarioDocument::loadFile(const QString &path, QString *error) {
  const core::ScenarioLoadResult load = core::loadScenarioFile(path.toStdString());
  if (!load.loaded) {
    if (error)
      *error = toQString(load.report()).trimmed();
    return false;
  }
  adopt(load.loaded->scenario, load.loaded->baseCard, load.loaded->card,
        QFileInfo(path).absoluteFilePath());
  m_unknownFields = toQString(load.unknownFieldsReport()).trimmed();
  return true;
}

bool ScenarioDocument::loadText(const QByteArray &text, const QString &baseDirectory,
                                const QString &displayName, QString *error) {
  const core::ScenarioLoadResult load = core::loadScenarioText(
      std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
      baseDirectory.toStdString(), displayName.toStdString());
  if (!load.loaded) {
    if (error)
      *error = toQString(load.report()).trimmed();
    return false;
  }
  adopt(load.loaded->scenario, load.loaded->baseCard, load.loaded->card, QString());
  m_unknownFields = toQString(load.unknownFieldsReport()).trimmed();
  return true;
}

bool ScenarioDocument::recoverFrom(const QString &autosavePath, const QString &originalPath,
                                   QString *error) {
  // Read with the same size limit as any scenario file (docs/limits.md).
  core::ValidationIssues issues;
  const auto text = core::readTextFile(autosavePath.toStdString(), issues);
  if (!text) {
    if (error)
      *error = toQString(core::formatIssues(autosavePath.toStdString(), issues)).trimmed();
    return false;
  }
  // A relative rate-card path resolves against the original file's folder.
  const QString base = originalPath.isEmpty() ? QFileInfo(autosavePath).absolutePath()
                                              : QFileInfo(originalPath).absolutePath();
  if (!loadText(QByteArray::fromStdString(*text), base, autosavePath, error))
    return false;
  m_filePath = originalPath;
  m_undoStack.resetClean(); // recovered edits are unsaved
  emit fileStateChanged();
  return true;
}

void ScenarioDocument::loadExample() {
  const core::ScenarioLoadResult load = core::loadExampleScenario();
  if (load.loaded)
    adopt(load.loaded->scenario, load.loaded->baseCard, load.loaded->card, QString());
}

void ScenarioDocument::newScenario() {
  core::Scenario scenario;
  scenario.name = tr("New scenario").toStdString();
  // The newest card "Update prices" saved for the user's region, inline so
  // that the scenario prices the same elsewhere; else the built-in card.
  core::RateCard card = core::builtinRateCard();
  if (auto saved = rateCardForNewScenarios()) {
    card = *saved;
    scenario.ratecard.kind = core::RateCardSource::Kind::Inline;
    scenario.ratecard.inlineCard = card;
  }
  adopt(scenario, card, card, QString());
}

bool ScenarioDocument::saveFile(const QString &path, QString *error) {
  const core::WriteResult result = core::saveScenarioFile(m_scenario, path.toStdString());
  if (!result.ok) {
    if (error)
      *error = toQString(result.message);
    return false;
  }
  m_filePath = QFileInfo(path).absoluteFilePath();
  m_baseline = m_prepared;
  m_baselineNetUsd = m_workbench.evaluation.netUsd;
  m_undoStack.setClean();
  emit fileStateChanged();
  return true;
}

void ScenarioDocument::adopt(core::Scenario scenario, core::RateCard baseCard, core::RateCard card,
                             const QString &path) {
  ++m_generation;
  m_scenario = std::move(scenario);
  m_baseCard = std::move(baseCard);
  m_card = std::move(card);
  m_filePath = path;
  m_unknownFields.clear();
  m_undoStack.clear();
  m_selectedWorkload = m_scenario.workloads.empty() ? -1 : 0;
  m_selectedModel.clear();
  m_baseline = core::prepareScenario(m_scenario, m_card);
  recompute();
  emit fileStateChanged();
  emit selectionChanged();
  announceChange();
}

void ScenarioDocument::recompute() {
  m_prepared = core::prepareScenario(m_scenario, m_card);
  // The change is against the same month of the scenario as opened: the month
  // shown moves both.
  m_baselineNetUsd.reset();
  if (m_baseline)
    if (const double net = core::evaluate(*m_baseline, m_month).netUsd; std::isfinite(net))
      m_baselineNetUsd = net;
  core::WorkbenchSelection selection;
  selection.month = m_month;
  selection.modelId = m_selectedModel.toStdString();
  m_workbench = core::computeWorkbenchFigures(m_prepared, selection, m_baselineNetUsd);
  // Compounding growth can overflow a double in a late month: no chart,
  // table or export may show inf or NaN, so the window shows nothing and says
  // why (the command line refuses the same month with the same reason).
  m_figuresProblem.clear();
  if (!core::allFinite(m_workbench)) {
    m_figuresProblem = tr("Month %1 cannot be costed: %2. Choose an earlier month or smaller "
                          "values.")
                           .arg(m_month + 1)
                           .arg(toQString(core::overflowReason()));
    m_workbench = core::WorkbenchFigures{};
    m_workbench.evaluation.month = m_month;
  }
}

void ScenarioDocument::announceChange() {
  if (m_fan)
    m_fan->documentChanged();
  emit scenarioChanged();
}

core::RateCard ScenarioDocument::baseCardOf(const core::Scenario &scenario) const {
  if (scenario.ratecard == m_scenario.ratecard)
    return m_baseCard;
  switch (scenario.ratecard.kind) {
  case core::RateCardSource::Kind::Builtin:
    return core::builtinRateCard();
  case core::RateCardSource::Kind::Inline:
    if (scenario.ratecard.inlineCard)
      return *scenario.ratecard.inlineCard;
    break;
  case core::RateCardSource::Kind::Path: {
    const QString directory =
        m_filePath.isEmpty() ? QDir::currentPath() : QFileInfo(m_filePath).absolutePath();
    core::ValidationIssues issues;
    if (auto card = core::loadRateCardFile(
            QDir(directory).filePath(toQString(scenario.ratecard.path)).toStdString(), issues))
      return *card;
    break;
  }
  }
  return m_baseCard;
}

void ScenarioDocument::applyScenario(const core::Scenario &scenario) {
  const bool cardChanged = scenario.ratecard != m_scenario.ratecard;
  const bool overridesChanged =
      cardChanged || scenario.ratecardOverrides != m_scenario.ratecardOverrides;
  if (cardChanged)
    m_baseCard = baseCardOf(scenario);
  m_scenario = scenario;
  if (overridesChanged) {
    core::ValidationIssues issues;
    m_card = core::applyOverrides(m_baseCard, m_scenario.ratecardOverrides, issues);
  }
  // The selection stays on a workload that exists: the last one when it was
  // past the end, the first when there was none (every workload deleted, then
  // one brought back by Undo).
  const int count = static_cast<int>(m_scenario.workloads.size());
  const bool selectionMoved = m_selectedWorkload >= count || (m_selectedWorkload < 0 && count > 0);
  if (selectionMoved)
    m_selectedWorkload = m_selectedWorkload >= count ? count - 1 : 0;
  recompute();
  if (selectionMoved)
    emit selectionChanged();
  announceChange();
}

const core::Workload *ScenarioDocument::selectedWorkloadData() const {
  const auto &workloads = m_scenario.workloads;
  if (m_selectedWorkload < 0 || m_selectedWorkload >= static_cast<int>(workloads.size()))
    return nullptr;
  return &workloads[static_cast<std::size_t>(m_selectedWorkload)];
}

void ScenarioDocument::setSelectedWorkload(int index) {
  if (index == m_selectedWorkload || index >= static_cast<int>(m_scenario.workloads.size()))
    return;
  m_selectedWorkload = index;
  emit selectionChanged();
}

void ScenarioDocument::setSelectedModel(const QString &modelId) {
  if (modelId == m_selectedModel)
    return;
  m_selectedModel = modelId;
  recompute();
  emit selectionChanged();
  announceChange();
}

void ScenarioDocument::setMonth(int month) {
  if (month == m_month || month < 0)
    return;
  m_month = month;
  recompute();
  announceChange();
}

core::ValidationIssues ScenarioDocument::check(const core::Scenario &candidate) const {
  core::ValidationIssues issues;
  const core::RateCard card =
      candidate.ratecard == m_scenario.ratecard &&
              candidate.ratecardOverrides == m_scenario.ratecardOverrides
          ? m_card
          : core::applyOverrides(baseCardOf(candidate), candidate.ratecardOverrides, issues);
  core::validateScenario(candidate, card, issues);
  return issues;
}

bool ScenarioDocument::setValue(const core::FieldKey &key, const core::FieldValue &value,
                                const QString &text, int mergeGroup) {
  const core::FieldValue before = core::getField(m_scenario, key);
  if (before == value)
    return true;
  core::Scenario candidate = m_scenario;
  if (!core::setField(candidate, key, value) || !check(candidate).empty())
    return false;
  m_undoStack.push(new SetValueCommand(this, key, before, value, text, mergeGroup));
  return true;
}

bool ScenarioDocument::replaceScenario(const core::Scenario &next, const QString &text) {
  if (next == m_scenario)
    return true;
  if (!check(next).empty())
    return false;
  m_undoStack.push(new ReplaceScenarioCommand(this, m_scenario, next, text));
  return true;
}

} // namespace bwi::ui
