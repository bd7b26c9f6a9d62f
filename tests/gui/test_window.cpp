#include "tests/gui/guitestsupport.h"

#include "ui/charts/tornadochartview.h"
#include "ui/compare/comparepanel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

void resizeWindow(Window &w, int width, int height) {
  w.window.resize(width, height);
  QTest::qWait(50);
  REQUIRE(w.window.width() == width);
}

QTabWidget *tabs(Window &w) {
  return findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
}

// Every chart on the tab shown: no text cut short, no two value labels on top of each other.
void checkChartsOnTab(Window &w) {
  test::settle();
  const QList<QChartView *> views = tabs(w)->currentWidget()->findChildren<QChartView *>();
  for (QChartView *view : views) {
    if (!view->isVisible())
      continue;
    INFO(view->objectName().toStdString() << " " << view->width() << "x" << view->height());
    CHECK(test::elidedChartText(view).toStdString() == "");
    CHECK(test::hiddenCategoryLabels(view).join(QStringLiteral(", ")).toStdString() == "");
    const QList<test::ChartLabel> labels = test::chartLabels(view);
    for (qsizetype i = 0; i < labels.size(); ++i)
      for (qsizetype j = i + 1; j < labels.size(); ++j) {
        INFO(labels[i].text.toStdString() << " / " << labels[j].text.toStdString());
        CHECK_FALSE(labels[i].rect.intersects(labels[j].rect));
      }
  }
}

// Each key figure's value is shown whole.
void checkKeyFigures(Window &w) {
  for (const char *name : {"netFigure", "changeFigure", "perRequestFigure", "perTokenFigure",
                           "utilizationFigure", "commitFigure"}) {
    auto *label = findChildOrFail<QLabel>(&w.window, QString::fromLatin1(name));
    INFO(name << ": " << label->text().toStdString() << " in " << label->width() << " px");
    CHECK(label->width() >= label->fontMetrics().horizontalAdvance(label->text()));
    const QPoint right = label->mapTo(&w.window, QPoint(label->width(), 0));
    CHECK(right.x() <= w.window.width());
  }
}

// No two controls of a row sit on top of each other.
void checkNoOverlap(QWidget *row) {
  QList<QWidget *> shown;
  for (QWidget *child : row->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
    if (child->isVisible())
      shown.append(child);
  for (qsizetype i = 0; i < shown.size(); ++i)
    for (qsizetype j = i + 1; j < shown.size(); ++j) {
      INFO(shown[i]->metaObject()->className()
           << " " << shown[i]->objectName().toStdString() << " / "
           << shown[j]->metaObject()->className() << " " << shown[j]->objectName().toStdString());
      CHECK_FALSE(shown[i]->geometry().intersects(shown[j]->geometry()));
    }
}

} // namespace

TEST_CASE("At 1024x700 every tab fits: figures whole, charts uncut, tables readable",
          "[gui][window]") {
  Window w;
  // From a large window, as a user shrinks it: the levers keep the width they had there.
  resizeWindow(w, 1600, 1000);
  resizeWindow(w, 1024, 700);
  checkKeyFigures(w);
  for (int tab = 0; tab < tabs(w)->count(); ++tab) {
    tabs(w)->setCurrentIndex(tab);
    INFO("tab " << tabs(w)->tabText(tab).toStdString());
    checkChartsOnTab(w);
  }
  // Ranges: the goal-seek row keeps its words apart from its fields.
  tabs(w)->setCurrentIndex(1);
  QTest::qWait(20);
  checkNoOverlap(findChildOrFail<QWidget>(&w.window, QStringLiteral("goalSeek")));

  // Compare, with three scenarios: each cell's text fits its column (the table scrolls).
  auto *compare = findChildOrFail<ui::ComparePanel>(&w.window, QStringLiteral("comparePanel"));
  w.window.showPanel(compare);
  compare->optimize();
  QString error;
  REQUIRE(compare->addFile(
      QStringLiteral(BWI_SOURCE_DIR "/tests/data/compare/example-trimmed.json"), &error));
  test::settle();
  checkChartsOnTab(w);
  auto *table = findChildOrFail<QTableView>(compare, QStringLiteral("compareTable"));
  for (int column = 0; column < table->model()->columnCount(); ++column) {
    INFO("column " << column);
    CHECK(table->horizontalHeader()->sectionSize(column) >=
          static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column));
  }
}

TEST_CASE("Back at 1600x1000 the levers dock has its width again", "[gui][window]") {
  Window w;
  resizeWindow(w, 1600, 1000);
  auto *dock = findChildOrFail<QDockWidget>(&w.window, QStringLiteral("leversDock"));
  const int wide = dock->width();
  resizeWindow(w, 1024, 700);
  resizeWindow(w, 1600, 1000);
  CHECK(dock->width() >= wide);
  checkKeyFigures(w);
}

TEST_CASE("Ctrl+Y redoes", "[gui][window]") {
  Window w;
  w.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&w.window));
  REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 2.0, QStringLiteral("x2")));
  w.document().undoStack()->undo();
  REQUIRE(w.document().scenario().globalVolumeMultiplier == 1.0);
  QTest::keyClick(&w.window, Qt::Key_Y, Qt::ControlModifier);
  CHECK(w.document().scenario().globalVolumeMultiplier == 2.0);
  // Whatever the platform's own redo keys (X11's is Ctrl+Shift+Z only), Ctrl+Y is one of them.
  QAction *redo = nullptr;
  for (QAction *action : w.window.menuBar()->actions().at(1)->menu()->actions())
    if (action->text().contains(QStringLiteral("Redo")))
      redo = action;
  REQUIRE(redo != nullptr);
  CHECK(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
}

TEST_CASE("The File menu exports the workbook", "[gui][window]") {
  Window w;
  QAction *workbook = nullptr;
  for (QAction *action : w.window.menuBar()->actions().front()->menu()->actions())
    if (action->text().contains(QStringLiteral("Workbook")))
      workbook = action;
  REQUIRE(workbook != nullptr);
  CHECK(workbook->isEnabled());
  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("estate.xlsx"));
  REQUIRE(w.window.exportWorkbookTo(path));
  CHECK(QFileInfo(path).size() > 1000);
}

TEST_CASE("At 1600x1000 the charts fit their tab without scrolling; at 1024x700 they scroll",
          "[gui][window]") {
  Window w;
  resizeWindow(w, 1600, 1000);
  tabs(w)->setCurrentIndex(0);
  QTest::qWait(50);
  auto *area = findChildOrFail<QScrollArea>(&w.window, QStringLiteral("chartsPanelScroll"));
  INFO("viewport " << area->viewport()->height() << ", page "
                   << area->widget()->minimumSizeHint().height());
  CHECK_FALSE(area->verticalScrollBar()->isVisible());
  CHECK_FALSE(area->horizontalScrollBar()->isVisible());
  // Narrow: two columns of three rows, which scroll rather than squeeze.
  resizeWindow(w, 1024, 700);
  QTest::qWait(50);
  CHECK(area->verticalScrollBar()->isVisible());
  CHECK_FALSE(area->horizontalScrollBar()->isVisible());
  resizeWindow(w, 1600, 1000);
  QTest::qWait(50);
  CHECK_FALSE(area->verticalScrollBar()->isVisible());
}
