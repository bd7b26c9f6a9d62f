#include "tests/gui/guitestsupport.h"

#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "ui/document/autosave.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// What core computes for the document's scenario as it stands now.
double coreNetUsd(const ui::ScenarioDocument &document) {
  const auto prepared = core::prepareScenario(document.scenario(), document.rateCard());
  return core::evaluate(prepared, document.month()).netUsd;
}

QString shownNet(QObject *window) {
  return findChildOrFail<QLabel>(window, QStringLiteral("netFigure"))->text();
}

QString money(double usd) { return QString::fromStdString(core::formatUsdExact(usd)); }

} // namespace

TEST_CASE("The window opens on the example with core's figures", "[gui]") {
  Window w;
  REQUIRE(w.document().scenario().workloads.size() >= 5);
  CHECK(shownNet(&w.window) == money(coreNetUsd(w.document())));
  CHECK(w.window.windowTitle().contains(QStringLiteral("Bedrock What-If")));
}

TEST_CASE("Moving the volume slider changes the scenario and the figures; undo restores both",
          "[gui]") {
  Window w;
  auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("globalVolumeLever"));
  const QString before = shownNet(&w.window);
  const double netBefore = coreNetUsd(w.document());

  // A drag: press, several steps, release — one undo step.
  QSlider *slider = lever->slider();
  slider->setFocus();
  slider->setSliderDown(true);
  for (int step = 0; step < 5; ++step)
    slider->setValue(slider->value() + 40);
  slider->setSliderDown(false);

  const double multiplier = w.document().scenario().globalVolumeMultiplier;
  CHECK(multiplier > 1.0);
  CHECK_THAT(multiplier, Catch::Matchers::WithinRel(lever->value(), 1e-12));
  CHECK(shownNet(&w.window) == money(coreNetUsd(w.document())));
  CHECK(shownNet(&w.window) != before);
  CHECK(w.document().undoStack()->count() == 1);
  CHECK(w.window.isWindowModified());

  w.document().undoStack()->undo();
  CHECK(w.document().scenario().globalVolumeMultiplier == 1.0);
  CHECK(shownNet(&w.window) == before);
  CHECK(coreNetUsd(w.document()) == netBefore);
  CHECK_THAT(lever->value(), Catch::Matchers::WithinAbs(1.0, 1e-9));
  CHECK_FALSE(w.window.isWindowModified());
}

TEST_CASE("Keyboard steps on a slider are separate undo steps", "[gui]") {
  Window w;
  auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("batchShareLever"));
  lever->slider()->setFocus();
  QTest::keyClick(lever->slider(), Qt::Key_Right);
  QTest::keyClick(lever->slider(), Qt::Key_Right);
  CHECK(w.document().undoStack()->count() == 2);
  const int workload = w.document().selectedWorkload();
  CHECK_THAT(w.document().scenario().workloads[static_cast<std::size_t>(workload)].batchShare,
             Catch::Matchers::WithinAbs(0.02, 1e-9));
}

TEST_CASE("Typing an exact value into a lever's field sets it", "[gui]") {
  Window w;
  auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("requestsLever"));
  lever->field()->setFocus();
  lever->field()->selectAll();
  QTest::keyClicks(lever->field(), QStringLiteral("1234567"));
  QTest::keyClick(lever->field(), Qt::Key_Return);
  const int workload = w.document().selectedWorkload();
  CHECK(w.document().scenario().workloads[static_cast<std::size_t>(workload)].requestsPerMonth ==
        1234567.0);
  CHECK(shownNet(&w.window) == money(coreNetUsd(w.document())));
}

TEST_CASE("Routing shares stay at 100% as one is dragged", "[gui]") {
  Window w;
  // A workload routed to two models or more (the example's first runs on one
  // model and escalates).
  const auto &workloads = w.document().scenario().workloads;
  const auto split =
      std::find_if(workloads.begin(), workloads.end(),
                   [](const core::Workload &entry) { return entry.routing.size() > 1; });
  REQUIRE(split != workloads.end());
  const int workload = static_cast<int>(split - workloads.begin());
  w.document().setSelectedWorkload(workload);
  auto *share = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("shareLever0"));
  for (int position : {100, 350, 999, 0, 620}) {
    share->slider()->setSliderDown(true);
    share->slider()->setValue(position);
    share->slider()->setSliderDown(false);
    const auto &routing =
        w.document().scenario().workloads[static_cast<std::size_t>(workload)].routing;
    const double total =
        std::accumulate(routing.begin(), routing.end(), 0.0,
                        [](double sum, const auto &route) { return sum + route.share; });
    CHECK_THAT(total, Catch::Matchers::WithinAbs(1.0, 1e-12));
    CHECK_THAT(routing[0].share, Catch::Matchers::WithinAbs(position / 1000.0, 1e-9));
  }
}

