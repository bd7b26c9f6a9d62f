#include "curves.h"
#include "forecast.h"
#include "preparedscenario.h"
#include "randomscenario.h"
#include "ratecardjson.h"
#include "ratecardoverrides.h"
#include "scenariojson.h"
#include "scenariovalidation.h"
#include "testsupport.h"

#include <numeric>
#include <random>

using namespace bwi;
using test::closeTo;

namespace {

double sum(const std::vector<core::NamedCost> &costs) {
  return std::accumulate(
      costs.begin(), costs.end(), 0.0,
      [](double total, const core::NamedCost &cost) { return total + cost.usd; });
}

} // namespace

TEST_CASE("Invariants hold over generated scenarios", "[core][properties]") {
  std::mt19937_64 random(20261126);
  const core::RateCard card = test::propertyCard();
  for (int index = 0; index < 300; ++index) {
    const core::Scenario scenario = test::randomScenario(random);
    core::ValidationIssues issues;
    core::validateAgainstRateCard(scenario, card, issues);
    INFO("scenario " << index << ": " << core::scenarioToJson(scenario).dump());
    REQUIRE(issues.empty());
    const auto prepared = core::prepareScenario(scenario, card);
    const int month = static_cast<int>(random() % 3);
    const core::Evaluation result = core::evaluate(prepared, month);

    // Every breakdown sums to gross.
    CHECK_THAT(result.byMode.total(), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byModel), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byWorkload), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byTeam), closeTo(result.grossUsd));
    CHECK(result.netUsd <= result.grossUsd + 1e-9);

    // Cost never falls when volume rises.
    double previousGross = 0, previousNet = 0;
    for (double scale : {0.0, 0.05, 0.3, 1.0, 1.7, 4.0, 12.0}) {
      const auto scaled = core::evaluate(prepared, month, {scale, false});
      CHECK(scaled.grossUsd >= previousGross - 1e-9 * std::max(1.0, previousGross));
      CHECK(scaled.netUsd >= previousNet - 1e-9 * std::max(1.0, previousNet));
      previousGross = scaled.grossUsd;
      previousNet = scaled.netUsd;
    }

    // Optimal units never cost more than the floor or than none.
    if (const auto curve = core::unitsCurve(prepared, month, "pt")) {
      const auto costAt = [&](long long units) {
        return curve->points.at(static_cast<std::size_t>(units)).costUsd;
      };
      CHECK(costAt(curve->optimalModelUnits) <= costAt(curve->floorModelUnits) + 1e-9);
      CHECK(costAt(curve->optimalModelUnits) <= costAt(0) + 1e-9);
      for (const auto &point : curve->points)
        CHECK(costAt(curve->optimalModelUnits) <= point.costUsd + 1e-9);
    }

    // The volume curve at x = 1 is the evaluation itself.
    const auto curve = core::volumeCurve(prepared, month, {3, 0.5, 2.0});
    CHECK_THAT(curve[1].withCommitmentsUsd, closeTo(result.netUsd));
    CHECK(curve[1].withOptimalUsd <= curve[1].withCommitmentsUsd + 1e-6);
  }
}

TEST_CASE("Generated scenarios round-trip through their file form", "[core][properties][files]") {
  std::mt19937_64 random(7);
  for (int index = 0; index < 200; ++index) {
    const core::Scenario scenario = test::randomScenario(random);
    core::ValidationIssues issues;
    const auto json = core::parseJsonText(core::scenarioToJson(scenario).dump(), issues);
    REQUIRE(json);
    const core::Scenario again = core::readScenario(*json, issues);
    INFO(core::formatIssues("generated", issues));
    CHECK(issues.empty());
    CHECK(again == scenario);
  }
}
