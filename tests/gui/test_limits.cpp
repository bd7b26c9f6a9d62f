// The window with hostile and future files, and months whose figures
// overflow (docs/limits.md, docs/file-compatibility.md).
#include "tests/gui/guitestsupport.h"

#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/report/workbenchfigures.h"
#include "ui/export/chartexport.h"
#include "ui/export/meetingpack.h"

#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

const QString kGrowthOverflow =
    QStringLiteral(BWI_SOURCE_DIR "/tests/data/broken/growth-overflow.json");

QString writeFile(const QTemporaryDir &folder, const QString &name, const QByteArray &text) {
  const QString path = folder.filePath(name);
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(text);
  return path;
}

QByteArray exampleText() {
  QFile file(QStringLiteral(BWI_SOURCE_DIR "/resources/example-scenario.json"));
  REQUIRE(file.open(QIODevice::ReadOnly));
  return file.readAll();
}

} // namespace

TEST_CASE("A month whose figures overflow shows no figures and says why", "[gui][finite]") {
  Window w;
  REQUIRE(w.window.openFile(kGrowthOverflow));
  auto &document = w.document();
  CHECK(document.figuresProblem().isEmpty());

  document.setMonth(1199);
  CHECK_FALSE(document.figuresProblem().isEmpty());
  CHECK(core::allFinite(document.workbench()));
  auto *net = findChildOrFail<QLabel>(&w.window, QStringLiteral("netFigure"));
  CHECK(net->text() == QStringLiteral("overflow"));

  document.setMonth(0);
  CHECK(document.figuresProblem().isEmpty());
  CHECK(net->text().startsWith(QLatin1Char('$')));
}

TEST_CASE("Exports refuse a workbench that is not finite", "[gui][finite]") {
  const auto load = core::loadScenarioFile(kGrowthOverflow.toStdString());
  REQUIRE(load.loaded);
  const auto prepared = core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const core::WorkbenchFigures overflowing =
      core::computeWorkbenchFigures(prepared, {1199, ""}, std::nullopt);
  REQUIRE_FALSE(core::allFinite(overflowing));

  QTemporaryDir folder;
  const QString chart = folder.filePath(QStringLiteral("volume.svg"));
  const ui::ExportResult chartResult =
      ui::exportChart(ui::ChartKind::Volume, ui::ChartSource(overflowing), QStringLiteral("footer"),
                      chart, QSize(1200, 675));
  CHECK_FALSE(chartResult.ok);
  CHECK(chartResult.message.contains(QStringLiteral("overflow")));
  CHECK_FALSE(QFile::exists(chart));

  const QString pack = folder.filePath(QStringLiteral("pack.pdf"));
  const ui::ExportResult packResult = ui::writeMeetingPack(load.loaded->scenario, load.loaded->card,
                                                           overflowing, pack, QDate(2026, 11, 26));
  CHECK_FALSE(packResult.ok);
  CHECK_FALSE(QFile::exists(pack));
}

TEST_CASE("The window's charts refuse to export or copy a month that overflows", "[gui][finite]") {
  Window w;
  REQUIRE(w.window.openFile(kGrowthOverflow));
  w.document().setMonth(1199);
  REQUIRE_FALSE(w.document().figuresProblem().isEmpty());
  const QList<QToolButton *> buttons =
      w.window.findChildren<QToolButton *>(QStringLiteral("chartExportButton"));
  // The Compare tab's charts compare month 0 and are not the workbench's.
  const auto *compare = findChildOrFail<QWidget>(&w.window, QStringLiteral("comparePanel"));
  int refused = 0;
  for (QToolButton *button : buttons) {
    if (compare->isAncestorOf(button))
      continue;
    ++refused;
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    // The refusal is a message box: read it and close it from inside its loop.
    QString shown;
    QTimer::singleShot(0, [&shown] {
      if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
        shown = box->text();
        box->close();
      }
    });
    button->menu()->actions()[1]->trigger(); // Copy chart
    INFO(button->parentWidget()->objectName().toStdString());
    CHECK(shown == w.document().figuresProblem());
    CHECK(QGuiApplication::clipboard()->text() == QStringLiteral("before"));
    CHECK(QGuiApplication::clipboard()->image().isNull());
  }
  // Volume, commitment, breakdown, forecast, load; the fan, tornado, planner.
  CHECK(refused >= 8);
}

TEST_CASE("A file with fields from a newer version opens and names them", "[gui][compatibility]") {
  QTemporaryDir folder;
  QByteArray text = exampleText();
  text.insert(text.indexOf("\"name\":"), "\"colour\": \"blue\", ");
  const QString path = writeFile(folder, QStringLiteral("future.json"), text);
  Window w;
  REQUIRE(w.window.openFile(path));
  CHECK(w.document().unknownFields().contains(QStringLiteral("colour")));
  CHECK(w.window.lastMessage().contains(QStringLiteral("future.json: colour: is not a field")));
}

TEST_CASE("A scenario of a newer format version does not open", "[gui][compatibility]") {
  QTemporaryDir folder;
  QByteArray text = exampleText();
  text.replace("\"version\": 1", "\"version\": 2");
  const QString path = writeFile(folder, QStringLiteral("next.json"), text);
  Window w;
  const core::Scenario before = w.document().scenario();
  CHECK_FALSE(w.window.openFile(path));
  CHECK(w.document().scenario() == before);
  CHECK(w.window.lastMessage().contains(QStringLiteral("written by a newer Bedrock What-If")));
}
