#include "tests/gui/guitestsupport.h"

#include "core/common/jsonreader.h"
#include "core/common/moneyformat.h"
#include "core/files/scenariofile.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/escalationchartview.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// The Exception path curve redraws once the edits pause (ChartsPanel): wait that out.
void settleCurve() {
  test::settle();
  QTest::qWait(150);
  test::settle();
}

// What the command line prints for `arguments`, parsed.
core::Json commandLineJson(const QStringList &arguments) {
  QProcess process;
  process.start(QStringLiteral(BWI_EXE_PATH), arguments);
  REQUIRE(process.waitForFinished(120000));
  INFO(process.readAllStandardError().toStdString());
  REQUIRE(process.exitCode() == 0);
  return core::Json::parse(process.readAllStandardOutput().toStdString());
}

// `curve SCENARIO --kind escalation --workload ID`'s rows: escalation_rate, net_usd,
// all_premium_net_usd, is_break_even, is_scenario_rate.
QList<QStringList> curveRows(const QString &path, const std::string &workloadId) {
  QProcess curve;
  curve.start(QStringLiteral(BWI_EXE_PATH),
              {QStringLiteral("curve"), path, QStringLiteral("--kind"),
               QStringLiteral("escalation"), QStringLiteral("--workload"),
               QString::fromStdString(workloadId)});
  REQUIRE(curve.waitForFinished(120000));
  INFO(curve.readAllStandardError().toStdString());
  REQUIRE(curve.exitCode() == 0);
  QList<QStringList> rows;
  const QStringList lines = QString::fromUtf8(curve.readAllStandardOutput()).split(u'\n');
  for (const QString &line : lines.mid(1))
    if (!line.trimmed().isEmpty())
      rows.append(line.split(u','));
  return rows;
}

QLineSeries *seriesNamed(QChartView *view, const QString &name) {
  const QList<QAbstractSeries *> all = view->chart()->series();
  for (QAbstractSeries *series : all)
    if (series->name() == name)
      if (auto *line = qobject_cast<QLineSeries *>(series))
        return line;
  FAIL("no series " << name.toStdString());
  return nullptr;
}

bool showsMessage(QChartView *view, const QString &text) {
  const QList<QGraphicsItem *> items = view->scene()->items();
  return std::any_of(items.begin(), items.end(), [&](QGraphicsItem *item) {
    auto *message = dynamic_cast<QGraphicsTextItem *>(item);
    return message && message->isVisible() && message->toPlainText().contains(text);
  });
}

bool hasLabel(QChartView *view, const QString &text) {
  const QList<test::ChartLabel> labels = test::chartLabels(view);
  return std::any_of(labels.begin(), labels.end(),
                     [&](const test::ChartLabel &label) { return label.text == text; });
}

// The chart's curve, point for point, is the command line's for the scenario as it is now.
void checkChartAgainstCommandLine(ui::EscalationChartView *chart, ui::ScenarioDocument &document,
                                  const std::string &workloadId) {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("chart.json"));
  REQUIRE(core::saveScenarioFile(document.scenario(), path.toStdString()).ok);
  const QList<QStringList> rows = curveRows(path, workloadId);
  QLineSeries *policy = seriesNamed(chart, QStringLiteral("Cheap model first, then escalate"));
  QLineSeries *allPremium = seriesNamed(chart, QStringLiteral("All traffic on the target"));
  const QList<QPointF> points = policy->points();
  REQUIRE(points.size() == rows.size());
  REQUIRE(rows.size() > 100);
  for (qsizetype i = 0; i < rows.size(); ++i) {
    INFO("row " << i << ": " << rows[i].join(u',').toStdString());
    REQUIRE(rows[i].size() == 5);
    // The chart's x axis reads in percent; the CSV writes USD to 4 decimals.
    CHECK_THAT(points[i].x() / 100, Catch::Matchers::WithinAbs(rows[i][0].toDouble(), 1e-9));
    CHECK_THAT(points[i].y(), Catch::Matchers::WithinAbs(rows[i][1].toDouble(), 1e-4));
    CHECK_THAT(allPremium->points().front().y(),
               Catch::Matchers::WithinAbs(rows[i][2].toDouble(), 1e-4));
  }
}

} // namespace

