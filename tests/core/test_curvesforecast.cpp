#include "curves.h"
#include "forecast.h"
#include "preparedscenario.h"
#include "testsupport.h"

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
