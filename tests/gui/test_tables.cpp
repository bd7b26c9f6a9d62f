#include "tests/gui/guitestsupport.h"

#include "core/files/ratecardoverrides.h"
#include "core/files/scenariofile.h"
#include "ui/document/scenariodocument.h"
#include "ui/mainwindow.h"
#include "ui/ratecard/ratecardmodel.h"
#include "ui/workloads/workloadstablemodel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {} // namespace

TEST_CASE("The workloads table adds, duplicates, renames and deletes through undo", "[gui]") {
  Window w;
  const std::size_t count = w.document().scenario().workloads.size();
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("addWorkloadButton"))->click();
  REQUIRE(w.document().scenario().workloads.size() == count + 1);
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("duplicateWorkloadButton"))->click();
  REQUIRE(w.document().scenario().workloads.size() == count + 2);

  auto *table = findChildOrFail<QTableView>(&w.window, QStringLiteral("workloadsTable"));
  QAbstractItemModel *model = table->model();
  const QModelIndex name = model->index(0, ui::WorkloadsTableModel::NameColumn);
  REQUIRE(model->setData(name, QStringLiteral("Renamed assistant")));
  CHECK(w.document().scenario().workloads[0].name == "Renamed assistant");
  const QModelIndex team = model->index(0, ui::WorkloadsTableModel::TeamColumn);
  REQUIRE(model->setData(team, QStringLiteral("FinOps")));
  CHECK(w.document().scenario().workloads[0].team == std::optional<std::string>("FinOps"));
  // A negative count is refused and changes nothing.
  const QModelIndex requests = model->index(0, ui::WorkloadsTableModel::RequestsColumn);
  CHECK_FALSE(model->setData(requests, QStringLiteral("-5")));

  table->selectRow(0);
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("deleteWorkloadButton"))->click();
  CHECK(w.document().scenario().workloads.size() == count + 1);
  while (w.document().undoStack()->canUndo())
    w.document().undoStack()->undo();
  CHECK(w.document().scenario().workloads.size() == count);
  CHECK(w.document().scenario().workloads[0].name != "Renamed assistant");
}

TEST_CASE("A price typed into the rate card is kept as a marked override", "[gui]") {
  Window w;
  auto *table = findChildOrFail<QTableView>(&w.window, QStringLiteral("rateCardTable"));
  QAbstractItemModel *model = table->model();
  int row = -1;
  for (int r = 0; r < model->rowCount(); ++r)
    if (model->index(r, ui::RateCardModel::IdColumn).data().toString() ==
        QStringLiteral("amazon.nova-lite-v1:0"))
      row = r;
  REQUIRE(row >= 0);
  const QModelIndex input = model->index(row, ui::RateCardModel::InputColumn);
  REQUIRE(model->setData(input, QStringLiteral("0.05")));
  CHECK(w.document().rateCard().find("amazon.nova-lite-v1:0")->onDemand.inputPer1m == 0.05);
  CHECK(w.document().baseRateCard().find("amazon.nova-lite-v1:0")->onDemand.inputPer1m == 0.06);
  CHECK(core::isOverridden(w.document().scenario().ratecardOverrides, "amazon.nova-lite-v1:0",
                           "on_demand.input_per_1m"));
  CHECK(input.data(Qt::FontRole).value<QFont>().bold());

  // Per 1K shows the same price a thousand times smaller.
  findChildOrFail<QCheckBox>(&w.window, QStringLiteral("perThousandToggle"))->setChecked(true);
  CHECK(model->index(row, ui::RateCardModel::InputColumn)
            .data()
            .toString()
            .contains(QStringLiteral("0.00005")));

  w.document().undoStack()->undo();
  CHECK(w.document().rateCard().find("amazon.nova-lite-v1:0")->onDemand.inputPer1m == 0.06);
}

TEST_CASE("The stale banner shows once the built-in card is older than 90 days", "[gui]") {
  Window w;
  // The banner shows from the 91st day after the card's as_of on.
  const QDate asOf =
      QDate::fromString(QString::fromStdString(core::builtinRateCard().asOf), Qt::ISODate);
  REQUIRE(asOf.isValid());
  auto *banner = findChildOrFail<QLabel>(&w.window, QStringLiteral("staleBanner"));
  CHECK(banner->isHidden() == (QDate::currentDate() < asOf.addDays(91)));
}

namespace {

// Types `text` into the cell as a user does (the editor, then Enter) and returns the status
// bar's message afterwards.
QString typeIntoCell(Window &w, QTableView *table, const QModelIndex &index, const QString &text) {
  w.window.statusBar()->clearMessage();
  table->setCurrentIndex(index);
  table->edit(index);
  QWidget *editor = QApplication::focusWidget();
  REQUIRE(editor != nullptr);
  REQUIRE(editor != table);
  QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(editor, text);
  QTest::keyClick(editor, Qt::Key_Return);
  QTest::qWait(10);
  return w.window.statusBar()->currentMessage();
}

} // namespace

TEST_CASE("A table edit that is refused says why in the status bar", "[gui][tables]") {
  Window w;
  w.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&w.window));
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  const core::Scenario before = w.document().scenario();

  tabs->setCurrentIndex(2); // Workloads
  auto *workloads = findChildOrFail<QTableView>(&w.window, QStringLiteral("workloadsTable"));
  const QModelIndex requests =
      workloads->model()->index(0, ui::WorkloadsTableModel::RequestsColumn);
  for (const QString &typed : {QStringLiteral("-500"), QStringLiteral("abc")}) {
    const QString message = typeIntoCell(w, workloads, requests, typed);
    INFO(typed.toStdString() << " -> " << message.toStdString());
    CHECK_FALSE(message.isEmpty());
    CHECK(
        message.contains(typed.startsWith(QLatin1Char('-')) ? QStringLiteral("Requests") : typed));
  }

  tabs->setCurrentIndex(3); // Rate card
  auto *card = findChildOrFail<QTableView>(&w.window, QStringLiteral("rateCardTable"));
  const QModelIndex price = card->model()->index(0, ui::RateCardModel::InputColumn);
  for (const QString &typed : {QStringLiteral("-1"), QStringLiteral("cheap")}) {
    const QString message = typeIntoCell(w, card, price, typed);
    INFO(typed.toStdString() << " -> " << message.toStdString());
    CHECK_FALSE(message.isEmpty());
  }
  CHECK(w.document().scenario() == before);
}
