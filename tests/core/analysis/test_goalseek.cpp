#include "core/analysis/commitmentplanner.h"
#include "core/analysis/goalseek.h"
#include "core/analysis/tornado.h"
#include "core/cost/monthtotals.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/provisionedsizing.h"
#include "core/model/scenariofields.h"
#include "tests/core/testsupport.h"

#include <algorithm>
#include <cmath>

using namespace bwi;

namespace {

core::LoadedScenario example() {
  const auto load = core::loadExampleScenario();
  INFO(load.report());
  REQUIRE(load.loaded);
  return *load.loaded;
}

} // namespace

TEST_CASE("Goal seek meets its target within 0.01% or says it cannot", "[core][ranges]") {
  const auto loaded = example();
  const core::Scenario &base = loaded.scenario;
  const auto check = [&](core::GoalMetric metric, double target, core::ScaledLever lever) {
    core::GoalSeekRequest request;
    request.metric = metric;
    request.target = target;
    request.lever = lever;
    const core::GoalSeekResult result = core::goalSeek(base, loaded.card, request);
    INFO(result.message);
    REQUIRE(result.found);
    // Evaluated afresh at the answer, the metric is on target.
    const auto again = core::goalMetricValue(
        core::withLever(base, loaded.card, lever, *result.value), loaded.card, metric, 0);
    REQUIRE(again);
    CHECK(std::fabs(*again - target) <= 1e-4 * target);
    return result;
  };
  const auto volume = check(core::GoalMetric::NetUsd, 260000, core::ScaledLever::Volume);
  CHECK(volume.rises);
  CHECK(*volume.value > 2);
  const auto output = check(core::GoalMetric::NetUsd, 125000, core::ScaledLever::OutputTokens);
  CHECK(*output.value > 1);
  const auto hits = check(core::GoalMetric::NetUsd, 115000, core::ScaledLever::CacheHitRate);
  CHECK_FALSE(hits.rises); // more cache hits, lower cost: at least this many keeps it below
  check(core::GoalMetric::NetPer1kRequests, 2.0, core::ScaledLever::ContextSize);
  check(core::GoalMetric::PtUtilization, 0.9, core::ScaledLever::Volume);

  SECTION("a target no value in range reaches") {
    core::GoalSeekRequest request;
    request.target = 250000;
    request.lever = core::ScaledLever::PremiumRoutingShare;
    const auto result = core::goalSeek(base, loaded.card, request);
    CHECK_FALSE(result.found);
    CHECK_FALSE(result.value);
    CHECK_THAT(result.message, Catch::Matchers::Contains("no value of premium_routing_share"));
  }
  SECTION("whole PT units: the nearest, found only when on target") {
    core::GoalSeekRequest request;
    request.metric = core::GoalMetric::PtUtilization;
    request.target = 0.5;
    request.lever = core::ScaledLever::PtUnits;
    const auto result = core::goalSeek(base, loaded.card, request);
    REQUIRE(result.value);
    CHECK(*result.value == std::round(*result.value));
    CHECK(result.found == (std::fabs(*result.achieved - 0.5) <= 0.5e-4));
    CHECK_FALSE(result.message.empty());
  }
}
