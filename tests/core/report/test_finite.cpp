// Figures that overflow a double never reach a report or a chart
// (docs/cost-model.md §9).
#include "core/common/jsonreader.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/forecast/forecast.h"
#include "core/report/workbenchfigures.h"
#include "resources/embeddedresources.h"
#include "tests/core/testsupport.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace bwi;
using Catch::Matchers::Contains;

TEST_CASE("A month that overflows is caught by allFinite, never half-finite", "[core][finite]") {
  const auto load =
      core::loadScenarioFile(BWI_SOURCE_DIR "/tests/data/broken/growth-overflow.json");
  REQUIRE(load.loaded);
  const auto prepared = core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const auto early = core::computeWorkbenchFigures(prepared, {0, ""}, std::nullopt);
  CHECK(core::allFinite(early));
  CHECK(core::allFinite(early.forecast));
  const auto late = core::computeWorkbenchFigures(prepared, {1199, ""}, std::nullopt);
  CHECK_FALSE(core::allFinite(late));
  CHECK_FALSE(core::allFinite(late.evaluation));

  core::ForecastMonth month;
  CHECK(core::allFinite(month));
  month.netP90Usd = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(core::allFinite(month));
}

TEST_CASE("The overflow reason names the month and is worded once", "[core][finite]") {
  CHECK(core::overflowMessage(7) == "month 7: " + core::overflowReason());
  CHECK_THAT(core::overflowReason(), Contains("not finite numbers"));
  CHECK_THAT(core::overflowReason(), Contains("growth_per_month"));
}
