#include "tests/gui/guitestsupport.h"

#include "core/cost/evaluation.h"
#include "core/model/modelmapping.h"
#include "ui/workloads/unpricedactions.h"

#include <QFile>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>

// Traffic on a model no card has (docs/cost-model.md §21): flagged in the
// window, and fixed in one undo step by Map to… or Type a price….
using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

const char *kUnknown = "acme.model-x-v1:0";
const char *kHaiku = "anthropic.claude-haiku-4-5-20251001-v1:0";

// 1M requests a month of 1,000 input and 100 output tokens, half on Haiku 4.5
// and half on a model no card has.
QString writeScenario(const QTemporaryDir &folder) {
  const QString path = folder.filePath(QStringLiteral("unpriced.json"));
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(QStringLiteral(R"({ "format": "bedrock-whatif-scenario", "version": 1,
    "name": "unpriced", "ratecard": "builtin", "unpriced_models": ["%1"],
    "workloads": [{ "id": "w", "requests_per_month": 1000000,
                    "tokens": { "user": 1000, "output": 100 },
                    "routing": { "%2": 0.5, "%1": 0.5 } }] })")
                 .arg(QString::fromLatin1(kUnknown), QString::fromLatin1(kHaiku))
                 .toUtf8());
  return path;
}

int badges(Window &w) {
  int count = 0;
  for (QToolButton *button : w.window.findChildren<QToolButton *>())
    if (button->objectName().startsWith(QStringLiteral("unpricedBadge")) && button->isVisible())
      ++count;
  return count;
}

} // namespace

TEST_CASE("The key figures flag traffic on a model without a price", "[gui][unpriced]") {
  Window w;
  QTemporaryDir folder;
  REQUIRE(w.window.openFile(writeScenario(folder)));
  test::settle();
  auto *flag = findChildOrFail<QPushButton>(&w.window, QStringLiteral("unpricedFlag"));
  CHECK(flag->isVisible());
  CHECK(flag->text().contains(QStringLiteral("500,000 requests")));
  CHECK(flag->text().contains(QString::fromLatin1(kUnknown)));
  // The routing editor marks the model, and the Workloads tab offers the fixes.
  CHECK(badges(w) == 1);
  auto *tabButton = findChildOrFail<QPushButton>(&w.window, QStringLiteral("unpricedModelsButton"));
  REQUIRE(tabButton->menu());
  CHECK(tabButton->menu()->actions().size() == 2);
  const double pricedNet = w.document().workbench().evaluation.netUsd;

  SECTION("Map to… is one undo step and re-prices the traffic") {
    const int steps = w.document().undoStack()->count();
    REQUIRE(ui::applyModelMapping(&w.document(), QString::fromLatin1(kUnknown),
                                  QString::fromLatin1(kHaiku)));
    test::settle();
    CHECK(w.document().undoStack()->count() == steps + 1);
    CHECK(w.document().scenario().unpricedModels.empty());
    CHECK(w.document().workbench().evaluation.unpriced.empty());
    // Twice the Haiku traffic: twice the cost.
    CHECK(w.document().workbench().evaluation.netUsd == Approx(2 * pricedNet));
    CHECK_FALSE(flag->isVisible());
    w.document().undoStack()->undo();
    test::settle();
    CHECK(flag->isVisible());
    CHECK(w.document().workbench().evaluation.netUsd == Approx(pricedNet));
  }
  SECTION("Type a price… is one undo step and re-prices the traffic") {
    const int steps = w.document().undoStack()->count();
    core::TypedPrice price;
    price.inputPer1m = 2;
    price.outputPer1m = 8;
    REQUIRE(ui::applyTypedPrice(&w.document(), QString::fromLatin1(kUnknown), price));
    test::settle();
    CHECK(w.document().undoStack()->count() == steps + 1);
    CHECK(w.document().rateCard().find(kUnknown) != nullptr);
    CHECK(w.document().scenario().unpricedModels.empty());
    // 500,000 × (1,000 × $2 + 100 × $8) / 1M = $1,400 more.
    CHECK(w.document().workbench().evaluation.netUsd == Approx(pricedNet + 1400.0));
    CHECK_FALSE(flag->isVisible());
    CHECK(badges(w) == 0);
    w.document().undoStack()->undo();
    test::settle();
    CHECK(flag->isVisible());
  }
}
