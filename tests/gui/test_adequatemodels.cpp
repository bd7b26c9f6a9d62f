#include "tests/gui/guitestsupport.h"

#include "core/common/moneyformat.h"
#include "ui/compare/comparepanel.h"
#include "ui/compare/comparisonset.h"
#include "ui/levers/numberfield.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUndoStack>

#include <algorithm>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

const std::string kHaiku = "anthropic.claude-haiku-4-5-20251001-v1:0";
const std::string kNovaMicro = "amazon.nova-micro-v1:0";
const std::string kNovaPro = "amazon.nova-pro-v1:0";

int workloadIndex(ui::ScenarioDocument &document, const std::string &id) {
  const auto &workloads = document.scenario().workloads;
  const auto found = std::find_if(workloads.begin(), workloads.end(),
                                  [&](const core::Workload &each) { return each.id == id; });
  REQUIRE(found != workloads.end());
  return static_cast<int>(found - workloads.begin());
}

// The editor's row of a model (the list is rebuilt after each edit: look it up again).
QListWidgetItem *row(Window &w, const std::string &modelId) {
  auto *list = findChildOrFail<QListWidget>(&w.window, QStringLiteral("adequateModelsList"));
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->data(Qt::UserRole).toString().toStdString() == modelId)
      return list->item(i);
  FAIL("no row for " << modelId);
  return nullptr;
}

// The models the optimizer's proposal routes a workload to.
std::vector<std::string> proposedModels(ui::ComparisonSet *set, int workload) {
  set->comparison(); // the live columns follow the last edit
  for (int column = 0; column < set->count(); ++column)
    if (set->column(column).source == ui::ComparisonSet::Source::Optimized) {
      std::vector<std::string> models;
      for (const core::RoutingShare &route :
           set->column(column).scenario.workloads[static_cast<std::size_t>(workload)].routing)
        if (route.share > 0)
          models.push_back(route.modelId);
      return models;
    }
  FAIL("no optimized column");
  return {};
}

