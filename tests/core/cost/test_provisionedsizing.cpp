#include "core/cost/curves.h"
#include "core/cost/preparedscenario.h"
#include "tests/core/testsupport.h"

#include <cmath>

using namespace bwi;
using test::costOf;
using test::evaluateJson;
using test::near;
using test::scenarioJson;

namespace {

// 438,000 requests of 1,000 in / 100 out on "pt" (10,000 / 1,000 TPM per MU):
// 0.2 MU-minutes a request, so the mean load is 438,000 × 0.2 / (60 × 730) = 2 MU.
// On demand each request costs 1,000×1 + 100×5 = 1,500 µ$: $657 a month.
const char *kBusinessHoursWorkload = R"([{ "id": "app", "team": "Apps",
    "requests_per_month": 438000, "tokens": { "system": 1000, "output": 100 },
    "profile": "business_hours", "routing": { "pt": 1 } }])";

// Business hours: 45 busy hours at weight 4·168/303, 123 quiet at 168/303.
const double kBusy = 4 * 168.0 / 303;
const double kQuiet = 168.0 / 303;
const double kOnDemand = 657.0;

// The cost of N units over the two kinds of hour, written out by hand.
double handCost(double units) {
  double cost = units * 0.30 * 730;
  for (auto [hours, weight] : {std::pair{45.0, kBusy}, std::pair{123.0, kQuiet}}) {
    const double load = 2.0 * weight;
    const double served = std::min(1.0, units / load);
    cost += hours * (1 - served) * kOnDemand * weight / 168;
  }
  return cost;
}

} // namespace

TEST_CASE("A PT commitment overflows to on demand in busy hours", "[core][provisioned]") {
  const auto result = evaluateJson(scenarioJson(kBusinessHoursWorkload, R"("provisioned": [
      { "model": "pt", "model_units": 2, "term": "one_month", "start_month": 0 }])"));
  REQUIRE(result.provisioned.size() == 1);
  const auto &pt = result.provisioned[0];
  const double charge = 2 * 0.30 * 730; // $438
  const double busyServed = 2.0 / (2.0 * kBusy);
  const double overflow = 45 * (1 - busyServed) * kOnDemand * kBusy / 168;
  CHECK_THAT(pt.costUsd, near(charge));
  CHECK_THAT(pt.overflowUsd, near(overflow));
  CHECK_THAT(result.grossUsd, near(charge + overflow));
  CHECK_THAT(result.byMode.provisioned, near(charge));
  CHECK_THAT(result.byMode.onDemand, near(overflow));
  // Utilization: busy hours use all 2 MU, quiet hours their load.
  CHECK_THAT(pt.utilization, near((45 * 2.0 + 123 * 2.0 * kQuiet) / (168 * 2.0)));
  // u* = rate / (OD / (mean load × H)) = 0.30 × 2 × 730 / 657.
  REQUIRE(pt.breakEvenUtilization);
  CHECK_THAT(*pt.breakEvenUtilization, near(0.30 * 2 * 730 / kOnDemand));
  CHECK(pt.floorModelUnits == 1); // floor(2 × 168/303) = floor(1.109)

  long long best = 0;
  for (long long n = 1; n <= 5; ++n)
    if (handCost(static_cast<double>(n)) < handCost(static_cast<double>(best)))
      best = n;
  CHECK(pt.optimalModelUnits == best);

  // The commitment takes over busy hours up to N / load and quiet hours in
  // full: at x between the two break points, served = c_busy·N/L_busy + c_quiet·x.
  const double busyCost = 45 * kOnDemand * kBusy / 168;
  const double quietCost = 123 * kOnDemand * kQuiet / 168;
  const double expectedX = (charge - busyCost * 2.0 / (2.0 * kBusy)) / quietCost;
  REQUIRE(pt.breakEvenVolumeMultiplier);
  CHECK_THAT(*pt.breakEvenVolumeMultiplier, Catch::Matchers::WithinRel(expectedX, 1e-9));

  // Show-back: the only workload carries everything.
  CHECK_THAT(costOf(result.byWorkload, "app"), Catch::Matchers::WithinRel(result.grossUsd, 1e-12));
  CHECK_THAT(costOf(result.byTeam, "Apps"), Catch::Matchers::WithinRel(result.grossUsd, 1e-12));
}

TEST_CASE("Sizing is reported for PT-capable models with or without a commitment",
          "[core][provisioned]") {
  const auto result = evaluateJson(scenarioJson(kBusinessHoursWorkload));
  REQUIRE(result.sizing.size() == 1);
  CHECK(result.sizing[0].modelId == "pt");
  CHECK_THAT(result.sizing[0].meanLoadMu, near(2.0));
  CHECK_THAT(result.sizing[0].peakLoadMu, near(2.0 * kBusy));
  CHECK(result.sizing[0].floorModelUnits == 1);
  CHECK(result.sizing[0].term == core::PtTerm::OneMonth);
  CHECK_THAT(result.grossUsd, near(kOnDemand));
}