TEST_CASE("The Exception path chart draws curve --kind escalation's points and follows every "
          "edit",
          "[gui][escalation][charts]") {
  Window w;
  ui::ScenarioDocument &document = w.document();
  auto *panel = findChildOrFail<ui::ChartsPanel>(&w.window, QStringLiteral("chartsPanel"));
  w.window.showPanel(panel);
  auto *chart =
      findChildOrFail<ui::EscalationChartView>(&w.window, QStringLiteral("escalationChart"));
  const auto &workloads = document.scenario().workloads;
  const auto withEscalation =
      std::find_if(workloads.begin(), workloads.end(),
                   [](const core::Workload &workload) { return workload.escalation.has_value(); });
  REQUIRE(withEscalation != workloads.end());
  const int index = static_cast<int>(withEscalation - workloads.begin());
  const std::string workloadId = withEscalation->id;
  // Another workload selected: the chart shows the first with an exception path.
  document.setSelectedWorkload(index == 0 ? 1 : 0);
  settleCurve();
  REQUIRE(chart->curve());
  CHECK(chart->curve()->breakEven.workloadId == workloadId);
  document.setSelectedWorkload(index);
  settleCurve();
  checkChartAgainstCommandLine(chart, document, workloadId);

  // e* marked and labelled as evaluate --json has it; the scenario's rate as a line.
  const auto &breakEven = chart->curve()->breakEven;
  if (breakEven.breakEvenRate)
    CHECK(hasLabel(
        chart, QStringLiteral("stops paying at %1")
                   .arg(QString::fromStdString(core::formatPercent(*breakEven.breakEvenRate)))));
  CHECK(hasLabel(
      chart, QStringLiteral("%1 rate %2")
                 .arg(breakEven.measured ? QStringLiteral("measured") : QStringLiteral("assumed"),
                      QString::fromStdString(core::formatPercent(breakEven.rate)))));

  // An edit of the rate redraws it: the line moves, the curve is the command line's again.
  auto *rate = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("escalationRateLever"));
  rate->field()->setFocus();
  rate->field()->selectAll();
  QTest::keyClicks(rate->field(), QStringLiteral("20"));
  QTest::keyClick(rate->field(), Qt::Key_Return);
  settleCurve();
  REQUIRE(chart->curve());
  CHECK(chart->curve()->breakEven.rate == 0.2);
  const QList<QPointF> line = seriesNamed(chart, QStringLiteral("Scenario's rate"))->points();
  REQUIRE(line.size() == 2);
  CHECK_THAT(line.front().x(), Catch::Matchers::WithinAbs(20, 1e-9));
  CHECK(hasLabel(chart, QStringLiteral("assumed rate 20.0%")));
  checkChartAgainstCommandLine(chart, document, workloadId);

  // Marking the rate measured is one undo step; the chart says so.
  auto *measured = findChildOrFail<QCheckBox>(&w.window, QStringLiteral("escalationMeasuredCheck"));
  REQUIRE(measured->isEnabled());
  CHECK_FALSE(measured->isChecked());
  const int steps = document.undoStack()->count();
  measured->click();
  settleCurve();
  CHECK(document.scenario().workloads[static_cast<std::size_t>(index)].escalation->measured);
  CHECK(document.undoStack()->count() == steps + 1);
  CHECK(hasLabel(chart, QStringLiteral("measured rate 20.0%")));
  document.undoStack()->undo();
  settleCurve();
  CHECK_FALSE(measured->isChecked());
  CHECK(hasLabel(chart, QStringLiteral("assumed rate 20.0%")));

  // No workload with an exception path: the chart says how to set one.
  findChildOrFail<QComboBox>(&w.window, QStringLiteral("escalationTargetCombo"))
      ->setCurrentIndex(0);
  settleCurve();
  if (std::none_of(document.scenario().workloads.begin(), document.scenario().workloads.end(),
                   [](const core::Workload &workload) { return workload.escalation; })) {
    CHECK_FALSE(chart->curve());
    CHECK(showsMessage(chart, QStringLiteral("No workload has an exception path")));
  }
  // Undo brings it back, drawn.
  document.undoStack()->undo();
  settleCurve();
  REQUIRE(chart->curve());
  CHECK_FALSE(showsMessage(chart, QStringLiteral("No workload has an exception path")));
}

