#include "tests/gui/guitestsupport.h"

#include "core/files/savedcards.h"
#include "core/files/scenariofile.h"
#include "core/model/ratecarddiff.h"
#include "ui/document/appsettings.h"
#include "ui/document/savedratecards.h"
#include "ui/document/scenariodocument.h"
#include "ui/ratecard/updatepricesdialog.h"

#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// tests/pricelist/offerserver.py on 127.0.0.1, for as long as the test runs.
struct OfferServer {
  QTemporaryDir folder;
  QProcess process;
  QString base;
  OfferServer() {
    process.start(QStringLiteral(BWI_PYTHON),
                  {QStringLiteral(BWI_SOURCE_DIR "/tests/pricelist/offerserver.py"),
                   QStringLiteral("--folder"), folder.path(), QStringLiteral("--serve"),
                   QStringLiteral("--seconds"), QStringLiteral("300")});
    REQUIRE(process.waitForReadyRead(30000));
    const QString port = QString::fromUtf8(process.readLine()).trimmed();
    REQUIRE(port.toInt() > 0);
    base = QStringLiteral("http://127.0.0.1:") + port;
  }
  ~OfferServer() {
    process.kill();
    process.waitForFinished(5000);
  }
};

// The tests' data folder (QStandardPaths test mode), emptied of saved cards.
void forgetSavedCards() {
  QDir(ui::savedRateCardsFolder()).removeRecursively();
  ui::AppSettings::setPricesRegion(QStringLiteral("us-east-1"));
}

QTreeWidgetItem *section(QTreeWidget *tree, const QString &startsWith) {
  for (int i = 0; i < tree->topLevelItemCount(); ++i)
    if (tree->topLevelItem(i)->text(0).startsWith(startsWith))
      return tree->topLevelItem(i);
  return nullptr;
}

bool lists(QTreeWidgetItem *section, const QString &model) {
  for (int i = 0; section && i < section->childCount(); ++i)
    if (section->child(i)->text(0) == model)
      return true;
  return false;
}

} // namespace

TEST_CASE("Update prices downloads, shows the diff and re-prices as one undo step",
          "[gui][updateprices]") {
  forgetSavedCards();
  OfferServer server;
  Window w;
  const core::Scenario before = w.document().scenario();
  ui::UpdatePricesDialog dialog(&w.document(), &w.window);
  dialog.setRegion(QStringLiteral("us-east-1"));
  dialog.setSource(server.base + QStringLiteral("/gzip/"));
  QSignalSpy finished(&dialog, &ui::UpdatePricesDialog::finishedReading);
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateStart"))->click();
  REQUIRE(finished.wait(30000));
  auto *status = findChildOrFail<QLabel>(&dialog, QStringLiteral("updateStatus"));
  INFO(status->text().toStdString());
  auto *tree = findChildOrFail<QTreeWidget>(&dialog, QStringLiteral("updateDiff"));
  CHECK(lists(section(tree, QStringLiteral("Changed prices")),
              QStringLiteral("amazon.nova-pro-v1:0")));
  CHECK(lists(section(tree, QStringLiteral("New models")),
              QStringLiteral("anthropic.claude-mythos-5")));
  CHECK_FALSE(lists(section(tree, QStringLiteral("New models")), QStringLiteral("zai.glm5")));
  CHECK(lists(section(tree, QStringLiteral("Changed prices")),
              QStringLiteral("us.meta.llama3-3-70b-instruct-v1:0")));
  const QString summary = findChildOrFail<QLabel>(&dialog, QStringLiteral("updateSummary"))->text();
  CHECK(summary.contains(QStringLiteral("month 1: net")));
  CHECK(w.document().scenario() == before); // nothing changes before accepting
  CHECK(core::listSavedCards(ui::savedRateCardsFolder().toStdString()).empty());

  auto *accept = findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateAccept"));
  REQUIRE(accept->isEnabled());
  const int steps = w.document().undoStack()->count();
  accept->click();
  CHECK(w.document().undoStack()->count() == steps + 1);
  CHECK(w.document().scenario().ratecard.kind == core::RateCardSource::Kind::Inline);
  CHECK(w.document().rateCard().asOf == "2026-11-24");
  CHECK(w.document().rateCard().find("amazon.nova-pro-v1:0")->onDemand.outputPer1m == Approx(3.6));
  const auto saved = core::listSavedCards(ui::savedRateCardsFolder().toStdString());
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].region == "us-east-1");
  CHECK(QFileInfo(dialog.savedPath()).fileName() == QStringLiteral("us-east-1-2026-11-24.json"));
  // New scenarios use the saved card, inline; undo brings the old card back.
  w.document().undoStack()->undo();
  CHECK(w.document().scenario() == before);
  ui::ScenarioDocument fresh;
  fresh.newScenario();
  CHECK(fresh.scenario().ratecard.kind == core::RateCardSource::Kind::Inline);
  CHECK(fresh.rateCard().asOf == "2026-11-24");
  forgetSavedCards();
  fresh.newScenario();
  CHECK(fresh.scenario().ratecard.kind == core::RateCardSource::Kind::Builtin);
}

