#pragma once

#include "core/common/validationissue.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/model/scenariofields.h"
#include "core/report/workbenchfigures.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <optional>
#include <string_view>

namespace bwi::ui {

class FanJob;

// Core's text (UTF-8 in std::string) as the window's: the one conversion every ui file uses.
inline QString toQString(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The open scenario: the one object widgets observe. It owns the scenario,
// its rate card and the undo stack; every edit is a command on that stack;
// after each change it recomputes the core workbench (every number and
// chart the window shows) and emits scenarioChanged().
class ScenarioDocument : public QObject {
  Q_OBJECT

public:
  explicit ScenarioDocument(QObject *parent = nullptr);
  ~ScenarioDocument() override;

  // Loading replaces the scenario only when the file is valid; otherwise
  // the current one stays and `error` holds the validator's message.
  bool loadFile(const QString &path, QString *error);
  bool loadText(const QByteArray &text, const QString &baseDirectory, const QString &displayName,
                QString *error);
  void loadExample();
  // Opens an autosaved copy as unsaved edits of `originalPath` (may be empty).
  bool recoverFrom(const QString &autosavePath, const QString &originalPath, QString *error);
  void newScenario();
  bool saveFile(const QString &path, QString *error);

  const core::Scenario &scenario() const { return m_scenario; }
  const core::RateCard &rateCard() const { return m_card; }         // overrides applied
  const core::RateCard &baseRateCard() const { return m_baseCard; } // as published
  const core::PreparedScenario &prepared() const { return m_prepared; }
  // Every figure finite: when the month overflows, an empty workbench and
  // figuresProblem() says why.
  const core::WorkbenchFigures &workbench() const { return m_workbench; }
  QString figuresProblem() const { return m_figuresProblem; }
  // Net cost of the month shown of the scenario as it was opened (or last
  // saved): the baseline of the "change" key figure, always the same month
  // as the figure it is compared with.
  std::optional<double> baselineNetUsd() const { return m_baselineNetUsd; }

  QString filePath() const { return m_filePath; }
  // Counts the scenarios this document has held (each open, New, example,
  // recovery): input typed for one, not yet applied (a quote form), is not
  // offered for the next.
  int generation() const { return m_generation; }
  // The fields the last file opened had that this version does not read, one
  // "FILE: PATH: message" a line; empty when there were none.
  QString unknownFields() const { return m_unknownFields; }
  QString displayName() const;
  QUndoStack *undoStack() { return &m_undoStack; }
  // The Monte Carlo fan of the scenario, computed off the GUI thread: told
  // of every change before scenarioChanged() is emitted.
  FanJob *fanJob() const { return m_fan; }
  bool isModified() const { return !m_undoStack.isClean(); }

  // View selection shared by the panels (not saved with the scenario).
  int selectedWorkload() const { return m_selectedWorkload; }
  // The selected workload of the scenario; nullptr when none is (no workloads).
  const core::Workload *selectedWorkloadData() const;
  void setSelectedWorkload(int index);
  QString selectedModel() const { return m_selectedModel; }
  void setSelectedModel(const QString &modelId);
  int month() const { return m_month; }
  void setMonth(int month);

  // One value, as an undo command. Consecutive edits of the same key with
  // the same non-zero `mergeGroup` (one slider drag) become one undo step.
  // Refused (returns false) when the result would not be a valid scenario,
  // e.g. a commitment on a model whose price has not been quoted.
  bool setValue(const core::FieldKey &key, const core::FieldValue &value, const QString &text,
                int mergeGroup = 0);
  // A structural edit (add or delete a workload, a new routing policy) as one command.
  bool replaceScenario(const core::Scenario &next, const QString &text);
  // What would be wrong with `candidate`; empty when it is valid.
  core::ValidationIssues check(const core::Scenario &candidate) const;

  // Used by the undo commands only.
  void applyScenario(const core::Scenario &scenario);

signals:
  void scenarioChanged(); // after every edit, undo, redo and load; workbench() is fresh
  void selectionChanged();
  void fileStateChanged(); // path or unsaved mark

private:
  void adopt(core::Scenario scenario, core::RateCard baseCard, core::RateCard card,
             const QString &path);
  void recompute();
  // Tells the fan, then every other listener, that the scenario or the figures changed.
  void announceChange();
  // The card a scenario's "ratecard" names (an edit may replace it, as an
  // accepted price list does); the current one when it cannot be read.
  core::RateCard baseCardOf(const core::Scenario &scenario) const;

  core::Scenario m_scenario;
  core::RateCard m_baseCard;
  core::RateCard m_card;
  core::PreparedScenario m_prepared;
  core::WorkbenchFigures m_workbench;
  // The scenario as opened or last saved, ready to cost any month.
  std::optional<core::PreparedScenario> m_baseline;
  std::optional<double> m_baselineNetUsd; // of m_baseline, the month shown
  QString m_filePath;
  QString m_unknownFields;
  QString m_figuresProblem;
  QUndoStack m_undoStack;
  FanJob *m_fan = nullptr; // a child; made once the first scenario is in
  int m_selectedWorkload = 0;
  QString m_selectedModel;
  int m_month = 0;
  int m_generation = 0;
};

} // namespace bwi::ui
