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
      CHECK(model.recommendation == core::PlanRecommendation::QuoteNeeded);
      CHECK(model.choices.empty());
    }
  }
  REQUIRE(nova);
  CHECK(nova->priced);
  CHECK(nova->currentUnits == 1);
  REQUIRE(nova->choices.size() >= 3);
  CHECK(nova->choices[0].kind == core::PlanChoiceKind::None);
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
  CHECK((nova->recommendation == core::PlanRecommendation::CommitFloor ||
         nova->recommendation == core::PlanRecommendation::CommitOptimum));

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
        CHECK(model.recommendation == core::PlanRecommendation::Wait);
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
    for (std::size_t m = 0; m < ready.segment(0).models.size(); ++m) {
      const core::PreparedModel &model = ready.segment(0).models[m];
      if (model.rates.id != "amazon.nova-pro-v1:0")
        continue;
      const core::OverflowCurve curve(*traffic.models[m].ptLoad);
      for (const core::ModelPlan &plan : certain->models)
        for (const core::PlanChoice &choice : plan.choices)
          if (plan.modelId == model.rates.id && choice.kind == core::PlanChoiceKind::Optimum) {
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

TEST_CASE("The planner's choices and recommendations have one name each", "[core][ranges]") {
  CHECK(core::planChoiceKindName(core::PlanChoiceKind::None) == "none");
  CHECK(core::planChoiceKindName(core::PlanChoiceKind::Floor) == "floor");
  CHECK(core::planChoiceKindName(core::PlanChoiceKind::Optimum) == "optimum");
  CHECK(core::planRecommendationName(core::PlanRecommendation::OnDemand) == "on_demand");
  CHECK(core::planRecommendationName(core::PlanRecommendation::CommitFloor) == "commit_floor");
  CHECK(core::planRecommendationName(core::PlanRecommendation::CommitOptimum) == "commit_optimum");
  CHECK(core::planRecommendationName(core::PlanRecommendation::Wait) == "wait");
  CHECK(core::planRecommendationName(core::PlanRecommendation::QuoteNeeded) == "quote_needed");
}
