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

double netOf(const core::Scenario &scenario, const core::RateCard &card, int month = 0) {
  return core::evaluate(core::prepareScenario(scenario, card), month).netUsd;
}

const core::TornadoBar &barOf(const core::Tornado &tornado, core::ScaledLever lever) {
  for (const core::TornadoBar &bar : tornado.bars)
    if (bar.lever == lever)
      return bar;
  FAIL("no bar for " << core::leverName(lever));
  return tornado.bars.front();
}

} // namespace

TEST_CASE("The tornado's swings equal direct evaluations of the edited scenario",
          "[core][ranges]") {
  const auto loaded = example();
  const core::Scenario &base = loaded.scenario;
  const core::Tornado tornado = core::tornado(base, loaded.card);
  REQUIRE(tornado.bars.size() == 10);
  CHECK(tornado.baseUsd == netOf(base, loaded.card));
  for (std::size_t i = 1; i < tornado.bars.size(); ++i)
    CHECK(tornado.bars[i - 1].swingUsd() >= tornado.bars[i].swingUsd());

  // Each edit written out by hand, the way a user would make it.
  const auto edited = [&](auto edit) {
    core::Scenario scenario = base;
    edit(scenario);
    return netOf(scenario, loaded.card);
  };
  const auto &volume = barOf(tornado, core::ScaledLever::Volume);
  CHECK(volume.lowValue == 0.75);
  CHECK(volume.lowUsd == edited([](core::Scenario &s) { s.globalVolumeMultiplier = 0.75; }));
  CHECK(volume.highUsd == edited([](core::Scenario &s) { s.globalVolumeMultiplier = 1.25; }));
  const auto &output = barOf(tornado, core::ScaledLever::OutputTokens);
  CHECK(output.highUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            w.tokens.output *= 1.25;
        }));
  const auto &batch = barOf(tornado, core::ScaledLever::BatchShare);
  CHECK(batch.lowUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            w.batchShare *= 0.75;
        }));
  const auto &hit = barOf(tornado, core::ScaledLever::CacheHitRate);
  CHECK(hit.highUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            if (w.caching)
              w.caching->hitRate = std::min(1.0, w.caching->hitRate * 1.25);
        }));
  const auto &discount = barOf(tornado, core::ScaledLever::Discount);
  CHECK(discount.highValue == Approx(0.1));
  CHECK(discount.highUsd == edited([](core::Scenario &s) { s.agreement->discount = 0.08 * 1.25; }));
  // One PT unit: a quarter of it rounds to nothing, so the lever steps a whole unit.
  const auto &units = barOf(tornado, core::ScaledLever::PtUnits);
  CHECK(units.lowValue == 0);
  CHECK(units.highValue == 2);
  CHECK(units.lowUsd == edited([](core::Scenario &s) { s.provisioned.clear(); }));
  CHECK(units.highUsd == edited([](core::Scenario &s) { s.provisioned[0].modelUnits = 2; }));
  const auto &premium = barOf(tornado, core::ScaledLever::PremiumRoutingShare);
  CHECK(premium.highUsd == edited([](core::Scenario &s) {
          // code-assistant: opus (premium) 0.35, sonnet (mid) 0.65.
          auto &routing = s.workloads[3].routing;
          routing[0].share *= 0.35 * 1.25 / 0.35;
          routing[1].share *= (1 - 0.35 * 1.25) / 0.65;
        }));
  CHECK(premium.highUsd > premium.lowUsd);
}

TEST_CASE("The tornado's ranges are editable per lever", "[core][ranges]") {
  const auto loaded = example();
  core::TornadoOptions options;
  options.range = 0.1;
  options.overrides[core::ScaledLever::OutputTokens] = {-0.5, 1.0};
  const core::Tornado tornado = core::tornado(loaded.scenario, loaded.card, options);
  CHECK(barOf(tornado, core::ScaledLever::Volume).highValue == Approx(1.1));
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).lowValue == 0.5);
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).highValue == 2.0);
  // Each bar says the range it moved by, for the chart's labels.
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).range.low == -0.5);
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).range.high == 1.0);
  CHECK(barOf(tornado, core::ScaledLever::Volume).range.low == -0.1);
  CHECK(barOf(tornado, core::ScaledLever::Volume).range.high == 0.1);
}