TEST_CASE("A commitment before its start month charges nothing", "[core][provisioned]") {
  const std::string json = scenarioJson(kBusinessHoursWorkload, R"("provisioned": [
      { "model": "pt", "model_units": 2, "term": "six_month", "start_month": 2 }])");
  const auto before = evaluateJson(json, 1);
  CHECK(before.provisioned.empty());
  CHECK_THAT(before.byMode.provisioned, near(0.0));
  // The sizing still prices the commitment's term (10.7).
  REQUIRE(before.sizing.size() == 1);
  CHECK(before.sizing[0].term == core::PtTerm::SixMonth);
  const auto after = evaluateJson(json, 2);
  REQUIRE(after.provisioned.size() == 1);
  CHECK_THAT(after.byMode.provisioned, near(2 * 0.20 * 730));
}

TEST_CASE("PT charges split by MU-hours served; idle charges are unallocated",
          "[core][provisioned][showback]") {
  SECTION("two workloads share a commitment by the MU-hours it served them") {
    // Flat a (1 MU mean) and flat b (3 MU mean) under 2 MU: f = 0.5 every hour.
    const auto result = evaluateJson(scenarioJson(R"([
        { "id": "a", "requests_per_month": 219000, "tokens": { "system": 1000, "output": 100 },
          "routing": { "pt": 1 } },
        { "id": "b", "requests_per_month": 657000, "tokens": { "system": 1000, "output": 100 },
          "routing": { "pt": 1 } }])",
                                                  R"("provisioned": [
        { "model": "pt", "model_units": 2, "term": "one_month" }])"));
    const double charge = 2 * 0.30 * 730;
    // Each keeps half its on-demand cost as overflow; the charge splits 1:3.
    CHECK_THAT(costOf(result.byWorkload, "a"), near(0.5 * 219000 * 0.0015 + charge * 0.25));
    CHECK_THAT(costOf(result.byWorkload, "b"), near(0.5 * 657000 * 0.0015 + charge * 0.75));
  }
  SECTION("a commitment on a model nobody routes to") {
    const auto result = evaluateJson(scenarioJson(R"([{ "id": "a", "requests_per_month": 1000,
        "tokens": { "system": 1000 }, "routing": { "plain": 1 } }])",
                                                  R"("provisioned": [
        { "model": "pt", "model_units": 1, "term": "one_month" }])"));
    CHECK_THAT(costOf(result.byWorkload, "(unallocated)"), near(0.30 * 730));
    CHECK_THAT(costOf(result.byTeam, "(unallocated)"), near(0.30 * 730));
    REQUIRE(result.provisioned.size() == 1);
    CHECK_FALSE(result.provisioned[0].breakEvenUtilization.has_value());
    CHECK_THAT(result.provisioned[0].utilization, near(0.0));
  }
}

TEST_CASE("Break-even volume is null outside 0.01x-100x", "[core][provisioned]") {
  SECTION("already cheaper at 0.01x") {
    // 1 MU for $0.0001/hour: cheaper than any traffic.
    const auto result = evaluateJson(scenarioJson(kBusinessHoursWorkload, R"(
        "ratecard_overrides": { "pt": { "provisioned": { "per_mu_hour": { "one_month": 0.0001 } } } },
        "provisioned": [{ "model": "pt", "model_units": 1 }])"));
    CHECK_FALSE(result.provisioned[0].breakEvenVolumeMultiplier.has_value());
  }
  SECTION("still dearer at 100x") {
    const auto result = evaluateJson(scenarioJson(kBusinessHoursWorkload, R"(
        "ratecard_overrides": { "pt": { "provisioned": { "per_mu_hour": { "one_month": 10000 } } } },
        "provisioned": [{ "model": "pt", "model_units": 1 }])"));
    CHECK_FALSE(result.provisioned[0].breakEvenVolumeMultiplier.has_value());
    CHECK(result.provisioned[0].optimalModelUnits == 0);
  }
}

TEST_CASE("The units curve has its minimum at the optimal units", "[core][provisioned][curves]") {
  const auto loaded = test::load(scenarioJson(kBusinessHoursWorkload));
  const auto prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const auto curve = core::unitsCurve(prepared, 0, "pt");
  REQUIRE(curve);
  REQUIRE(curve->points.size() == 2 * 5 + 1); // N = 0 … 2·ceil(4.44)
  for (const auto &point : curve->points) {
    CHECK_THAT(point.costUsd,
               Catch::Matchers::WithinRel(handCost(static_cast<double>(point.modelUnits)), 1e-12));
    CHECK(point.costUsd >= curve->points[curve->optimalModelUnits].costUsd);
  }
  CHECK(curve->floorModelUnits == 1);
}
