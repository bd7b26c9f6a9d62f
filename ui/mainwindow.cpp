#include "ui/mainwindow.h"

#include "core/report/workbookexport.h"
#include "ui/aboutdialog.h"
#include "ui/actuals/actualspanel.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/commitmentcalendarview.h"
#include "ui/compare/comparepanel.h"
#include "ui/document/appsettings.h"
#include "ui/document/autosave.h"
#include "ui/document/fanjob.h"
#include "ui/document/latestjob.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexportactions.h"
#include "ui/export/meetingpack.h"
#include "ui/import/importdialog.h"
#include "ui/keyfiguresstrip.h"
#include "ui/levers/leverspanel.h"
#include "ui/ranges/rangespanel.h"
#include "ui/ratecard/ratecardview.h"
#include "ui/workloads/meterstableview.h"
#include "ui/workloads/workloadstableview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>

namespace bwi::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new ScenarioDocument(this)),
      m_autosave(new Autosave(m_document, Autosave::configuredIntervalMs(), this)),
      m_charts(nullptr), m_tabs(new QTabWidget(this)), m_packJob(new LatestJob(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  auto *central = new QWidget(this);
  auto *layout = new QVBoxLayout(central);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(new KeyFiguresStrip(m_document, central));
  m_charts = new ChartsPanel(m_document, m_document->fanJob(), m_tabs);
  m_tabs->setObjectName(QStringLiteral("mainTabs"));
  m_tabs->addTab(scrollable(m_charts), tr("&Charts"));
  m_tabs->addTab(scrollable(new RangesPanel(m_document, m_document->fanJob(), m_tabs)),
                 tr("Ra&nges"));
  // The workloads, and under them the selected workload's meters.
  auto *workloadsTab = new QSplitter(Qt::Vertical, m_tabs);
  workloadsTab->setObjectName(QStringLiteral("workloadsTab"));
  auto *workloads = new WorkloadsTableView(m_document, workloadsTab);
  auto *metersTable = new MetersTableView(m_document, workloadsTab);
  workloadsTab->addWidget(workloads);
  workloadsTab->addWidget(metersTable);
  workloadsTab->setStretchFactor(0, 3);
  workloadsTab->setStretchFactor(1, 1);
  m_tabs->addTab(scrollable(workloadsTab), tr("&Workloads"));
  auto *rateCard = new RateCardView(m_document, m_tabs);
  m_tabs->addTab(scrollable(rateCard), tr("&Rate card"));
  m_compare = new ComparePanel(m_document, m_tabs);
  m_tabs->addTab(scrollable(m_compare), tr("C&ompare"));
  connect(m_compare, &ComparePanel::openFileRequested, this, [this](const QString &path) {
    if (maybeSave())
      openFile(path);
  });
  m_actuals = new ActualsPanel(m_document, m_tabs);
  m_tabs->addTab(m_actuals, tr("Plan vs &actual"));
  // The commitment calendar wants the whole width: a tab of its own, redrawn on every edit.
  auto *calendar = new CommitmentCalendarView(m_tabs);
  calendar->showWorkbench(m_document->workbench());
  connect(m_document, &ScenarioDocument::scenarioChanged, calendar,
          [this, calendar] { calendar->showWorkbench(m_document->workbench()); });
  addWorkbenchChartMenu(calendar, ChartKind::Calendar, m_document);
  m_tabs->addTab(calendar, tr("Commitment ca&lendar"));
  layout->addWidget(m_tabs, 1);
  setCentralWidget(central);
  connect(m_tabs, &QTabWidget::currentChanged, this, [this] { fitTabsBesideDock(); });

  auto *levers = new LeversPanel(m_document, this);
  m_dock = new QDockWidget(tr("Levers"), this);
  m_dock->setObjectName(QStringLiteral("leversDock"));
  m_dock->setWidget(levers);
  m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  addDockWidget(Qt::LeftDockWidgetArea, m_dock);
  m_dockWidth = m_dock->sizeHint().width();
  m_dock->installEventFilter(this);
  // Every panel's refusals and notes reach the status bar.
  const auto showStatus = [this](const QString &message) {
    statusBar()->showMessage(message, 12000);
  };
  connect(levers, &LeversPanel::statusMessage, this, showStatus);
  connect(workloads, &WorkloadsTableView::statusMessage, this, showStatus);
  connect(rateCard, &RateCardView::statusMessage, this, showStatus);
  connect(metersTable, &MetersTableView::statusMessage, this, showStatus);

  createActions();
  createMenus();
  connect(m_document, &ScenarioDocument::fileStateChanged, this, &MainWindow::updateTitle);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &MainWindow::updateTitle);
  updateTitle();
  // The first size fits the screen's free area: on a 1024x700 laptop a fixed
  // 1560x960 put the right of the key figures and charts off-screen.
  QSize first(1560, 960);
  if (const QScreen *screen = QGuiApplication::primaryScreen())
    first = first.boundedTo(screen->availableGeometry().size());
  resize(first);
  restoreGeometry(AppSettings::windowGeometry());
  restoreState(AppSettings::windowState());
  statusBar()->showMessage(tr("Move a lever: every figure and chart follows."), 5000);
}

