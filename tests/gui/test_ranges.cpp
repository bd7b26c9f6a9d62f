#include "tests/gui/guitestsupport.h"

#include "core/analysis/tornado.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"
#include "core/report/meetingsummary.h"
#include "ui/charts/plannerchartview.h"
#include "ui/charts/tornadochartview.h"
#include "ui/document/fanjob.h"
#include "ui/document/latestjob.h"
#include "ui/ranges/goalseekbox.h"
#include "ui/ranges/leverlabels.h"
#include "ui/ranges/rangespanel.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

ui::RangesPanel *openRangesTab(Window &w) {
  auto *panel = findChildOrFail<ui::RangesPanel>(&w.window, QStringLiteral("rangesPanel"));
  w.window.showPanel(panel);
  REQUIRE(panel->isVisible());
  return panel;
}

// The categories of a chart's vertical (lever or choice) axis, top first.
QStringList categoriesTopFirst(QChart *chart) {
  const auto axes = chart->axes(Qt::Vertical);
  for (QAbstractAxis *axis : axes)
    if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
      QStringList names;
      for (const QString &category : categories->categories()) {
        // A long name is wrapped onto lines (rich text): read it as the user does.
        QTextDocument document;
        document.setHtml(category);
        names.append(document.toPlainText().simplified());
      }
      std::reverse(names.begin(), names.end()); // Qt draws the first at the bottom
      return names;
    }
  return {};
}

QAreaSeries *band(QChart *chart) {
  const auto all = chart->series();
  for (QAbstractSeries *series : all)
    if (auto *area = qobject_cast<QAreaSeries *>(series))
      return area;
  return nullptr;
}

core::Tornado coreTornado(ui::ScenarioDocument &document) {
  core::TornadoOptions options;
  options.month = document.month();
  return core::tornado(document.scenario(), document.rateCard(), options);
}

bool waitForFan(ui::FanJob *fan) {
  return QTest::qWaitFor([fan] { return !fan->computing(); }, 20000);
}

} // namespace

TEST_CASE("The tornado shows core's levers in swing order, and its range is one undo step",
          "[gui][ranges]") {
  Window w;
  openRangesTab(w);
  auto *chart = findChildOrFail<ui::TornadoChartView>(&w.window, QStringLiteral("tornadoChart"));
  const core::Tornado expected = coreTornado(w.document());
  const QStringList shown = categoriesTopFirst(chart->chart());
  REQUIRE(shown.size() == static_cast<qsizetype>(expected.bars.size()));
  for (std::size_t i = 0; i < expected.bars.size(); ++i) {
    INFO("row " << i << ": " << shown[static_cast<qsizetype>(i)].toStdString());
    CHECK(shown[static_cast<qsizetype>(i)].startsWith(ui::leverLabel(expected.bars[i].lever)));
    if (i > 0)
      CHECK(expected.bars[i - 1].swingUsd() >= expected.bars[i].swingUsd());
  }

  auto *range = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("sensitivityRangeField"));
  CHECK(range->value() == 25);
  range->setValue(10);
  REQUIRE(w.document().scenario().forecast.sensitivityRange.has_value());
  CHECK(*w.document().scenario().forecast.sensitivityRange == 0.10);
  CHECK(w.document().undoStack()->count() == 1);
  const core::Tornado narrower = coreTornado(w.document());
  CHECK(chart->leverOrder().size() == static_cast<qsizetype>(narrower.bars.size()));
  CHECK(categoriesTopFirst(chart->chart())
            .front()
            .startsWith(ui::leverLabel(narrower.bars.front().lever)));
  w.document().undoStack()->undo();
  CHECK_FALSE(w.document().scenario().forecast.sensitivityRange.has_value());
  CHECK(range->value() == 25);
}

TEST_CASE("An edit cancels the fan in flight and the fan shown is core's for the final scenario",
          "[gui][ranges]") {
  Window w;
  ui::FanJob *fan = w.document().fanJob();
  REQUIRE(fan->monteCarlo()); // the example has uncertain levers beside the volume
  REQUIRE(waitForFan(fan));
  auto *chart = findChildOrFail<QChartView>(&w.window, QStringLiteral("forecastChart"));
  QAreaSeries *shownBand = band(chart->chart());
  REQUIRE(shownBand != nullptr);
  CHECK(shownBand->isVisible());

  const int started = fan->job().startedRuns();
  const int cancelled = fan->job().cancelledRuns();
  // Two edits back to back, as a slider drag delivers them: the first run is superseded.
  REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 1.3, QStringLiteral("a")));
  CHECK(fan->computing());
  CHECK_FALSE(shownBand->isVisible()); // no fan of the previous scenario on screen
  REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 1.6, QStringLiteral("b")));
  CHECK(fan->job().startedRuns() == started + 2);
  CHECK(fan->job().cancelledRuns() >= cancelled + 1);

  REQUIRE(waitForFan(fan));
  CHECK(shownBand->isVisible());
  const auto prepared = core::prepareScenario(w.document().scenario(), w.document().rateCard());
  const core::Forecast expected = core::forecast(prepared); // with its Monte Carlo fan
  REQUIRE(expected.fanMethod == core::FanMethod::MonteCarlo);
  const QList<QPointF> upper = shownBand->upperSeries()->points();
  const QList<QPointF> lower = shownBand->lowerSeries()->points();
  REQUIRE(upper.size() == static_cast<qsizetype>(expected.months.size()));
  REQUIRE(lower.size() == upper.size());
  for (std::size_t month = 0; month < expected.months.size(); ++month) {
    CHECK(upper[static_cast<qsizetype>(month)].y() == *expected.months[month].netP90Usd);
    CHECK(lower[static_cast<qsizetype>(month)].y() == *expected.months[month].netP10Usd);
  }
  REQUIRE(fan->forecast() != nullptr);
  CHECK(fan->forecast()->firstLikelyOverBudgetMonth == expected.firstLikelyOverBudgetMonth);
}

