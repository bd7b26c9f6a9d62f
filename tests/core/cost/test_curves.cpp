#include "core/cost/curves.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"
#include "tests/core/testsupport.h"

#include <cmath>

using namespace bwi;
using test::near;

namespace {

core::PreparedScenario prepared(const std::string &json) {
  const auto loaded = test::load(json);
  return core::prepareScenario(loaded.scenario, loaded.card);
}

const char *kFlat = R"([{ "id": "w", "requests_per_month": 1000000, "growth_per_month": 0.1,
    "tokens": { "system": 600, "output": 200 }, "routing": { "plain": 1 } }])";

} // namespace

TEST_CASE("The forecast costs each month with its growth", "[core][forecast]") {
  const auto scenario = prepared(test::scenarioJson(kFlat, R"("forecast": { "months": 4 },
      "agreement": { "discount": 0.1, "annual_commit_usd": 100000 })"));
  const core::Forecast forecast = core::forecast(scenario);
  REQUIRE(forecast.months.size() == 4);
  for (int month = 0; month < 4; ++month) {
    const double gross = 1600.0 * std::pow(1.1, month);
    CHECK_THAT(forecast.months[month].grossUsd, near(gross));
    CHECK_THAT(forecast.months[month].netUsd, near(0.9 * gross));
    CHECK_FALSE(forecast.months[month].netP10Usd.has_value());
  }
  const double retired = 0.9 * 1600 * (1 + 1.1 + 1.21 + 1.331);
  CHECK_THAT(forecast.commitRetiredUsd, near(retired));
  REQUIRE(forecast.commitRetiredShare);
  CHECK_THAT(*forecast.commitRetiredShare, near(retired / 100000));
}

TEST_CASE("The volume fan is the cost at the multiplier's quantiles", "[core][forecast]") {
  const auto scenario = prepared(test::scenarioJson(kFlat, R"("forecast": { "months": 2,
      "volume_p10": 0.5, "volume_p90": 2.0 })"));
  const core::Forecast forecast = core::forecast(scenario);
  const auto &month1 = forecast.months[1];
  CHECK_THAT(*month1.netP10Usd, near(1760.0 * 0.5));
  CHECK_THAT(*month1.netP50Usd, near(1760.0 * 1.0)); // median √(0.5 × 2) = 1
  CHECK_THAT(*month1.netP90Usd, near(1760.0 * 2.0));
}

TEST_CASE("The volume curve has three lines over 0.1x-10x", "[core][curves]") {
  const auto scenario = prepared(test::scenarioJson(
      R"([{ "id": "app", "requests_per_month": 438000, "tokens": { "system": 1000, "output": 100 },
            "profile": "business_hours", "routing": { "pt": 1 } }])",
      R"("provisioned": [{ "model": "pt", "model_units": 2 }])"));
  const auto points = core::volumeCurve(scenario, 0);
  REQUIRE(points.size() == 60);
  CHECK_THAT(points.front().multiplier, near(0.1));
  CHECK_THAT(points.back().multiplier, near(10.0));
  for (const auto &point : points) {
    // On demand is linear: $657 at 1x.
    CHECK_THAT(point.onDemandOnlyUsd, Catch::Matchers::WithinRel(657.0 * point.multiplier, 1e-12));
    CHECK(point.withOptimalUsd <= point.onDemandOnlyUsd + 1e-9);
    CHECK(point.withOptimalUsd <= point.withCommitmentsUsd + 1e-9);
    CHECK(point.withCommitmentsUsd >= 438.0); // the charge is always paid
  }
}

TEST_CASE("The units curve reaches a commitment larger than twice the peak", "[core][curves]") {
  const auto scenario = prepared(test::scenarioJson(
      R"([{ "id": "app", "requests_per_month": 43800, "tokens": { "system": 1000, "output": 100 },
            "routing": { "pt": 1 } }])",
      R"("provisioned": [{ "model": "pt", "model_units": 9 }])"));
  const auto curve = core::unitsCurve(scenario, 0, "pt");
  REQUIRE(curve);
  // Flat 0.2 MU: N = 0 … 2 by the rule, extended to the 9 committed.
  REQUIRE(curve->points.size() == 10);
  CHECK(curve->currentModelUnits == 9);
  CHECK_THAT(curve->points[9].costUsd, near(9 * 0.30 * 730));
}

TEST_CASE("The reservation curve prices its floor, optimum and current exactly", "[core][curves]") {
  const auto scenario = prepared(test::scenarioJson(
      R"([{ "id": "app", "requests_per_month": 438000, "tokens": { "system": 1000, "output": 100 },
            "routing": { "res": 1 } }])",
      R"("reserved": [{ "model": "res", "input_tpm": 4500, "output_tpm": 1000 }])"));
  const auto curve = core::reservedCurve(scenario, 0, "res");
  REQUIRE(curve);
  // Flat 10,000 input TPM ($438 on demand) and 1,000 output TPM fully reserved ($50).
  CHECK_THAT(curve->optimalInputTpm, near(10000.0));
  CHECK_THAT(curve->optimalCostUsd, near(50.0 + 10 * 10.0));
  REQUIRE(curve->currentCostUsd);
  CHECK_THAT(*curve->currentCostUsd, near(50.0 + 4.5 * 10.0 + (1 - 0.45) * 438.0));
  CHECK_THAT(curve->floorInputTpm, near(10000.0));
  CHECK_THAT(curve->floorCostUsd, near(curve->optimalCostUsd));
}
