#include "tests/gui/guitestsupport.h"

#include "core/common/jsonreader.h"
#include "core/common/moneyformat.h"
#include "core/files/scenariofile.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// What the command line prints for `arguments`, parsed.
core::Json commandLineJson(const QStringList &arguments) {
  QProcess process;
  process.start(QStringLiteral(BWI_EXE_PATH), arguments);
  REQUIRE(process.waitForFinished(120000));
  INFO(process.readAllStandardError().toStdString());
  REQUIRE(process.exitCode() == 0);
  return core::Json::parse(process.readAllStandardOutput().toStdString());
}

} // namespace

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
  // The window's figures are the command line's, to the cent.
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
