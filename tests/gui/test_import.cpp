#include "tests/gui/guitestsupport.h"

#include "core/files/scenariofile.h"
#include "ui/document/scenariodocument.h"
#include "ui/import/importdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUndoStack>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

QString data(const char *name) {
  return QString::fromUtf8(BWI_SOURCE_DIR "/tests/data/import/") + QString::fromUtf8(name);
}

// Many copies of the sample logs: enough that an import takes a while.
std::string largeLogFile() {
  const auto path = std::filesystem::temp_directory_path() /
                    ("bwi-gui-import-" + std::to_string(::getpid()) + ".jsonl");
  std::ifstream in(BWI_SOURCE_DIR "/tests/data/import/invocation-logs.jsonl");
  std::stringstream sample;
  sample << in.rdbuf();
  std::ofstream out(path);
  for (int i = 0; i < 8000; ++i)
    out << sample.str();
  return path.string();
}

} // namespace

TEST_CASE("Imported logs become the workloads as one undo step", "[gui][import]") {
  Window w;
  const core::Scenario before = w.document().scenario();
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.setRequest(core::ImportKind::InvocationLogs, {data("invocation-logs.jsonl")},
                    QStringLiteral("requestMetadata.team"));
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("importStart"))->click();
  REQUIRE(finished.wait(20000));
  const QString report =
      findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("importReport"))->toPlainText();
  CHECK(report.contains(QStringLiteral("anthropic.claude-haiku-4-5-20251001-v1:0")));
  CHECK(w.document().scenario() == before); // nothing changes before accepting
  auto *accept = findChildOrFail<QPushButton>(&dialog, QStringLiteral("importAccept"));
  REQUIRE(accept->isEnabled());
  accept->click();
  REQUIRE(w.document().scenario().workloads.size() == 3);
  CHECK(w.document().scenario().workloads[0].profile.kind == core::WeeklyProfile::Kind::Weekly);
  w.document().undoStack()->undo();
  CHECK(w.document().scenario() == before);
}

TEST_CASE("A price list shows its diff and becomes the rate card on accept", "[gui][import]") {
  Window w;
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.setRequest(core::ImportKind::PriceList, {data("pricelist-AmazonBedrock.json")});
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  dialog.start();
  REQUIRE(finished.wait(20000));
  const QString report =
      findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("importReport"))->toPlainText();
  CHECK(report.contains(QStringLiteral("on_demand.output_per_1m")));
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("importAccept"))->click();
  INFO(findChildOrFail<QLabel>(&dialog, QStringLiteral("importStatus"))->text().toStdString());
  CHECK(w.document().rateCard().asOf == "2026-11-20");
  CHECK(w.document().scenario().ratecard.kind == core::RateCardSource::Kind::Inline);
  w.document().undoStack()->undo();
  CHECK(w.document().rateCard().asOf == core::builtinRateCard().asOf);
}

TEST_CASE("Cancel stops the import and leaves the scenario untouched", "[gui][import]") {
  Window w;
  const core::Scenario before = w.document().scenario();
  const std::string large = largeLogFile();
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.setRequest(core::ImportKind::InvocationLogs, {QString::fromStdString(large)});
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  dialog.start();
  REQUIRE(dialog.isRunning());
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("importCancel"))->click();
  REQUIRE(finished.wait(20000));
  CHECK_FALSE(dialog.isRunning());
  CHECK(findChildOrFail<QLabel>(&dialog, QStringLiteral("importStatus"))
            ->text()
            .contains(QStringLiteral("Cancelled")));
  CHECK_FALSE(findChildOrFail<QPushButton>(&dialog, QStringLiteral("importAccept"))->isEnabled());
  CHECK(w.document().scenario() == before);
  std::filesystem::remove(large);
}

TEST_CASE("A file of the wrong kind is refused in the dialog", "[gui][import]") {
  Window w;
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.setRequest(core::ImportKind::CloudWatch, {data("cur.csv")});
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  dialog.start();
  REQUIRE(finished.wait(20000));
  CHECK(findChildOrFail<QLabel>(&dialog, QStringLiteral("importStatus"))
            ->text()
            .contains(QStringLiteral("Not imported")));
}

TEST_CASE("A long refusal wraps inside the import dialog, which keeps its size", "[gui][import]") {
  Window w;
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.show();
  REQUIRE(QTest::qWaitForWindowExposed(&dialog));
  const QSize before = dialog.size();
  // A log file read as an hourly CSV: the message quotes the expected header, a long line.
  dialog.setRequest(core::ImportKind::HourlyCsv, {data("invocation-logs.jsonl")});
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  dialog.start();
  REQUIRE(finished.wait(20000));
  QTest::qWait(20);
  const QString status = findChildOrFail<QLabel>(&dialog, QStringLiteral("importStatus"))->text();
  INFO(status.toStdString());
  CHECK(status.contains(QStringLiteral("Not imported")));
  CHECK(dialog.width() <= before.width());
  for (const char *name : {"importStart", "importCancel"}) {
    auto *button = findChildOrFail<QPushButton>(&dialog, QString::fromLatin1(name));
    CHECK(button->isVisible());
    CHECK(button->mapTo(&dialog, QPoint(button->width(), 0)).x() <= dialog.width());
  }
  // The whole message stays readable in the report below.
  CHECK(findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("importReport"))
            ->toPlainText()
            .contains(QStringLiteral("hour,key,model")));
}

TEST_CASE("A bill grouped by a principal tag shows each team's spend", "[gui][import]") {
  Window w;
  ui::ImportDialog dialog(&w.document(), &w.window);
  dialog.setRequest(core::ImportKind::Cur, {data("shapes/cur2-principals.csv")});
  auto *choice = findChildOrFail<QComboBox>(&dialog, QStringLiteral("importGroupByChoice"));
  const int team = choice->findData(QStringLiteral("tag:iamPrincipal/team"));
  REQUIRE(team >= 0);
  choice->setCurrentIndex(team);
  emit choice->activated(team);
  CHECK(findChildOrFail<QLineEdit>(&dialog, QStringLiteral("importGroupBy"))->text() ==
        QStringLiteral("tag:iamPrincipal/team"));
  QSignalSpy finished(&dialog, &ui::ImportDialog::importFinished);
  dialog.start();
  REQUIRE(finished.wait(20000));
  auto *table = findChildOrFail<QTableWidget>(&dialog, QStringLiteral("importKeyTable"));
  REQUIRE(table->isVisibleTo(&dialog));
  REQUIRE(table->rowCount() == 2);
  // The costliest first: the rows without the tag, then the data-science team.
  CHECK(table->item(0, 1)->text() == QStringLiteral("(none)"));
  CHECK(table->item(1, 1)->text() == QStringLiteral("BedrockDataScience"));
  CHECK(table->item(1, 2)->text() == QStringLiteral("$1.83"));
  const QString report =
      findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("importReport"))->toPlainText();
  CHECK(report.contains(QStringLiteral("By tag:iamPrincipal/team")));
}
