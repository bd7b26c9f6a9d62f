#include "core/analysis/goalseek.h"
#include "core/analysis/keyfigures.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/forecast/forecast.h"
#include "core/model/modelmapping.h"
#include "core/report/resultjson.h"
#include "tests/core/testsupport.h"

#include <algorithm>

using namespace bwi;
using test::near;

// Traffic on a model no card has ("acme.model-x"): kept, costed at nothing,
// reported apart (docs/cost-model.md §21).
namespace {

const char *kUnpricedId = "acme.model-x";

// 1,000,000 requests a month of 1,000 input and 200 output tokens: 60% on
// plain ($1 / $5 per 1M: $0.002 a request), 40% on the unpriced model.
std::string splitWorkload(const std::string &extra = "") {
  return R"([{ "id": "w", "requests_per_month": 1000000,
               "tokens": { "user": 1000, "output": 200 },
               "routing": { "plain": 0.6, "acme.model-x": 0.4 })" +
         extra + "}]";
}

std::string listed(const std::string &more = "") {
  return R"("unpriced_models": ["acme.model-x"])" + (more.empty() ? "" : ", " + more);
}

bool hasWarning(const core::Evaluation &evaluation, const std::string &part) {
  return std::any_of(evaluation.warnings.begin(), evaluation.warnings.end(),
                     [&](const std::string &w) { return w.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("A route to a model neither in the card nor in unpriced_models stays an error",
          "[core][unpriced]") {
  const auto issues = test::issuesOf(test::scenarioJson(splitWorkload()));
  CHECK(test::hasIssueAt(issues, "workloads[0].routing[\"acme.model-x\"]"));
}

TEST_CASE("A model in unpriced_models is valid to route to and keeps its traffic",
          "[core][unpriced]") {
  const core::Evaluation evaluation =
      test::evaluateJson(test::scenarioJson(splitWorkload(), listed()));
  // plain: 600,000 × (1,000 × $1 + 200 × $5) / 1M = $1,200; the rest costs nothing.
  CHECK_THAT(evaluation.grossUsd, near(1200.0));
  CHECK_THAT(evaluation.netUsd, near(1200.0));
  REQUIRE(evaluation.byModel.size() == 1);
  CHECK(evaluation.byModel[0].key == "plain");
  // Requests and tokens count every request.
  CHECK_THAT(evaluation.requests, near(1'000'000.0));
  CHECK_THAT(evaluation.tokens.input, near(1e9));
  CHECK_THAT(evaluation.tokens.output, near(2e8));
  REQUIRE(evaluation.unpriced.size() == 1);
  const core::UnpricedFlow &flow = evaluation.unpriced[0];
  CHECK(flow.workloadId == "w");
  CHECK(flow.modelId == kUnpricedId);
  CHECK_THAT(flow.requests, near(400'000.0));
  CHECK_THAT(flow.inputTokens, near(4e8));
  CHECK_THAT(flow.outputTokens, near(8e7));
  CHECK_THAT(evaluation.pricedRequests(), near(600'000.0));
  CHECK_THAT(evaluation.pricedTokens(), near(6e8 + 1.2e8));
  CHECK(hasWarning(evaluation, "no price for acme.model-x: 400,000 requests this month are left "
                               "out of the totals; map it to a card model or type a price"));
  CHECK(core::unpricedNote(evaluation) ==
        "Totals exclude 400,000 requests a month on models without a price: acme.model-x");

  SECTION("the key figures divide cost by priced volume only") {
    const core::LoadedScenario loaded = test::load(test::scenarioJson(splitWorkload(), listed()));
    const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
    const core::KeyFigures figures =
        core::keyFiguresOf(evaluation, core::Forecast{}, prepared, std::nullopt);
    // $1,200 over 600,000 priced requests; over 720M priced tokens.
    CHECK_THAT(*figures.netPer1kRequestsUsd, near(2.0));
    CHECK_THAT(*figures.blendedPer1mTokensUsd, near(1200.0 / 720.0));
    // Goal seek's per-1K metric and the forecast month say the same.
    CHECK_THAT(
        *core::goalMetricValue(loaded.scenario, loaded.card, core::GoalMetric::NetPer1kRequests, 0),
        near(2.0));
    const core::Forecast forecast = core::forecast(prepared);
    REQUIRE_FALSE(forecast.months.empty());
    CHECK_THAT(forecast.months[0].unpricedRequests, near(400'000.0));
  }
  SECTION("evaluate --json lists it under \"unpriced\"") {
    const core::Json json = core::evaluationToJson(evaluation, "test", "2026-11-01");
    REQUIRE(json["unpriced"].size() == 1);
    CHECK(json["unpriced"][0]["workload"] == "w");
    CHECK(json["unpriced"][0]["model"] == kUnpricedId);
    CHECK(json["unpriced"][0]["requests"].get<double>() == Approx(400'000));
    CHECK(json["unpriced"][0]["input_tokens"].get<double>() == Approx(4e8));
    CHECK(json["unpriced"][0]["output_tokens"].get<double>() == Approx(8e7));
    CHECK_FALSE(json["by_model"].contains(kUnpricedId));
    CHECK(json["requests"].get<double>() == Approx(1e6));
  }
  SECTION("the list is written back and read again") {
    const core::LoadedScenario loaded = test::load(test::scenarioJson(splitWorkload(), listed()));
    const core::Json json = core::scenarioToJson(loaded.scenario);
    REQUIRE(json.contains("unpriced_models"));
    core::ValidationIssues issues;
    CHECK(core::readScenario(json, issues).unpricedModels == std::vector<std::string>{kUnpricedId});
    CHECK(issues.empty());
  }
}

TEST_CASE("A scenario without unpriced_models writes no such key and has no unpriced flows",
          "[core][unpriced]") {
  const core::LoadedScenario loaded = test::load(test::scenarioJson(
      R"([{ "id": "w", "requests_per_month": 1000, "tokens": { "user": 10 },
            "routing": { "plain": 1 } }])"));
  CHECK_FALSE(core::scenarioToJson(loaded.scenario).contains("unpriced_models"));
  const core::Evaluation evaluation =
      core::evaluate(core::prepareScenario(loaded.scenario, loaded.card), 0);
  CHECK(evaluation.unpriced.empty());
  CHECK(core::unpricedNote(evaluation).empty());
  CHECK(core::evaluationToJson(evaluation, "t", "d")["unpriced"].empty());
}

TEST_CASE("Commitments, reservations and escalation targets need a price", "[core][unpriced]") {
  SECTION("provisioned") {
    const auto issues = test::issuesOf(test::scenarioJson(
        splitWorkload(),
        listed(R"("provisioned": [{ "model": "acme.model-x", "model_units": 1 }])")));
    REQUIRE(test::hasIssueAt(issues, "provisioned[0].model"));
  }
  SECTION("reserved") {
    const auto issues = test::issuesOf(test::scenarioJson(
        splitWorkload(), listed(R"("reserved": [{ "model": "acme.model-x", "input_tpm": 1000,
                                                   "output_tpm": 100 }])")));
    REQUIRE(test::hasIssueAt(issues, "reserved[0].model"));
  }
  SECTION("escalation target") {
    const auto issues = test::issuesOf(test::scenarioJson(
        splitWorkload(R"(, "escalation": { "to": "acme.model-x", "rate": 0.1 })"), listed()));
    REQUIRE(test::hasIssueAt(issues, "workloads[0].escalation.to"));
    const auto found = std::find_if(issues.begin(), issues.end(), [](const auto &issue) {
      return issue.path == "workloads[0].escalation.to";
    });
    CHECK_THAT(found->message, Catch::Matchers::Contains("has no price"));
  }
}

TEST_CASE("Escalation from an unpriced model prices the escalated share at the target",
          "[core][unpriced]") {
  const core::Evaluation evaluation = test::evaluateJson(test::scenarioJson(
      R"([{ "id": "w", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 200 },
            "routing": { "acme.model-x": 1 }, "escalation": { "to": "plain", "rate": 0.1 } }])",
      listed()));
  // 10% of the million sent again to plain: 100,000 × $0.002.
  CHECK_THAT(evaluation.grossUsd, near(200.0));
  REQUIRE(evaluation.unpriced.size() == 1);
  CHECK_THAT(evaluation.unpriced[0].requests, near(1'000'000.0));
}

TEST_CASE("A listed model the card prices is priced, with a warning that the entry is stale",
          "[core][unpriced]") {
  const core::Evaluation evaluation = test::evaluateJson(test::scenarioJson(
      R"([{ "id": "w", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 200 },
            "routing": { "plain": 1 } }])",
      R"("unpriced_models": ["plain"])"));
  CHECK_THAT(evaluation.grossUsd, near(2000.0));
  CHECK(evaluation.unpriced.empty());
  CHECK(hasWarning(evaluation, "unpriced_models lists plain, which the rate card prices"));
}

TEST_CASE("An override with both on-demand prices adds a model the card lacks",
          "[core][unpriced][files]") {
  const std::string typed =
      R"("ratecard_overrides": { "acme.model-x": { "on_demand": { "input_per_1m": 2,
                                  "output_per_1m": 8 }, "name": "Model X" } })";
  SECTION("it prices the traffic") {
    const core::LoadedScenario loaded = test::load(test::scenarioJson(splitWorkload(), typed));
    const core::ModelRates *added = loaded.card.find(kUnpricedId);
    REQUIRE(added);
    CHECK(added->name == "Model X");
    CHECK_FALSE(added->marketplace);
    CHECK(core::isOverridden(loaded.scenario.ratecardOverrides, kUnpricedId,
                             "on_demand.input_per_1m"));
    const core::Evaluation evaluation =
        core::evaluate(core::prepareScenario(loaded.scenario, loaded.card), 0);
    // 400,000 × (1,000 × $2 + 200 × $8) / 1M = $1,440, beside plain's $1,200.
    CHECK_THAT(test::costOf(evaluation.byModel, kUnpricedId), near(1440.0));
    CHECK_THAT(evaluation.grossUsd, near(2640.0));
    CHECK(evaluation.unpriced.empty());
  }
  SECTION("without both on-demand prices it stays an error saying what is needed") {
    const auto issues = test::issuesOf(
        test::scenarioJson(splitWorkload(), listed(R"("ratecard_overrides": { "acme.model-x": {
                                     "on_demand": { "input_per_1m": 2 } } })")));
    const auto found = std::find_if(issues.begin(), issues.end(), [](const auto &issue) {
      return issue.path == "ratecard_overrides[\"acme.model-x\"]" ||
             issue.path == "ratecard_overrides.acme.model-x";
    });
    REQUIRE(found != issues.end());
    CHECK_THAT(found->message, Catch::Matchers::Contains("on_demand.output_per_1m"));
  }
  SECTION("a value out of range is reported at its path") {
    core::ValidationIssues issues;
    core::applyOverrides(test::load(test::scenarioJson("[]")).baseCard,
                         {{kUnpricedId, "on_demand.input_per_1m", 2.0},
                          {kUnpricedId, "on_demand.output_per_1m", -1.0}},
                         issues);
    REQUIRE(issues.size() == 1);
    CHECK_THAT(issues[0].path, Catch::Matchers::Contains("on_demand.output_per_1m"));
  }
}