void MainWindow::createActions() {
  m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
  m_undo->setShortcuts(QKeySequence::Undo);
  m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
  // The platform's redo keys (Ctrl+Shift+Z on X11) and Ctrl+Y, which users
  // of every platform try.
  QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
  if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
    redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
  m_redo->setShortcuts(redoKeys);
}

void MainWindow::createMenus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newScenario);
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  file->addAction(tr("Open the &Example Estate"), this, &MainWindow::openExample);
  file->addSeparator();
  file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAsDialog);
  file->addSeparator();
  file->addAction(tr("&Import Measured Data…"), this,
                  [this] { ImportDialog(m_document, this).exec(); });
  file->addAction(tr("Compare with a &Bill…"), this, [this] {
    m_tabs->setCurrentWidget(m_actuals);
    m_actuals->chooseBill();
  });
  file->addAction(tr("Export &Meeting Pack (PDF)…"), this, &MainWindow::exportMeetingPack);
  file->addAction(tr("Export &Workbook (Excel)…"), this, &MainWindow::exportWorkbook);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  updateRecentMenu();

  QMenu *edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(m_undo);
  edit->addAction(m_redo);

  QMenu *help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Bedrock What-If"), this, &MainWindow::showAbout);
}

void MainWindow::updateTitle() {
  setWindowTitle(tr("%1[*] — Bedrock What-If").arg(m_document->displayName()));
  setWindowModified(m_document->isModified());
  if (!m_document->figuresProblem().isEmpty())
    statusBar()->showMessage(m_document->figuresProblem());
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  const QStringList files = AppSettings::recentFiles();
  for (const QString &path : files)
    m_recentMenu
        ->addAction(QFileInfo(path).fileName(), this,
                    [this, path] {
                      if (maybeSave())
                        openFile(path);
                    })
        ->setToolTip(path);
  m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::report(const QString &title, const QString &message) {
  m_lastMessage = message;
  if (m_interactive)
    QMessageBox::warning(this, title, message);
  else
    statusBar()->showMessage(message);
}

bool MainWindow::openFile(const QString &path) {
  QString error;
  if (!m_document->loadFile(path, &error)) {
    report(tr("Cannot open scenario"),
           tr("%1 was not opened; the current scenario is unchanged.\n\n%2")
               .arg(QFileInfo(path).fileName(), error));
    return false;
  }
  AppSettings::addRecentFile(m_document->filePath());
  AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
  updateRecentMenu();
  statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
  if (!m_document->unknownFields().isEmpty())
    report(tr("Fields this version does not read"),
           tr("%1 has fields this version of Bedrock What-If does not read (a newer version may "
              "have written them). They are ignored here, and saving the scenario from this "
              "version leaves them out.\n\n%2")
               .arg(QFileInfo(path).fileName(), m_document->unknownFields()));
  return true;
}

bool MainWindow::saveTo(const QString &path) {
  QString error;
  if (!m_document->saveFile(path, &error)) {
    report(tr("Cannot save scenario"), error);
    return false;
  }
  AppSettings::addRecentFile(m_document->filePath());
  updateRecentMenu();
  statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
  return true;
}

bool MainWindow::maybeSave() {
  if (!m_document->isModified() || !m_interactive)
    return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  if (answer == QMessageBox::Save)
    return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::newScenario() {
  if (maybeSave())
    m_document->newScenario();
}

void MainWindow::openDialog() {
  if (!maybeSave())
    return;
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open scenario"), AppSettings::lastDirectory(),
                                   tr("Bedrock What-If scenarios (*.json);;All files (*)"));
  if (!path.isEmpty())
    openFile(path);
}

void MainWindow::openExample() {
  if (maybeSave())
    m_document->loadExample();
}

bool MainWindow::save() {
  if (m_document->filePath().isEmpty())
    return saveAsDialog();
  return saveTo(m_document->filePath());
}

bool MainWindow::saveAsDialog() {
  QString suggestion = m_document->filePath();
  if (suggestion.isEmpty())
    suggestion = AppSettings::lastDirectory() + QStringLiteral("/scenario.json");
  QString path = QFileDialog::getSaveFileName(this, tr("Save scenario as"), suggestion,
                                              tr("Bedrock What-If scenarios (*.json)"));
  if (path.isEmpty())
    return false;
  if (QFileInfo(path).suffix().isEmpty())
    path += QStringLiteral(".json");
  return saveTo(path);
}

void MainWindow::exportMeetingPack() {
  if (!m_document->figuresProblem().isEmpty()) {
    report(tr("Cannot export the meeting pack"), m_document->figuresProblem());
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export meeting pack"),
      AppSettings::lastDirectory() + QStringLiteral("/meeting-pack.pdf"), tr("PDF (*.pdf)"));
  if (!path.isEmpty())
    exportMeetingPackTo(path);
}

void MainWindow::exportMeetingPackTo(const QString &path) {
  if (!m_document->figuresProblem().isEmpty()) {
    report(tr("Cannot export the meeting pack"), m_document->figuresProblem());
    emit meetingPackWritten(false, path);
    return;
  }
  // A snapshot of what the pack shows, so the worker never reads the document.
  struct Inputs {
    core::Scenario scenario;
    core::RateCard card;
    core::PreparedScenario prepared;
    core::WorkbenchFigures workbench;
    bool needsFan = false;
    std::optional<core::PlanVsActual> actuals;
  };
  auto inputs = std::make_shared<Inputs>(Inputs{m_document->scenario(), m_document->rateCard(),
                                                m_document->prepared(), m_document->workbench(),
                                                false, m_actuals->figures()});
  // The pack's summary gives the forecast's p10-p90: with the fan, as the
  // Ranges tab shows it (computed with the rest if the run is still going).
  if (const core::Forecast *fan = m_document->fanJob()->forecast())
    inputs->workbench.forecast = *fan;
  else
    inputs->needsFan = true;
  struct Packed {
    core::WorkbenchFigures workbench;
    PackFigures figures;
  };
  QPointer<QProgressDialog> progress = new QProgressDialog(
      tr("Computing the commitment plan and the forecast's range…"), tr("Cancel"), 0, 0, this);
  progress->setWindowTitle(tr("Meeting pack"));
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(0);
  progress->setAutoClose(false);
  progress->setAutoReset(false);
  connect(progress, &QProgressDialog::canceled, this, [this, progress] {
    m_packJob->cancel();
    statusBar()->showMessage(tr("Meeting pack cancelled"), 5000);
    if (progress)
      progress->deleteLater();
  });
  progress->show();
  const int threads = backgroundThreads();
  m_packJob->start<Packed>(
      [inputs, threads](const std::atomic<bool> &cancel) -> std::optional<Packed> {
        Packed packed{inputs->workbench, {}};
        if (inputs->needsFan) {
          core::ForecastOptions options;
          options.threads = threads;
          options.cancel = &cancel;
          if (!core::addMonteCarloFan(packed.workbench.forecast, inputs->prepared, 1.0, options))
            return std::nullopt;
        }
        auto figures =
            computePackFigures(inputs->scenario, inputs->card, packed.workbench,
                               inputs->actuals ? &*inputs->actuals : nullptr, &cancel, threads);
        if (!figures)
          return std::nullopt;
        packed.figures = std::move(*figures);
        return packed;
      },
      [this, inputs, path, progress](Packed &&packed) {
        // Drawing needs the GUI thread (charts are widgets): one page at a time, the events
        // between them handled, so the window repaints while the pack is written.
        if (progress) {
          disconnect(progress, &QProgressDialog::canceled, this, nullptr);
          progress->setCancelButton(nullptr);
          progress->setLabelText(tr("Writing the meeting pack…"));
        }
        const ExportResult result =
            writeMeetingPack(inputs->scenario, inputs->card, packed.workbench, packed.figures, path,
                             QDate::currentDate(), [progress](int page, int total) {
                               if (progress) {
                                 progress->setRange(0, total);
                                 progress->setValue(page);
                               }
                               QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
                             });
        if (progress)
          progress->deleteLater();
        if (result.ok)
          statusBar()->showMessage(tr("Meeting pack written to %1").arg(path), 8000);
        else
          report(tr("Cannot export the meeting pack"), result.message);
        emit meetingPackWritten(result.ok, path);
      });
}

void MainWindow::exportWorkbook() {
  if (!m_document->figuresProblem().isEmpty()) {
    report(tr("Cannot export the workbook"), m_document->figuresProblem());
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export workbook"), AppSettings::lastDirectory() + QStringLiteral("/estate.xlsx"),
      tr("Excel workbook (*.xlsx)"));
  if (!path.isEmpty())
    exportWorkbookTo(path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)
                         ? path
                         : path + QStringLiteral(".xlsx"));
}

