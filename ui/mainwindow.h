#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QMenu;
class QProgressDialog;
class QTabWidget;

namespace bwi::ui {

class ActualsPanel;
class Autosave;
class ChartsPanel;
class ComparePanel;
class LatestJob;
class ScenarioDocument;

// The workbench window: it composes the panels and owns the file actions.
// All state lives in the ScenarioDocument.
class MainWindow : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(QWidget *parent = nullptr);

  ScenarioDocument *document() const { return m_document; }
  ComparePanel *comparePanel() const { return m_compare; }
  // Brings the tab that holds `panel` (a tab's page or a widget on it) to the front.
  void showPanel(QWidget *panel);
  ActualsPanel *actualsPanel() const { return m_actuals; }
  // Opens a scenario file; a broken one leaves the open scenario as it was
  // and reports the validator's message (in a dialog when interactive).
  bool openFile(const QString &path);
  bool saveTo(const QString &path);
  // The Excel workbook of the month shown (core's writeWorkbook); the
  // message of a failure goes to report().
  bool exportWorkbookTo(const QString &path);
  // Writes the meeting pack: its figures (the commitment planner, the
  // forecast's fan) are computed off the GUI thread behind a progress
  // dialog, then the pages are drawn one at a time; meetingPackWritten follows
  // (not when cancelled).
  void exportMeetingPackTo(const QString &path);
  const LatestJob &meetingPackJob() const { return *m_packJob; }
  // Offers an autosaved scenario back after a crash.
  void offerRecovery();
  // Tests turn off dialogs; messages then go to lastMessage().
  void setInteractive(bool interactive) { m_interactive = interactive; }
  QString lastMessage() const { return m_lastMessage; }

signals:
  void meetingPackWritten(bool ok, const QString &path);

protected:
  void closeEvent(QCloseEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;
  bool eventFilter(QObject *watched, QEvent *event) override;

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
  void exportWorkbook();
  // A tab's page inside a scroll area: a window smaller than the page scrolls it rather than
  // clipping it.
  QWidget *scrollable(QWidget *page);
  // Narrows the levers dock (down to its minimum) while the current tab's page
  // is wider than the room beside it, so a small window scrolls the levers,
  // not the tab sideways. The user's own dock width is kept to give back.
  void fitTabsBesideDock();
  void showAbout();
  void report(const QString &title, const QString &message);

  ScenarioDocument *m_document;
  Autosave *m_autosave;
  ChartsPanel *m_charts;
  ComparePanel *m_compare;
  ActualsPanel *m_actuals;
  QTabWidget *m_tabs;
  LatestJob *m_packJob;
  QDockWidget *m_dock = nullptr;
  // The levers' width the user chose (or the dock's own): a window made
  // narrow squeezes the dock, made wide again it gives the dock this back.
  int m_dockWidth = 0;
  int m_windowWidth = 0;      // as of the last resizeEvent
  bool m_fittingDock = false; // the dock is being narrowed by fitTabsBesideDock, not the user
  QMenu *m_recentMenu = nullptr;
  QAction *m_undo = nullptr;
  QAction *m_redo = nullptr;
  bool m_interactive = true;
  QString m_lastMessage;
};

} // namespace bwi::ui
