#include "core/cost/curves.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardjson.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/forecast/forecast.h"
#include "tests/core/randomscenario.h"
#include "tests/core/testsupport.h"

#include <algorithm>
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

double sum(const std::vector<core::ModeBreakdown> &modes) {
  return std::accumulate(
      modes.begin(), modes.end(), 0.0,
      [](double total, const core::ModeBreakdown &mode) { return total + mode.total(); });
}

// A few thousand scenarios, fixed seeds: the whole pass stays within a few
// seconds of the dev build (docs/fuzzing.md has the measured time).
constexpr int kGeneratedScenarios = 3000;

} // namespace

TEST_CASE("Invariants hold over generated scenarios", "[core][properties]") {
  std::mt19937_64 random(20261126);
  const core::RateCard card = test::propertyCard();
  for (int index = 0; index < kGeneratedScenarios; ++index) {
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
    // by_model is the models' spend; the meters are beside it.
    CHECK_THAT(sum(result.byModel) + result.byMode.meters, closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byWorkload), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byTeam), closeTo(result.grossUsd));
    CHECK_THAT(result.grossModes.total(), closeTo(result.grossUsd));
    CHECK_THAT(result.netModes.total(), closeTo(result.netUsd));
    CHECK_THAT(result.grossUsd - result.discountUsd, closeTo(result.netUsd));
    // Show-back per flow never exceeds gross (unallocated charges are left out).
    CHECK(sum(result.flowModes) <= result.grossUsd + 1e-9 * std::max(1.0, result.grossUsd));
    CHECK(result.netUsd <= result.grossUsd + 1e-9);
    CHECK(result.netUsd >= 0);
    CHECK(core::allFinite(result));
    // Each workload's net (its show-back and meters after the discount) is
    // its share of the net: with nothing unallocated they sum to it.
    double workloadsNet = 0;
    for (double net : result.workloadNetUsd)
      workloadsNet += net;
    const bool unallocated =
        std::any_of(result.byWorkload.begin(), result.byWorkload.end(),
                    [](const core::NamedCost &cost) { return cost.key == core::kUnallocatedKey; });
    if (!unallocated)
      CHECK_THAT(workloadsNet, closeTo(result.netUsd));
    for (const core::UnitCost &unit : result.unitCosts)
      if (unit.costPerUnitUsd)
        CHECK_THAT(*unit.costPerUnitUsd * unit.units, closeTo(unit.costUsd));

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
    // Optimal PT never costs more than none (reservations, which the
    // optimal line keeps as given, aside).
    if (scenario.reserved.empty())
      for (const auto &point : curve)
        CHECK(point.withOptimalUsd <= point.onDemandOnlyUsd + 1e-6);

    // Each forecast month is its own parts: net = gross − discount, and the
    // modes sum to gross.
    if (index % 10 == 0) {
      core::ForecastOptions options;
      options.monteCarlo = false;
      const core::Forecast forecast = core::forecast(prepared, 1.0, options);
      CHECK(core::allFinite(forecast));
      for (const core::ForecastMonth &forecastMonth : forecast.months) {
        CHECK_THAT(forecastMonth.grossUsd - forecastMonth.discountUsd,
                   closeTo(forecastMonth.netUsd));
        CHECK_THAT(forecastMonth.byMode.total(), closeTo(forecastMonth.grossUsd));
        CHECK_THAT(forecastMonth.grossModes.total(), closeTo(forecastMonth.grossUsd));
      }
    }
  }
}

TEST_CASE("Generated scenarios round-trip through their file form", "[core][properties][files]") {
  std::mt19937_64 random(7);
  for (int index = 0; index < kGeneratedScenarios; ++index) {
    const core::Scenario scenario = test::randomScenario(random);
    core::ValidationIssues issues;
    const std::string text = core::scenarioToJson(scenario).dump();
    const auto json = core::parseJsonText(text, issues);
    REQUIRE(json);
    const core::Scenario again = core::readScenario(*json, issues);
    INFO(core::formatIssues("generated", issues));
    CHECK(issues.empty());
    CHECK(again == scenario);
    // Exactly: every double prints and parses back to the same bits.
    CHECK(core::scenarioToJson(again).dump() == text);
  }
}