TEST_CASE("The monthly budget is typed on the Ranges tab as one undo step", "[gui][ranges]") {
  Window w;
  openRangesTab(w);
  auto *budget = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("budgetField"));
  const auto before = w.document().scenario().forecast.budgetUsd;
  budget->setValue(300000);
  CHECK(w.document().scenario().forecast.budgetUsd == 300000.0);
  CHECK(w.document().undoStack()->count() == 1);
  budget->setValue(0); // none: the field leaves the scenario
  CHECK_FALSE(w.document().scenario().forecast.budgetUsd.has_value());
  w.document().undoStack()->undo();
  w.document().undoStack()->undo();
  CHECK(w.document().scenario().forecast.budgetUsd == before);
  CHECK(budget->value() == before.value_or(0));
}

TEST_CASE("Goal seek finds core's answer and Apply is one undo step", "[gui][ranges]") {
  Window w;
  openRangesTab(w);
  auto *box = findChildOrFail<ui::GoalSeekBox>(&w.window, QStringLiteral("goalSeek"));
  auto *metric = findChildOrFail<QComboBox>(box, QStringLiteral("goalSeekMetric"));
  auto *lever = findChildOrFail<QComboBox>(box, QStringLiteral("goalSeekLever"));
  auto *target = findChildOrFail<QDoubleSpinBox>(box, QStringLiteral("goalSeekTarget"));
  auto *apply = findChildOrFail<QPushButton>(box, QStringLiteral("goalSeekApply"));
  metric->setCurrentIndex(metric->findData(static_cast<int>(core::GoalMetric::NetUsd)));
  lever->setCurrentIndex(lever->findData(static_cast<int>(core::ScaledLever::Volume)));
  target->setValue(250000);
  CHECK_FALSE(apply->isEnabled());
  findChildOrFail<QPushButton>(box, QStringLiteral("goalSeekFind"))->click();

  core::GoalSeekRequest request;
  request.target = 250000;
  const core::GoalSeekResult expected =
      core::goalSeek(w.document().scenario(), w.document().rateCard(), request);
  REQUIRE(expected.found);
  CHECK(findChildOrFail<QLabel>(box, QStringLiteral("goalSeekAnswer"))->text() ==
        QString::fromStdString(expected.message));
  REQUIRE(apply->isEnabled());
  apply->click();
  CHECK(w.document().undoStack()->count() == 1);
  CHECK(w.document().scenario().globalVolumeMultiplier == *expected.value);
  const auto prepared = core::prepareScenario(w.document().scenario(), w.document().rateCard());
  CHECK_THAT(core::evaluate(prepared, 0).netUsd, Catch::Matchers::WithinRel(250000.0, 1e-4));
  CHECK_FALSE(apply->isEnabled()); // the answer was for the scenario before
  w.document().undoStack()->undo();
  CHECK(w.document().scenario().globalVolumeMultiplier == 1.0);
}

TEST_CASE("Goal seek says so when no value in the lever's range meets the target",
          "[gui][ranges]") {
  Window w;
  openRangesTab(w);
  auto *box = findChildOrFail<ui::GoalSeekBox>(&w.window, QStringLiteral("goalSeek"));
  auto *metric = findChildOrFail<QComboBox>(box, QStringLiteral("goalSeekMetric"));
  auto *lever = findChildOrFail<QComboBox>(box, QStringLiteral("goalSeekLever"));
  metric->setCurrentIndex(metric->findData(static_cast<int>(core::GoalMetric::NetUsd)));
  lever->setCurrentIndex(lever->findData(static_cast<int>(core::ScaledLever::Discount)));
  findChildOrFail<QDoubleSpinBox>(box, QStringLiteral("goalSeekTarget"))->setValue(1000);
  findChildOrFail<QPushButton>(box, QStringLiteral("goalSeekFind"))->click();
  REQUIRE(box->result().has_value());
  CHECK_FALSE(box->result()->found);
  const QString answer = findChildOrFail<QLabel>(box, QStringLiteral("goalSeekAnswer"))->text();
  CHECK(answer == QString::fromStdString(box->result()->message));
  CHECK_FALSE(answer.isEmpty());
  CHECK_FALSE(findChildOrFail<QPushButton>(box, QStringLiteral("goalSeekApply"))->isEnabled());
}