TEST_CASE("Cancel and failures leave the card and the data folder as they were",
          "[gui][updateprices]") {
  forgetSavedCards();
  OfferServer server;
  Window w;
  const core::Scenario before = w.document().scenario();
  ui::UpdatePricesDialog dialog(&w.document(), &w.window);
  QSignalSpy finished(&dialog, &ui::UpdatePricesDialog::finishedReading);
  auto *status = findChildOrFail<QLabel>(&dialog, QStringLiteral("updateStatus"));
  auto *accept = findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateAccept"));

  dialog.setSource(server.base + QStringLiteral("/slow/"));
  dialog.start();
  QTest::qWait(1500); // the offer file has begun and stalls
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateCancel"))->click();
  REQUIRE((finished.count() == 1 || finished.wait(10000)));
  CHECK(status->text().startsWith(QStringLiteral("Cancelled")));
  CHECK_FALSE(accept->isEnabled());

  for (const auto &[mode, says] : {std::pair{"/404/", "HTTP 404"}, std::pair{"/cut/", "cut short"},
                                   std::pair{"/html/", "not valid JSON"}}) {
    finished.clear();
    dialog.setSource(server.base + QString::fromLatin1(mode));
    dialog.start();
    REQUIRE(finished.wait(30000));
    INFO(status->text().toStdString());
    CHECK(status->text().contains(QString::fromLatin1(says)));
    CHECK(status->text().contains(QStringLiteral("127.0.0.1")));
    CHECK_FALSE(accept->isEnabled());
  }
  CHECK(w.document().scenario() == before);
  CHECK(core::listSavedCards(ui::savedRateCardsFolder().toStdString()).empty());
}

TEST_CASE("Another region's card flags the models the region lacks, never $0",
          "[gui][updateprices]") {
  forgetSavedCards();
  OfferServer server;
  Window w;
  ui::UpdatePricesDialog dialog(&w.document(), &w.window);
  dialog.setRegion(QStringLiteral("eu-central-1"));
  dialog.setSource(server.base + QStringLiteral("/plain/"));
  QSignalSpy finished(&dialog, &ui::UpdatePricesDialog::finishedReading);
  dialog.start();
  REQUIRE(finished.wait(30000));
  auto *tree = findChildOrFail<QTreeWidget>(&dialog, QStringLiteral("updateDiff"));
  QTreeWidgetItem *lacking = section(tree, QStringLiteral("Used by this scenario"));
  REQUIRE(lacking);
  CHECK(lacking->childCount() > 0);
  // The scenario can use the card (a refusal would say why here).
  INFO(findChildOrFail<QLabel>(&dialog, QStringLiteral("updateSummary"))->text().toStdString());
  REQUIRE(findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateAccept"))->isEnabled());
  findChildOrFail<QPushButton>(&dialog, QStringLiteral("updateAccept"))->click();
  const core::RateCard &card = w.document().rateCard();
  CHECK(card.region == "eu-central-1");
  for (const std::string &id : core::modelsUsedBy(w.document().scenario())) {
    INFO(id);
    const core::ModelRates *model = card.find(id);
    REQUIRE(model);
    if (lists(lacking, QString::fromStdString(id)))
      CHECK(model->onDemand.estimate);
  }
  CHECK(ui::AppSettings::pricesRegion() == QStringLiteral("eu-central-1"));
  // Switching back to the built-in card: one undo step, "ratecard": "builtin".
  ui::UpdatePricesDialog back(&w.document(), &w.window);
  back.showCard(core::builtinRateCard(), true);
  findChildOrFail<QPushButton>(&back, QStringLiteral("updateAccept"))->click();
  CHECK(w.document().scenario().ratecard.kind == core::RateCardSource::Kind::Builtin);
  w.document().undoStack()->undo();
  CHECK(w.document().rateCard().region == "eu-central-1");
  forgetSavedCards();
}
