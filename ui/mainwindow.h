#pragma once

#include <QMainWindow>

class QAction;
class QMenu;
class QTabWidget;

namespace bwi::ui {

class ActualsPanel;
class Autosave;
class ChartsPanel;
class ComparePanel;
class ScenarioDocument;

// The workbench window: it composes the panels and owns the file actions.
// All state lives in the ScenarioDocument.
class MainWindow : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(QWidget *parent = nullptr);

  ScenarioDocument *document() const { return m_document; }
  ComparePanel *comparePanel() const { return m_compare; }
  ActualsPanel *actualsPanel() const { return m_actuals; }
  // Opens a scenario file; a broken one leaves the open scenario as it was
  // and reports the validator's message (in a dialog when interactive).
  bool openFile(const QString &path);
  bool saveTo(const QString &path);
  // Offers an autosaved scenario back after a crash.
  void offerRecovery();
  // Tests turn off dialogs; messages then go to lastMessage().
  void setInteractive(bool interactive) { m_interactive = interactive; }
  QString lastMessage() const { return m_lastMessage; }

protected:
  void closeEvent(QCloseEvent *event) override;

private:
  void createActions();
  void createMenus();
  void updateTitle();
  void updateRecentMenu();
  bool maybeSave();
  void newScenario();
  void openDialog();
  void openExample();
  bool save();
  bool saveAsDialog();
  void exportMeetingPack();
  void showAbout();
  void report(const QString &title, const QString &message);

  ScenarioDocument *m_document;
  Autosave *m_autosave;
  ChartsPanel *m_charts;
  ComparePanel *m_compare;
  ActualsPanel *m_actuals;
  QTabWidget *m_tabs;
  QMenu *m_recentMenu = nullptr;
  QAction *m_undo = nullptr;
  QAction *m_redo = nullptr;
  bool m_interactive = true;
  QString m_lastMessage;
};

} // namespace bwi::ui