void typeInto(QAbstractSpinBox *field, const QString &text) {
  field->setFocus();
  field->selectAll();
  QTest::keyClicks(field, text);
  QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

TEST_CASE("The adequate-models editor: a tick is one undo step, and Optimize keeps to the set",
          "[gui][adequacy]") {
  Window w;
  ui::ScenarioDocument &document = w.document();
  // Support assistant: runs on Claude Haiku 4.5, adequate set Haiku, Sonnet 4.5 and Nova Pro.
  const int support = workloadIndex(document, "support-rag");
  document.setSelectedWorkload(support);
  // A reference into the document's scenario, read again after each edit.
  const auto workload = [&]() -> const core::Workload & {
    return document.scenario().workloads[static_cast<std::size_t>(support)];
  };
  REQUIRE(workload().routing.size() == 1);
  REQUIRE(workload().routing.front().modelId == kHaiku);

  // Today's model: ticked, not to untick, and said so; each score with its board and date.
  QListWidgetItem *haiku = row(w, kHaiku);
  CHECK(haiku->checkState() == Qt::Checked);
  CHECK_FALSE(haiku->flags() & Qt::ItemIsEnabled);
  CHECK(haiku->text().contains(QStringLiteral("runs on it today")));
  const core::ModelRates *micro = document.rateCard().find(kNovaMicro);
  REQUIRE(micro);
  REQUIRE(micro->quality);
  const QString score = QStringLiteral("score %1 (%2, %3)")
                            .arg(QString::fromStdString(core::formatCount(micro->quality->score)),
                                 QString::fromStdString(micro->quality->leaderboard),
                                 QString::fromStdString(micro->quality->date));
  INFO(row(w, kNovaMicro)->text().toStdString());
  CHECK(row(w, kNovaMicro)->text().contains(score));
  CHECK(row(w, kNovaMicro)->text().contains(QStringLiteral("Amazon")));
  CHECK(row(w, kNovaMicro)->checkState() == Qt::Unchecked);
  CHECK(row(w, kNovaPro)->checkState() == Qt::Checked); // listed in the file

  // The search box narrows the list without touching the scenario.
  auto *search = findChildOrFail<QLineEdit>(&w.window, QStringLiteral("adequateModelsSearch"));
  QTest::keyClicks(search, QStringLiteral("nova micro"));
  CHECK_FALSE(row(w, kNovaMicro)->isHidden());
  CHECK(row(w, kHaiku)->isHidden());
  search->clear();
  CHECK_FALSE(row(w, kHaiku)->isHidden());

  // The optimizer, before: Haiku's traffic goes to the cheapest listed model, never Nova Micro.
  auto *compare = findChildOrFail<ui::ComparePanel>(&w.window, QStringLiteral("comparePanel"));
  compare->optimize();
  ui::ComparisonSet *set = compare->comparisonSet();
  const std::vector<std::string> before = proposedModels(set, support);
  CHECK(std::find(before.begin(), before.end(), kNovaMicro) == before.end());
  for (const std::string &model : before) {
    INFO(model);
    CHECK((model == kHaiku ||
           std::find(workload().adequateModels.begin(), workload().adequateModels.end(), model) !=
               workload().adequateModels.end()));
  }

  // Ticking Nova Micro: one undo step, in the file's list, and Optimize re-runs with it.
  const int steps = document.undoStack()->count();
  row(w, kNovaMicro)->setCheckState(Qt::Checked);
  CHECK(document.undoStack()->count() == steps + 1);
  const auto &listed = workload().adequateModels;
  CHECK(std::find(listed.begin(), listed.end(), kNovaMicro) != listed.end());
  CHECK(row(w, kNovaMicro)->checkState() == Qt::Checked);
  CHECK(proposedModels(set, support) == std::vector<std::string>{kNovaMicro});

  // Undo takes the tick back, and the proposal with it.
  document.undoStack()->undo();
  CHECK(std::find(workload().adequateModels.begin(), workload().adequateModels.end(), kNovaMicro) ==
        workload().adequateModels.end());
  CHECK(row(w, kNovaMicro)->checkState() == Qt::Unchecked);
  CHECK(proposedModels(set, support) == before);

  // Unticking every listed model (today's is adequate without a tick) empties the list: the
  // minimum score becomes the rule.
  auto *rule = findChildOrFail<QLabel>(&w.window, QStringLiteral("adequacyRuleLabel"));
  CHECK(rule->text().contains(QStringLiteral("only to the ticked models")));
  for (const std::string &id : std::vector<std::string>(workload().adequateModels))
    if (id != kHaiku)
      row(w, id)->setCheckState(Qt::Unchecked);
  CHECK(workload().adequateModels.empty());
  CHECK(row(w, kHaiku)->checkState() == Qt::Checked);
  auto *minimum = findChildOrFail<ui::NumberField>(&w.window, QStringLiteral("minQualityField"));
  const int beforeMinimum = document.undoStack()->count();
  typeInto(minimum, QStringLiteral("1300"));
  REQUIRE(workload().minQuality);
  CHECK(*workload().minQuality == 1300);
  CHECK(document.undoStack()->count() == beforeMinimum + 1);
  CHECK(rule->text().contains(QStringLiteral("1,300")));
  // Every model the proposal routes to now scores at least the minimum (or runs there today).
  for (const std::string &model : proposedModels(set, support)) {
    INFO(model);
    const core::ModelRates *rates = document.rateCard().find(model);
    REQUIRE(rates);
    CHECK((model == kHaiku || (rates->quality && rates->quality->score >= 1300)));
  }
  // 0 is "none": the field leaves the file, one step.
  typeInto(minimum, QStringLiteral("0"));
  CHECK_FALSE(workload().minQuality);
  CHECK(document.undoStack()->count() == beforeMinimum + 2);
  CHECK(rule->text().contains(QStringLiteral("stays with Anthropic")));
}
