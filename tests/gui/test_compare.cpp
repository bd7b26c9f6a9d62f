#include "tests/common/tolerance.h"
#include "tests/gui/guitestsupport.h"

#include "core/analysis/leverattribution.h"
#include "ui/charts/waterfallchartview.h"
#include "ui/compare/comparepanel.h"
#include "ui/compare/comparisonset.h"

#include <QAbstractItemModel>
#include <QBrush>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

#include <numeric>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

ui::ComparePanel *showComparePanel(Window &w) {
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  auto *panel = findChildOrFail<ui::ComparePanel>(&w.window, QStringLiteral("comparePanel"));
  w.window.showPanel(panel);
  REQUIRE(tabs->currentWidget()->isAncestorOf(panel));
  QCoreApplication::processEvents();
  return panel;
}

// The text of the table's cell in the row labelled `row` and column `column`.
QString cell(QTableView *table, const QString &row, int column) {
  QAbstractItemModel *model = table->model();
  for (int r = 0; r < model->rowCount(); ++r)
    if (model->headerData(r, Qt::Vertical, Qt::DisplayRole).toString() == row)
      return model->index(r, column).data().toString();
  FAIL("no row " << row.toStdString());
  return {};
}

double sumOfBars(const core::LeverAttribution &attribution) {
  return std::accumulate(attribution.bars.begin(), attribution.bars.end(), 0.0,
                         [](double sum, const core::LeverBar &bar) { return sum + bar.deltaUsd; });
}

} // namespace

TEST_CASE("A copy of the workbench compares with the edits made after it", "[gui][compare]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  auto *table = findChildOrFail<QTableView>(panel, QStringLiteral("compareTable"));
  CHECK(table->model()->columnCount() == 1); // the workbench alone

  findChildOrFail<QPushButton>(panel, QStringLiteral("compareAddCopy"))->click();
  QCoreApplication::processEvents();
  CHECK(table->model()->columnCount() == 3); // workbench, copy, Δ copy
  CHECK(cell(table, QStringLiteral("Net cost this month"), 2) == QStringLiteral("$0.00 (0.0%)"));

  // Double the volume in the workbench: the copy keeps the old figures.
  const double before = w.document().workbench().evaluation.netUsd;
  REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 2.0, QStringLiteral("x2")));
  QCoreApplication::processEvents();
  const core::Comparison &comparison = panel->comparisonSet()->comparison();
  REQUIRE(comparison.attributions.size() == 1);
  const core::LeverAttribution &attribution = comparison.attributions[0];
  CHECK_THAT(attribution.baselineNetUsd,
             test::sameFigure(w.document().workbench().evaluation.netUsd));
  CHECK_THAT(attribution.comparedNetUsd, test::sameFigure(before));
  // Only the volume moved: the whole difference is the volume bar.
  CHECK(attribution.bars.front().levers == std::vector{core::AttributionStep::Volume});
  CHECK_THAT(attribution.bars.front().deltaUsd, test::sameFigure(attribution.differenceUsd()));
  CHECK_THAT(sumOfBars(attribution), test::closeTo(attribution.differenceUsd()));
  CHECK(cell(table, QStringLiteral("Net cost this month"), 2).startsWith(QLatin1Char('-')));

  // The copy as baseline turns the signs around.
  auto *baseline = findChildOrFail<QComboBox>(panel, QStringLiteral("compareBaseline"));
  panel->comparisonSet()->setBaseline(1);
  QCoreApplication::processEvents();
  CHECK(baseline->currentData().toInt() == 1);
  CHECK(cell(table, QStringLiteral("Net cost this month"), 2).startsWith(QLatin1Char('+')));
}

TEST_CASE("Optimize proposes, explains, and opens in the workbench as one undo step",
          "[gui][compare]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  const core::Scenario original = w.document().scenario();
  const double before = w.document().workbench().evaluation.netUsd;
  findChildOrFail<QPushButton>(panel, QStringLiteral("compareOptimize"))->click();
  QCoreApplication::processEvents();
  ui::ComparisonSet *set = panel->comparisonSet();
  REQUIRE(set->count() == 2);
  CHECK(set->column(1).source == ui::ComparisonSet::Source::Optimized);
  CHECK_FALSE(set->column(1).changes.empty());
  const core::LeverAttribution attribution = set->comparison().attributions.at(0);
  CHECK(attribution.comparedNetUsd < attribution.baselineNetUsd);
  CHECK_THAT(sumOfBars(attribution), test::closeTo(attribution.differenceUsd()));

  // Same provider only: a different proposal, still cheaper.
  set->setOptimizeOptions({true});
  const double sameProvider = set->comparison().attributions.at(0).comparedNetUsd;
  CHECK(sameProvider < before);
  CHECK_THAT(sameProvider, !test::sameFigure(attribution.comparedNetUsd));
  set->setOptimizeOptions({false});

  panel->setWaterfallColumn(1);
  panel->openInWorkbench();
  QCoreApplication::processEvents();
  CHECK_THAT(w.document().workbench().evaluation.netUsd,
             test::sameFigure(attribution.comparedNetUsd));
  // What the workbench had stays as the baseline copy.
  REQUIRE(set->count() == 3);
  CHECK(set->column(set->baseline()).source == ui::ComparisonSet::Source::Copy);
  CHECK(set->comparison().attributions.size() == 2);
  w.document().undoStack()->undo();
  CHECK(w.document().scenario() == original);
}