TEST_CASE("Mapping an unpriced model moves every share on it and leaves the list",
          "[core][unpriced][mapping]") {
  const core::LoadedScenario loaded = test::load(test::scenarioJson(
      R"([{ "id": "w", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 200 },
            "routing": { "plain": 0.6, "acme.model-x": 0.4 } },
          { "id": "v", "requests_per_month": 10, "routing": { "acme.model-x": 1 } }])",
      listed()));
  REQUIRE(core::parseModelMapping("acme.model-x=plain"));
  CHECK_FALSE(core::parseModelMapping("acme.model-x="));
  CHECK_FALSE(core::parseModelMapping("=plain"));
  CHECK_FALSE(core::parseModelMapping("plain"));
  const core::ModelMapping mapping = *core::parseModelMapping("acme.model-x=plain");
  CHECK(core::mappingProblem(loaded.card, mapping).empty());
  CHECK_THAT(core::mappingProblem(loaded.card, {kUnpricedId, "nope"}),
             Catch::Matchers::Contains("\"nope\""));
  const core::Scenario mapped = core::withModelMapped(loaded.scenario, mapping);
  CHECK(mapped.unpricedModels.empty());
  REQUIRE(mapped.workloads[0].routing.size() == 1);
  CHECK(mapped.workloads[0].routing[0].modelId == "plain");
  CHECK_THAT(mapped.workloads[0].routing[0].share, near(1.0));
  REQUIRE(mapped.workloads[1].routing.size() == 1);
  CHECK(mapped.workloads[1].routing[0].modelId == "plain");
  core::ValidationIssues issues;
  core::validateAgainstRateCard(mapped, loaded.card, issues);
  CHECK(issues.empty());
  // 1,000,000 × $0.002 (v's requests carry no tokens).
  const core::Evaluation evaluation = core::evaluate(core::prepareScenario(mapped, loaded.card), 0);
  CHECK_THAT(evaluation.grossUsd, near(2000.0));
  CHECK(evaluation.unpriced.empty());
}

TEST_CASE("A typed price adds the override and leaves the list", "[core][unpriced][mapping]") {
  const core::LoadedScenario loaded = test::load(test::scenarioJson(splitWorkload(), listed()));
  core::TypedPrice price;
  price.inputPer1m = 2;
  price.outputPer1m = 8;
  price.batchInputPer1m = 1;
  price.batchOutputPer1m = 4;
  const core::Scenario typed = core::withTypedPrice(loaded.scenario, kUnpricedId, price);
  CHECK(typed.unpricedModels.empty());
  CHECK(typed.ratecardOverrides.size() == 4);
  core::ValidationIssues issues;
  const core::RateCard card =
      core::applyOverrides(loaded.baseCard, typed.ratecardOverrides, issues);
  REQUIRE(issues.empty());
  core::validateAgainstRateCard(typed, card, issues);
  REQUIRE(issues.empty());
  REQUIRE(card.find(kUnpricedId)->batch);
  CHECK_THAT(card.find(kUnpricedId)->batch->outputPer1m, near(4.0));
  const core::Evaluation evaluation = core::evaluate(core::prepareScenario(typed, card), 0);
  CHECK_THAT(evaluation.grossUsd, near(2640.0));
}