bool MainWindow::exportWorkbookTo(const QString &path) {
  if (!m_document->figuresProblem().isEmpty()) {
    report(tr("Cannot export the workbook"), m_document->figuresProblem());
    return false;
  }
  // The month shown, with the forecast's fan as the Ranges tab shows it.
  const core::Forecast *fan = m_document->fanJob()->forecast();
  const core::Forecast forecast = fan ? *fan : core::forecast(m_document->prepared());
  const core::WriteResult result = core::writeWorkbook(
      m_document->scenario(), m_document->rateCard(), m_document->prepared(),
      m_document->workbench().evaluation, forecast, std::filesystem::path(path.toStdString()));
  if (!result.ok) {
    report(tr("Cannot export the workbook"), toQString(result.message));
    return false;
  }
  statusBar()->showMessage(tr("Workbook written to %1").arg(path), 8000);
  return true;
}

void MainWindow::showPanel(QWidget *panel) {
  for (QWidget *page = panel; page; page = page->parentWidget())
    if (m_tabs->indexOf(page) >= 0) {
      m_tabs->setCurrentWidget(page);
      return;
    }
}

QWidget *MainWindow::scrollable(QWidget *page) {
  auto *area = new QScrollArea(m_tabs);
  area->setObjectName(page->objectName() + QStringLiteral("Scroll"));
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  area->setWidget(page);
  return area;
}