TEST_CASE("A broken scenario file is refused with its path and changes nothing", "[gui][compare]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  QString error;
  CHECK_FALSE(
      panel->addFile(QStringLiteral(BWI_SOURCE_DIR "/tests/data/broken/shares-off.json"), &error));
  CHECK(error.contains(QStringLiteral("shares-off.json")));
  CHECK(panel->comparisonSet()->count() == 1);
  CHECK(panel->addFile(QStringLiteral(BWI_SOURCE_DIR "/resources/example-scenario.json"), &error));
  CHECK(panel->comparisonSet()->count() == 2);
  // Four at most.
  panel->comparisonSet()->addCopy();
  panel->comparisonSet()->addCopy();
  CHECK_FALSE(
      panel->addFile(QStringLiteral(BWI_SOURCE_DIR "/resources/example-scenario.json"), &error));
  CHECK(panel->comparisonSet()->count() == 4);
  QCoreApplication::processEvents();
  CHECK_FALSE(findChildOrFail<QPushButton>(panel, QStringLiteral("compareAddCopy"))->isEnabled());
}

TEST_CASE("Latency-tolerant is a workload checkbox with undo", "[gui][compare]") {
  Window w;
  auto *check = findChildOrFail<QCheckBox>(&w.window, QStringLiteral("latencyTolerantCheck"));
  const int workload = w.document().selectedWorkload();
  const bool was =
      w.document().scenario().workloads[static_cast<std::size_t>(workload)].latencyTolerant;
  check->click();
  CHECK(w.document().scenario().workloads[static_cast<std::size_t>(workload)].latencyTolerant ==
        !was);
  w.document().undoStack()->undo();
  CHECK(check->isChecked() == was);
}

TEST_CASE("Every chart has an export button with Export and Copy", "[gui][export]") {
  Window w;
  const QList<QToolButton *> buttons =
      w.window.findChildren<QToolButton *>(QStringLiteral("chartExportButton"));
  // Five workbench charts, the waterfall and the compare chart.
  CHECK(buttons.size() >= 7);
  for (QToolButton *button : buttons) {
    REQUIRE(button->menu() != nullptr);
    const QList<QAction *> actions = button->menu()->actions();
    REQUIRE(actions.size() == 2);
    CHECK(actions[0]->text() == QStringLiteral("Export chart…"));
    CHECK(actions[1]->text() == QStringLiteral("Copy chart"));
  }
  // Copy puts the picture on the clipboard.
  buttons.front()->menu()->actions()[1]->trigger();
  const QImage copied = QGuiApplication::clipboard()->image();
  CHECK(copied.width() == 2400);
  CHECK(copied.height() == 1350);
}

TEST_CASE("A larger discount is the favourable difference in the comparison table",
          "[gui][compare]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  panel->comparisonSet()->addCopy(); // the copy keeps the example's 8%
  REQUIRE(w.document().setValue({core::Field::Discount}, 0.15, QStringLiteral("15%")));
  QCoreApplication::processEvents();
  auto *table = findChildOrFail<QTableView>(panel, QStringLiteral("compareTable"));
  QAbstractItemModel *model = table->model();
  int discountRow = -1, netRow = -1;
  for (int r = 0; r < model->rowCount(); ++r) {
    const QString label = model->headerData(r, Qt::Vertical).toString();
    if (label == QStringLiteral("Private-pricing discount"))
      discountRow = r;
    if (label == QStringLiteral("Net cost this month"))
      netRow = r;
  }
  REQUIRE(discountRow >= 0);
  REQUIRE(netRow >= 0);
  // Baseline: the workbench at 15%. The copy's smaller discount is worse, its higher net too.
  const QModelIndex discount = model->index(discountRow, 2);
  const QModelIndex net = model->index(netRow, 2);
  REQUIRE(discount.data().toString().startsWith(QLatin1Char('-')));
  REQUIRE(net.data().toString().startsWith(QLatin1Char('+')));
  const QColor worse = net.data(Qt::ForegroundRole).value<QBrush>().color();
  CHECK(discount.data(Qt::ForegroundRole).value<QBrush>().color() == worse);

  panel->comparisonSet()->setBaseline(1); // now the copy is the baseline: the signs turn
  QCoreApplication::processEvents();
  const QColor better = model->index(netRow, 2).data(Qt::ForegroundRole).value<QBrush>().color();
  CHECK(better != worse);
  CHECK(model->index(discountRow, 2).data(Qt::ForegroundRole).value<QBrush>().color() == better);
}
