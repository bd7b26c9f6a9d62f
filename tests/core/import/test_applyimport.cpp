#include "core/import/applyimport.h"
#include "core/import/importscenario.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::importDataPath;

namespace {

core::LoadedScenario example() {
  const auto load = core::loadExampleScenario();
  INFO(load.report());
  REQUIRE(load.loaded);
  return *load.loaded;
}

} // namespace

TEST_CASE("Accepting measured traffic replaces the workloads and clears the commitments",
          "[core][import]") {
  const core::LoadedScenario open = example();
  REQUIRE_FALSE(open.scenario.provisioned.empty());
  core::ImportRequest request;
  request.kind = core::ImportKind::HourlyCsv;
  request.paths = {importDataPath("hourly.csv")};
  const core::ImportOutcome outcome = core::runImport(request, open.card);
  REQUIRE_FALSE(outcome.failure);
  REQUIRE_FALSE(outcome.usage.groups.empty());

  const core::AppliedImport applied = core::applyImport(open.scenario, open.card, outcome);
  CHECK(applied.change == core::ImportChange::Workloads);
  CHECK(applied.scenario.name == open.scenario.name);
  CHECK(applied.scenario.agreement == open.scenario.agreement);
  CHECK(applied.scenario.hoursPerMonth == open.scenario.hoursPerMonth);
  CHECK(applied.scenario.provisioned.empty());
  CHECK(applied.scenario.reserved.empty());
  std::vector<std::string> warnings;
  const core::Scenario measured =
      core::scenarioFromUsage(outcome.usage.groups, open.card, open.scenario.name, warnings);
  CHECK(applied.scenario.workloads == measured.workloads);
  CHECK(applied.warnings == warnings);
}

TEST_CASE("Accepting a price list makes it the scenario's inline card and keeps the rest",
          "[core][import]") {
  const core::LoadedScenario open = example();
  core::ImportRequest request;
  request.kind = core::ImportKind::PriceList;
  request.paths = {importDataPath("pricelist-AmazonBedrock.json"),
                   importDataPath("pricelist-AmazonBedrockFoundationModels.json")};
  const core::ImportOutcome outcome = core::runImport(request, open.card);
  REQUIRE_FALSE(outcome.failure);

  const core::AppliedImport applied = core::applyImport(open.scenario, open.card, outcome);
  CHECK(applied.change == core::ImportChange::RateCard);
  CHECK(applied.scenario.ratecard.kind == core::RateCardSource::Kind::Inline);
  REQUIRE(applied.scenario.ratecard.inlineCard);
  CHECK(applied.scenario.ratecard.inlineCard->asOf == outcome.priceList.card.asOf);
  CHECK(applied.scenario.workloads == open.scenario.workloads);
  CHECK(applied.scenario.provisioned == open.scenario.provisioned);
}
