#include "tests/gui/guitestsupport.h"

#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "ui/keyfiguresstrip.h"

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

QString shown(Window &w, const char *name) {
  return findChildOrFail<QLabel>(&w.window, QString::fromLatin1(name))->text();
}

// The first routed model of the selected workload that offers no flex tier, or "".
std::string modelWithoutFlex(const ui::ScenarioDocument &document) {
  const auto &workload =
      document.scenario().workloads[static_cast<std::size_t>(document.selectedWorkload())];
  for (const core::RoutingShare &route : workload.routing)
    if (const core::ModelRates *rates = document.rateCard().find(route.modelId);
        rates && !rates->tierMultiplier(core::ServiceTier::Flex) && route.share > 0)
      return route.modelId;
  return {};
}

} // namespace

TEST_CASE("Change vs. as opened compares the same month", "[gui][keyfigures]") {
  Window w;
  auto *month = findChildOrFail<QSpinBox>(&w.window, QStringLiteral("monthSpin"));
  month->setValue(4);
  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("opened.json"));
  REQUIRE(w.window.saveTo(path));
  REQUIRE(w.window.openFile(path)); // opened on month 4
  CHECK(shown(w, "changeFigure").startsWith(QStringLiteral("$0.00")));
  month->setValue(1); // nothing edited: still no change
  REQUIRE(w.document().month() == 0);
  REQUIRE(w.document().workbench().figures.changeUsd.has_value());
  CHECK(*w.document().workbench().figures.changeUsd == Approx(0.0).margin(1e-9));
  CHECK(shown(w, "changeFigure").startsWith(QStringLiteral("$0.00")));

  // An edit on month 1 is measured against month 1 of the file as opened.
  REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 2.0, QStringLiteral("x2")));
  core::Scenario opened = w.document().scenario();
  opened.globalVolumeMultiplier = 1.0;
  const double openedNet =
      core::evaluate(core::prepareScenario(opened, w.document().rateCard()), 0).netUsd;
  CHECK(*w.document().workbench().figures.changeUsd ==
        Approx(w.document().workbench().evaluation.netUsd - openedNet));
}

TEST_CASE("A billing fallback of the evaluation shows in the window", "[gui][keyfigures]") {
  Window w;
  const std::string model = modelWithoutFlex(w.document());
  REQUIRE_FALSE(model.empty());
  auto *warnings = findChildOrFail<QLabel>(&w.window, QStringLiteral("evaluationWarnings"));
  // The example may carry other warnings (a dated card without forecast.start_month,
  // docs/cost-model.md 13): only the billing fallback comes and goes with the tier.
  const auto fallbackShown = [&] {
    return warnings->isVisible() &&
           (warnings->text() + warnings->toolTip()).contains(QStringLiteral("billed at standard"));
  };
  CHECK_FALSE(fallbackShown());
  auto *tier = findChildOrFail<QComboBox>(&w.window, QStringLiteral("serviceTierCombo"));
  tier->setCurrentIndex(tier->findData(QStringLiteral("flex")));
  REQUIRE(w.document().workbench().evaluation.warnings.size() >= 1);
  QTest::qWait(10);
  CHECK(warnings->isVisible());
  const QString text = warnings->text() + warnings->toolTip();
  INFO(text.toStdString());
  CHECK(text.contains(QString::fromStdString(model)));
  CHECK(text.contains(QStringLiteral("billed at standard")));
  tier->setCurrentIndex(tier->findData(QStringLiteral("standard")));
  QTest::qWait(10);
  CHECK_FALSE(fallbackShown());
}