TEST_CASE("The planner chart shows core's choices and marks its recommendation", "[gui][ranges]") {
  Window w;
  ui::RangesPanel *panel = openRangesTab(w);
  REQUIRE(QTest::qWaitFor([panel] { return panel->plan().has_value(); }, 20000));
  const auto prepared = core::prepareScenario(w.document().scenario(), w.document().rateCard());
  const auto expected = core::planCommitments(prepared);
  REQUIRE(expected.has_value());
  auto *chart = findChildOrFail<ui::PlannerChartView>(&w.window, QStringLiteral("plannerChart"));
  QStringList wanted;
  for (const core::ModelPlan &model : expected->models)
    for (std::size_t i = 0; i < model.choices.size(); ++i)
      wanted.append((model.recommendedChoice == i ? QStringLiteral("▶ ") : QString()) +
                    ui::planChoiceText(model.choices[i]));
  CHECK(categoriesTopFirst(chart->chart()) == wanted);
  REQUIRE(panel->plan()->models.size() == expected->models.size());
  for (std::size_t m = 0; m < expected->models.size(); ++m) {
    CHECK(panel->plan()->models[m].recommendation == expected->models[m].recommendation);
    for (std::size_t c = 0; c < expected->models[m].choices.size(); ++c)
      CHECK(panel->plan()->models[m].choices[c].expectedMonthlyUsd ==
            expected->models[m].choices[c].expectedMonthlyUsd);
  }
  // The models without a PT price are named as needing a quote.
  CHECK(chart->headerText().contains(QStringLiteral("quote needed")));
  for (const core::ModelPlan &model : expected->models)
    if (model.priced)
      CHECK(chart->headerText().contains(QString::fromStdString(model.reason)));
}

TEST_CASE("A negative budget is refused with a message and the budget stays", "[gui][ranges]") {
  Window w;
  openRangesTab(w);
  auto *budget = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("budgetField"));
  const auto before = w.document().scenario().forecast.budgetUsd;
  REQUIRE(before.has_value());
  budget->setFocus();
  budget->selectAll();
  QTest::keyClicks(budget, QStringLiteral("-100"));
  QTest::keyClick(budget, Qt::Key_Return);
  CHECK(w.document().scenario().forecast.budgetUsd == before);
  CHECK(w.document().undoStack()->count() == 0);
  CHECK(budget->value() == *before);
  const QString message = w.window.statusBar()->currentMessage();
  INFO(message.toStdString());
  CHECK(message.contains(QStringLiteral("-100")));
}

TEST_CASE("The planner counts its months as the window does", "[gui][ranges]") {
  Window w;
  const auto prepared = core::prepareScenario(w.document().scenario(), w.document().rateCard());
  const auto plan = core::planCommitments(prepared);
  REQUIRE(plan.has_value());
  bool paying = false;
  for (const core::ModelPlan &model : plan->models) {
    INFO(model.reason);
    CHECK(model.reason.find("month 0") == std::string::npos);
    if (!model.recommendedChoice)
      continue;
    const core::PlanChoice &choice = model.choices[*model.recommendedChoice];
    if (choice.term && choice.breakEvenMonth) {
      paying = true;
      // Month m of the plan is M(m+1) on the window's axis: the text says which it is in words.
      CHECK(model.reason.find("pays from the plan's") != std::string::npos);
    }
  }
  CHECK(paying);
}

TEST_CASE("The meeting pack recommends what the planner recommends", "[gui][ranges]") {
  Window w;
  const core::PreparedScenario prepared =
      core::prepareScenario(w.document().scenario(), w.document().rateCard());
  const auto plan = core::planCommitments(prepared);
  REQUIRE(plan.has_value());
  const core::WorkbenchFigures &workbench = w.document().workbench();
  const core::MeetingSummary summary = core::meetingSummary(
      w.document().scenario().forecast, workbench.evaluation, workbench.forecast, &*plan);
  bool compared = false;
  for (const core::CommitmentAdvice &advice : summary.commitments)
    for (const core::ModelPlan &model : plan->models)
      if (model.modelId == advice.modelId && model.priced) {
        INFO(advice.advice);
        CHECK(advice.advice.find(model.reason) != std::string::npos);
        if (model.recommendedChoice &&
            model.choices[*model.recommendedChoice].modelUnits != advice.optimalUnits) {
          // Two different numbers of units: the pack says why.
          CHECK(advice.advice.find("12 months") != std::string::npos);
          compared = true;
        }
      }
  CHECK(compared);
}