TEST_CASE("The budget and the tornado's range are fields an edit can set and clear",
          "[core][ranges]") {
  core::Scenario scenario = example().scenario;
  scenario.forecast.budgetUsd.reset();
  const core::FieldKey budget{core::Field::BudgetUsd};
  const core::FieldKey range{core::Field::SensitivityRange};
  CHECK(std::holds_alternative<std::monostate>(core::getField(scenario, budget)));
  CHECK(std::holds_alternative<std::monostate>(core::getField(scenario, range)));
  REQUIRE(core::setField(scenario, budget, 180000.0));
  REQUIRE(core::setField(scenario, range, 0.1));
  CHECK(scenario.forecast.budgetUsd == 180000.0);
  CHECK(scenario.forecast.sensitivityRange == 0.1);
  CHECK(core::getField(scenario, budget) == core::FieldValue(180000.0));
  CHECK_FALSE(core::setField(scenario, budget, std::string("lots")));
  CHECK(scenario.forecast.budgetUsd == 180000.0);
  REQUIRE(core::setField(scenario, budget, std::monostate{}));
  CHECK_FALSE(scenario.forecast.budgetUsd.has_value());
  // The tornado follows the scenario's range.
  const core::Tornado tornado = core::tornado(scenario, example().card);
  CHECK(barOf(tornado, core::ScaledLever::Volume).highValue == Approx(1.1));
}

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
  const auto volume = check(core::GoalMetric::NetUsd, 250000, core::ScaledLever::Volume);
  CHECK(volume.rises);
  CHECK(*volume.value > 2);
  const auto output = check(core::GoalMetric::NetUsd, 115000, core::ScaledLever::OutputTokens);
  CHECK(*output.value > 1);
  const auto hits = check(core::GoalMetric::NetUsd, 105000, core::ScaledLever::CacheHitRate);
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