void MainWindow::fitTabsBesideDock() {
  if (!m_dock || m_dock->isFloating() || !m_dock->isVisible())
    return;
  QWidget *current = m_tabs->currentWidget();
  if (!current)
    return;
  QWidget *page = current;
  if (auto *area = qobject_cast<QScrollArea *>(current); area && area->widget())
    page = area->widget();
  // What the page needs, plus what the central widget spends around it (margins, tab frame).
  const int needed = page->minimumSizeHint().width() + centralWidget()->width() - current->width();
  const int deficit = needed - centralWidget()->width();
  // The levers scroll only up and down: the dock never gets narrower than their content.
  int narrowest = std::max(m_dock->minimumWidth(), m_dock->minimumSizeHint().width());
  if (auto *levers = qobject_cast<QScrollArea *>(m_dock->widget()); levers && levers->widget()) {
    const int chrome = m_dock->width() - levers->viewport()->width();
    const QScrollBar *bar = levers->verticalScrollBar();
    narrowest = std::max(narrowest, levers->widget()->minimumSizeHint().width() + chrome +
                                        (bar->isVisible() ? 0 : bar->sizeHint().width()));
  }
  int wanted = m_dock->width();
  if (deficit > 0)
    wanted = std::max(narrowest, m_dock->width() - deficit);
  else if (m_dock->width() < m_dockWidth) // room to spare: give the levers back their width
    wanted = std::min(m_dockWidth, m_dock->width() - deficit);
  if (wanted == m_dock->width())
    return;
  m_fittingDock = true;
  resizeDocks({m_dock}, {wanted}, Qt::Horizontal);
  m_fittingDock = false;
}