TEST_CASE("The exception path lever drives the same numbers as evaluate and curve --kind "
          "escalation",
          "[gui][escalation]") {
  Window w;
  ui::ScenarioDocument &document = w.document();
  const auto &workloads = document.scenario().workloads;
  const auto withEscalation =
      std::find_if(workloads.begin(), workloads.end(),
                   [](const core::Workload &workload) { return workload.escalation.has_value(); });
  REQUIRE(withEscalation != workloads.end()); // the example carries an exception path
  const int index = static_cast<int>(withEscalation - workloads.begin());
  const std::string workloadId = withEscalation->id;
  const std::string target = withEscalation->escalation->to;
  findChildOrFail<QComboBox>(&w.window, QStringLiteral("workloadCombo"))->setCurrentIndex(index);
  REQUIRE(document.selectedWorkload() == index);

  auto *combo = findChildOrFail<QComboBox>(&w.window, QStringLiteral("escalationTargetCombo"));
  CHECK(combo->currentData().toString().toStdString() == target);
  auto *rate = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("escalationRateLever"));
  REQUIRE(rate->isEnabled());

  // The exact field: 12.5% is one undo step.
  const int steps = document.undoStack()->count();
  rate->field()->setFocus();
  rate->field()->selectAll();
  QTest::keyClicks(rate->field(), QStringLiteral("12.5"));
  QTest::keyClick(rate->field(), Qt::Key_Return);
  const core::Workload &edited = document.scenario().workloads[static_cast<std::size_t>(index)];
  REQUIRE(edited.escalation);
  CHECK(edited.escalation->rate == 0.125);
  CHECK(document.undoStack()->count() == steps + 1);

  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("lever.json"));
  REQUIRE(core::saveScenarioFile(document.scenario(), path.toStdString()).ok);
  const core::Json evaluated =
      commandLineJson({QStringLiteral("evaluate"), path, QStringLiteral("--json")});
  const auto &escalations = evaluated["escalations"];
  const auto entry = std::find_if(escalations.begin(), escalations.end(), [&](const auto &item) {
    return item["workload"].template get<std::string>() == workloadId;
  });
  REQUIRE(entry != escalations.end());
  CHECK((*entry)["rate"].get<double>() == 0.125);
  // The window's figures are the command line's, to the cent (e* is written once edits pause).
  settleCurve();
  const QString label =
      findChildOrFail<QLabel>(&w.window, QStringLiteral("escalationBreakEvenLabel"))->text();
  INFO(label.toStdString());
  CHECK(label.contains(
      QString::fromStdString(core::formatUsdExact((*entry)["net_usd"].get<double>()))));
  CHECK(label.contains(
      QString::fromStdString(core::formatUsdExact((*entry)["all_premium_net_usd"].get<double>()))));
  if (!(*entry)["break_even_rate"].is_null())
    CHECK(label.contains(
        QString::fromStdString(core::formatPercent((*entry)["break_even_rate"].get<double>()))));
  const QString net = findChildOrFail<QLabel>(&w.window, QStringLiteral("netFigure"))->text();
  CHECK(net.toStdString() == core::formatUsdExact(evaluated["net_usd"].get<double>()));

  QProcess curve;
  curve.start(QStringLiteral(BWI_EXE_PATH),
              {QStringLiteral("curve"), path, QStringLiteral("--kind"),
               QStringLiteral("escalation"), QStringLiteral("--workload"),
               QString::fromStdString(workloadId)});
  REQUIRE(curve.waitForFinished(120000));
  REQUIRE(curve.exitCode() == 0);
  // escalation_rate,net_usd,all_premium_net_usd,is_break_even,is_scenario_rate
  const QStringList rows = QString::fromUtf8(curve.readAllStandardOutput()).split(u'\n');
  bool atScenarioRate = false;
  for (const QString &row : rows.mid(1)) {
    const QStringList cells = row.split(u',');
    if (cells.size() != 5 || cells[4] != QStringLiteral("1"))
      continue;
    atScenarioRate = true;
    CHECK_THAT(cells[0].toDouble(), Catch::Matchers::WithinRel(0.125, 1e-12));
    // The CSV writes USD to 4 decimals.
    CHECK_THAT(cells[1].toDouble(),
               Catch::Matchers::WithinAbs((*entry)["net_usd"].get<double>(), 1e-4));
    CHECK_THAT(cells[2].toDouble(),
               Catch::Matchers::WithinAbs((*entry)["all_premium_net_usd"].get<double>(), 1e-4));
  }
  CHECK(atScenarioRate);

  // Choosing no exception path is one undo step, and undo brings it back.
  combo->setCurrentIndex(0);
  CHECK_FALSE(document.scenario().workloads[static_cast<std::size_t>(index)].escalation);
  CHECK_FALSE(rate->isEnabled());
  document.undoStack()->undo();
  REQUIRE(document.scenario().workloads[static_cast<std::size_t>(index)].escalation);
  CHECK(combo->currentData().toString().toStdString() == target);
  CHECK(rate->value() == 0.125);
}