TEST_CASE("Route by tier replaces the mix with one undo step", "[gui]") {
  Window w;
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("routeByTierButton"))->click();
  const auto &routing = w.document()
                            .scenario()
                            .workloads[static_cast<std::size_t>(w.document().selectedWorkload())]
                            .routing;
  double total = 0;
  for (const auto &route : routing)
    total += route.share;
  CHECK_THAT(total, Catch::Matchers::WithinAbs(1.0, 1e-12));
  CHECK(routing.size() >= 2);
  CHECK(w.document().undoStack()->count() == 1);
}

TEST_CASE("Saving and reopening gives the same scenario", "[gui]") {
  Window w;
  auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("discountLever"));
  lever->slider()->setValue(lever->slider()->value() + 100);
  const core::Scenario edited = w.document().scenario();
  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("saved.json"));
  REQUIRE(w.window.saveTo(path));
  CHECK_FALSE(w.window.isWindowModified());

  Window other;
  REQUIRE(other.window.openFile(path));
  CHECK(other.document().scenario() == edited);
  CHECK(shownNet(&other.window) == shownNet(&w.window));
}

TEST_CASE("A broken file leaves the open scenario untouched", "[gui]") {
  Window w;
  auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("globalVolumeLever"));
  lever->slider()->setValue(lever->slider()->value() + 50);
  const core::Scenario before = w.document().scenario();
  const QString net = shownNet(&w.window);
  const int undoSteps = w.document().undoStack()->count();

  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("broken.json"));
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(
      R"({ "workloads": [ { "id": "a", "requests_per_month": -4, "routing": {"x": 1} } ] })");
  file.close();

  CHECK_FALSE(w.window.openFile(path));
  CHECK(w.window.lastMessage().contains(QStringLiteral("workloads[0].requests_per_month")));
  CHECK(w.window.lastMessage().contains(QStringLiteral("broken.json")));
  CHECK(w.document().scenario() == before);
  CHECK(shownNet(&w.window) == net);
  CHECK(w.document().undoStack()->count() == undoSteps);
}

TEST_CASE("A commitment needs the quote first, then its units move the figures", "[gui]") {
  Window w;
  // Start from one workload on Nova Lite, whose PT price AWS does not publish.
  ui::ScenarioDocument &document = w.document();
  core::Scenario scenario = document.scenario();
  scenario.provisioned.clear();
  scenario.reserved.clear();
  scenario.ratecardOverrides.clear();
  REQUIRE(document.replaceScenario(scenario, QStringLiteral("clear commitments")));
  document.setSelectedModel(QStringLiteral("amazon.nova-micro-v1:0"));
  // Units on an unquoted model are refused.
  CHECK_FALSE(document.setValue({core::Field::ProvisionedUnits, -1, "amazon.nova-micro-v1:0"}, 2.0,
                                QStringLiteral("units")));
  auto *rate = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteRate"));
  rate->setValue(2.5);
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteInputTpm"))->setValue(2e6);
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteOutputTpm"))->setValue(2e5);
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("ptQuoteButton"))->click();
  REQUIRE(document.rateCard().find("amazon.nova-micro-v1:0")->ptCapable());

  auto *units = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("ptUnitsLever"));
  units->slider()->setValue(units->slider()->maximum());
  REQUIRE(document.scenario().provisioned.size() == 1);
  CHECK(shownNet(&w.window) == money(coreNetUsd(document)));
  document.undoStack()->undo();
  CHECK(document.scenario().provisioned.empty());
}

TEST_CASE("Autosave writes unsaved edits and offers them back", "[gui]") {
  ui::Autosave::discard();
  core::Scenario edited;
  {
    Window w;
    auto *lever = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("globalVolumeLever"));
    lever->slider()->setValue(lever->slider()->value() + 123);
    edited = w.document().scenario();
    ui::Autosave autosave(&w.document(), 60000);
    REQUIRE(autosave.saveNow());
  }
  REQUIRE(ui::Autosave::pendingRecovery().has_value());
  Window restarted;
  restarted.window.offerRecovery();
  CHECK(restarted.document().scenario() == edited);
  CHECK(restarted.window.isWindowModified());
  ui::Autosave::discard();
}

TEST_CASE("Each chart can be exported or copied from its context menu", "[gui]") {
  Window w;
  for (const char *name :
       {"volumeChart", "commitmentChart", "breakdownChart", "forecastChart", "loadChart"}) {
    auto *chart = findChildOrFail<QWidget>(&w.window, QString::fromLatin1(name));
    REQUIRE(chart->actions().size() == 2);
    CHECK(chart->contextMenuPolicy() == Qt::ActionsContextMenu);
  }
  auto *volume = findChildOrFail<QWidget>(&w.window, QStringLiteral("volumeChart"));
  volume->actions().at(1)->trigger(); // Copy chart
  const QImage copied = QGuiApplication::clipboard()->image();
  CHECK(copied.width() == 2400);
  CHECK(copied.height() == 1350);
}
