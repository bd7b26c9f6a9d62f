#include "tests/gui/guitestsupport.h"

#include "core/import/billactuals.h"
#include "tests/common/tolerance.h"
#include "ui/actuals/actualspanel.h"
#include "ui/actuals/actualswaterfallview.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>

using namespace bwi;
using test::closeTo;
using test::findChildOrFail;
using test::Window;

namespace {

QString data(const char *name) {
  return QString::fromUtf8(BWI_SOURCE_DIR "/tests/data/import/") + QString::fromUtf8(name);
}

QString cellText(QTableWidget *table, int row, int column) {
  const QTableWidgetItem *item = table->item(row, column);
  REQUIRE(item != nullptr);
  return item->text();
}

} // namespace

TEST_CASE("The plan-vs-actual tab shows core's figures for a bill and follows the scenario",
          "[gui][actuals]") {
  Window w;
  REQUIRE(w.window.openFile(data("actuals-plan.json")));
  ui::ActualsPanel *panel = w.window.actualsPanel();
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  tabs->setCurrentWidget(panel);
  CHECK_FALSE(panel->figures());
  // Discoverable from the File menu too.
  bool inMenu = false;
  for (QAction *action : w.window.menuBar()->findChildren<QAction *>())
    inMenu = inMenu || action->text() == QStringLiteral("Compare with a &Bill…");
  CHECK(inMenu);

  QSignalSpy loaded(panel, &ui::ActualsPanel::billLoaded);
  panel->loadBill({data("actuals-cur.csv")});
  REQUIRE(loaded.wait(20000));
  REQUIRE(loaded.front().front().toBool());
  REQUIRE(panel->figures());

  // The same call the command line makes, on the same files.
  const core::BillActuals bill =
      core::readBillActuals({data("actuals-cur.csv").toStdString()}, w.document().rateCard());
  REQUIRE(bill.spend);
  const auto expected = core::planVsActual(w.document().prepared(), *bill.spend, {});
  REQUIRE(expected.value);
  const core::PlanVsActualMonth &month = expected.value->months[expected.value->selected];
  CHECK(panel->figures()->months[panel->figures()->selected].month == "2026-10");

  // The waterfall: plan, volume, price, mix, commitment/other, actual; the
  // hand figures of tests/cli/test_actualscommand.cpp.
  const auto *waterfall =
      findChildOrFail<ui::ActualsWaterfallView>(panel, QStringLiteral("actualsWaterfall"));
  const auto &bars = waterfall->bars();
  REQUIRE(bars.size() == 6);
  CHECK_THAT(bars[0].end, closeTo(1360));
  CHECK_THAT(bars[1].deltaUsd(), closeTo((3.45e9 - 3.6e9) * 1360 / 3.6e9));
  CHECK_THAT(bars[1].deltaUsd(), closeTo(month.effects.volumeUsd));
  CHECK_THAT(bars[2].deltaUsd(), closeTo(month.effects.priceUsd));
  CHECK_THAT(bars[3].deltaUsd(), closeTo(month.effects.mixUsd));
  CHECK_THAT(bars[4].deltaUsd(), closeTo(0));
  CHECK_THAT(bars[5].end, closeTo(1709.50));
  CHECK_THAT(bars[4].end, closeTo(bars[5].end));

  auto *table = findChildOrFail<QTableWidget>(panel, QStringLiteral("actualsTable"));
  REQUIRE(table->rowCount() == static_cast<int>(month.rows.size()) + 1);
  CHECK(cellText(table, 0, 0) == QStringLiteral("amazon.nova-pro-v1:0"));
  CHECK(cellText(table, 0, 1) == QStringLiteral("$1,120.00"));
  CHECK(cellText(table, 0, 3) == QStringLiteral("+$400.00"));
  const int total = table->rowCount() - 1;
  CHECK(cellText(table, total, 0) == QStringLiteral("Total"));
  CHECK(cellText(table, total, 3) == QStringLiteral("+$349.50"));
  CHECK(cellText(table, total, 5) == QStringLiteral("-$56.67"));
  CHECK(cellText(table, total, 7) == QStringLiteral("+$358.93"));

  const QString movers = findChildOrFail<QLabel>(panel, QStringLiteral("actualsMovers"))->text();
  CHECK(movers.contains(QStringLiteral("amazon.nova-pro-v1:0")));
  CHECK(movers.contains(QStringLiteral("$1,120.00 → $1,520.00")));
  CHECK(movers.contains(QStringLiteral("+35.7%")));
  const QString budget = findChildOrFail<QLabel>(panel, QStringLiteral("actualsBudget"))->text();
  CHECK(budget.contains(QStringLiteral("Runs out in 2026-11")));
  // This bill has no team key: by team cannot be chosen.
  auto *by = findChildOrFail<QComboBox>(panel, QStringLiteral("actualsBy"));
  CHECK_FALSE(qobject_cast<QStandardItemModel *>(by->model())->item(1)->isEnabled());

  // A later plan start: October is the plan's month 1 and the budget's
  // horizon runs to December.
  auto *start = findChildOrFail<QComboBox>(panel, QStringLiteral("actualsPlanStart"));
  start->setCurrentIndex(start->findData(QStringLiteral("2026-10")));
  emit start->activated(start->currentIndex());
  CHECK(panel->figures()->months.size() == 1);
  CHECK(findChildOrFail<QLabel>(panel, QStringLiteral("actualsBudget"))
            ->text()
            .contains(QStringLiteral("Runs out in 2026-12")));
  start->setCurrentIndex(start->findData(QStringLiteral("2026-09")));
  emit start->activated(start->currentIndex());

  // An edit redraws from the scenario: twice the volume doubles the plan.
  REQUIRE(
      w.document().setValue({core::Field::GlobalVolumeMultiplier}, 2.0, QStringLiteral("volume")));
  CHECK_THAT(waterfall->bars()[0].end, closeTo(2 * 1360));
  CHECK_THAT(panel->figures()->months[1].varianceUsd(), closeTo(1709.50 - 2720));
  w.document().undoStack()->undo();
  CHECK_THAT(waterfall->bars()[0].end, closeTo(1360));
}

TEST_CASE("The plan-vs-actual tab says why a file is not a bill", "[gui][actuals]") {
  Window w;
  ui::ActualsPanel *panel = w.window.actualsPanel();
  QSignalSpy loaded(panel, &ui::ActualsPanel::billLoaded);
  panel->loadBill({data("invocation-logs.jsonl")});
  REQUIRE(loaded.wait(20000));
  CHECK_FALSE(loaded.front().front().toBool());
  CHECK(findChildOrFail<QLabel>(panel, QStringLiteral("actualsBill"))
            ->text()
            .contains(QStringLiteral("not a bill")));
  CHECK_FALSE(panel->figures());
}