TEST_CASE("The commitment planner weighs the terms against the uncertainty", "[core][ranges]") {
  const auto loaded = example();
  core::Scenario scenario = loaded.scenario;
  scenario.forecast.historyDays = 120;
  core::PlanOptions options;
  options.trials = 400;
  const auto plan = core::planCommitments(core::prepareScenario(scenario, loaded.card), options);
  REQUIRE(plan);
  CHECK(plan->trials == 400);
  const core::ModelPlan *nova = nullptr;
  for (const core::ModelPlan &model : plan->models) {
    if (model.modelId == "amazon.nova-pro-v1:0")
      nova = &model;
    else {
      // The built-in card prices no PT: every other model needs a quote.
      CHECK_FALSE(model.priced);
      CHECK(model.recommendation == "quote_needed");
      CHECK(model.choices.empty());
    }
  }
  REQUIRE(nova);
  CHECK(nova->priced);
  CHECK(nova->currentUnits == 1);
  REQUIRE(nova->choices.size() >= 3);
  CHECK(nova->choices[0].kind == "none");
  double leastRegret = INFINITY;
  for (const core::PlanChoice &choice : nova->choices) {
    CHECK(choice.expectedRegretUsd >= 0);
    CHECK(choice.p90MonthlyUsd >= choice.expectedMonthlyUsd * 0.5);
    leastRegret = std::min(leastRegret, choice.expectedRegretUsd);
    if (!choice.term)
      CHECK(choice.expectedIdleMuHours == 0);
    else
      CHECK(choice.expectedIdleMuHours <= choice.modelUnits * scenario.hoursPerMonth);
    // The timeline's last point is twelve months of expected savings.
    CHECK(choice.cumulativeSavingsUsd[11] ==
          Approx(12 * (nova->choices[0].expectedMonthlyUsd - choice.expectedMonthlyUsd))
              .epsilon(1e-9));
  }
  REQUIRE(nova->recommendedChoice);
  CHECK(nova->choices[*nova->recommendedChoice].expectedRegretUsd == leastRegret);
  CHECK(nova->recommendation.starts_with("commit_"));

  SECTION("the same seed gives the same plan, with any number of threads") {
    core::PlanOptions one = options;
    one.threads = 1;
    const auto again = core::planCommitments(core::prepareScenario(scenario, loaded.card), one);
    REQUIRE(again);
    for (std::size_t m = 0; m < plan->models.size(); ++m)
      for (std::size_t c = 0; c < plan->models[m].choices.size(); ++c) {
        CHECK(again->models[m].choices[c].expectedMonthlyUsd ==
              plan->models[m].choices[c].expectedMonthlyUsd);
        CHECK(again->models[m].choices[c].p90MonthlyUsd ==
              plan->models[m].choices[c].p90MonthlyUsd);
      }
  }
  SECTION("under 90 days of history it says so and stays on demand") {
    core::PlanOptions young = options;
    young.historyDays = 30;
    const auto waiting = core::planCommitments(core::prepareScenario(scenario, loaded.card), young);
    REQUIRE(waiting);
    for (const core::ModelPlan &model : waiting->models)
      if (model.priced) {
        CHECK(model.recommendation == "wait");
        CHECK(model.recommendedChoice == 0u);
        CHECK_THAT(model.reason, Catch::Matchers::Contains("Only 30 days"));
      }
  }
  SECTION("with nothing uncertain and no growth, the planner's optimum is the sizing's") {
    core::Scenario fixed = scenario;
    fixed.forecast.volumeP10.reset();
    fixed.forecast.volumeP90.reset();
    fixed.forecast.uncertainty = {};
    for (core::Workload &workload : fixed.workloads)
      workload.growthPerMonth = 0;
    const core::PreparedScenario ready = core::prepareScenario(fixed, loaded.card);
    const auto certain = core::planCommitments(ready, options);
    REQUIRE(certain);
    const core::MonthTraffic traffic = core::monthTraffic(ready, 0, ready.globalVolumeMultiplier);
    int checked = 0;
    for (std::size_t m = 0; m < ready.models.size(); ++m) {
      const core::PreparedModel &model = ready.models[m];
      if (model.rates.id != "amazon.nova-pro-v1:0")
        continue;
      const core::OverflowCurve curve(*traffic.models[m].ptLoad);
      for (const core::ModelPlan &plan : certain->models)
        for (const core::PlanChoice &choice : plan.choices)
          if (plan.modelId == model.rates.id && choice.kind == "optimum") {
            const double rate = *model.rates.provisioned->ratePerMuHour(*choice.term);
            CHECK(choice.modelUnits == core::optimalModelUnits(curve, rate, ready.hoursPerMonth));
            ++checked;
          }
    }
    CHECK(checked > 0);
  }
  SECTION("on-demand costs match the full evaluation when nothing is uncertain") {
    core::Scenario fixed = scenario;
    fixed.forecast.volumeP10.reset();
    fixed.forecast.volumeP90.reset();
    fixed.forecast.uncertainty = {};
    const core::PreparedScenario ready = core::prepareScenario(fixed, loaded.card);
    const auto certain = core::planCommitments(ready, options);
    REQUIRE(certain);
    double expected = 0;
    fixed.provisioned.clear();
    fixed.reserved.clear();
    const core::PreparedScenario bare = core::prepareScenario(fixed, loaded.card);
    for (int month = 0; month < core::kPlanMonths; ++month) {
      const core::Evaluation evaluation = core::evaluate(bare, month);
      const core::NamedCost &nova = evaluation.byModel[2];
      REQUIRE(nova.key == "amazon.nova-pro-v1:0");
      // The planner weighs real-time traffic; batch is the same under every choice.
      expected += (nova.usd - nova.modes.batch) * (1 - 0.08) / core::kPlanMonths;
    }
    for (const core::ModelPlan &model : certain->models)
      if (model.priced) {
        CHECK(model.choices[0].expectedMonthlyUsd == Approx(expected).epsilon(1e-9));
        CHECK(model.choices[0].p90MonthlyUsd == Approx(expected).epsilon(1e-9));
      }
  }
}