void MainWindow::resizeEvent(QResizeEvent *event) {
  QMainWindow::resizeEvent(event);
  m_windowWidth = width();
  if (event->size().width() < event->oldSize().width())
    fitTabsBesideDock();
  // Grown again, the window gives the levers back the width they had
  // (QMainWindow would give all of it to the tabs), leaving the tabs their minimum.
  if (m_dock && !m_dock->isFloating() && m_dock->width() < m_dockWidth &&
      event->size().width() > event->oldSize().width()) {
    const int room = width() - centralWidget()->minimumSizeHint().width() - 16;
    const int wanted = std::min(m_dockWidth, std::max(m_dock->width(), room));
    if (wanted > m_dock->width())
      resizeDocks({m_dock}, {wanted}, Qt::Horizontal);
  }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event) {
  // The dock resized while the window kept its width: the user dragged the
  // splitter, and that is the width to give back.
  if (watched == m_dock && event->type() == QEvent::Resize && isVisible() &&
      width() == m_windowWidth && !m_dock->isFloating() && !m_fittingDock)
    m_dockWidth = m_dock->width();
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::offerRecovery() {
  const auto recovery = Autosave::pendingRecovery();
  if (!recovery)
    return;
  const QString of =
      recovery->originalPath.isEmpty() ? tr("an unsaved scenario") : recovery->originalPath;
  const auto answer =
      m_interactive
          ? QMessageBox::question(this, tr("Recover unsaved changes?"),
                                  tr("Bedrock What-If closed without saving changes to %1 (last "
                                     "autosaved %2). Recover them?")
                                      .arg(of, recovery->savedAt.toLocalTime().toString()),
                                  QMessageBox::Yes | QMessageBox::Discard)
          : QMessageBox::Yes;
  QString error;
  if (answer == QMessageBox::Yes &&
      !m_document->recoverFrom(recovery->autosavePath, recovery->originalPath, &error))
    report(tr("Cannot recover"), error);
  if (answer != QMessageBox::Yes)
    Autosave::discard();
}

void MainWindow::showAbout() {
  AboutDialog about(QApplication::applicationVersion(),
                    QString::fromStdString(m_document->rateCard().asOf),
                    QString::fromStdString(m_document->rateCard().region), this);
  about.exec();
}

void MainWindow::closeEvent(QCloseEvent *event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  AppSettings::setWindowGeometry(saveGeometry());
  AppSettings::setWindowState(saveState());
  if (m_interactive)
    Autosave::discard(); // closed on purpose: nothing to recover
  event->accept();
}

} // namespace bwi::ui
