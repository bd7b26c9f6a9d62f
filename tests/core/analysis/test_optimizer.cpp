#include "tests/core/testsupport.h"

#include "core/analysis/escalation.h"
#include "core/analysis/leverattribution.h"
#include "core/analysis/optimizedproposal.h"
#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/model/scenariofields.h"
#include "core/report/comparisonjson.h"
#include "core/report/resultjson.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace bwi;
using test::closeTo;
using test::near;

namespace {

// Every workload below: 1,000,000 requests of 1,000 input and 100 output
// tokens, so USD per month = 1,000 × input price + 100 × output price.
//   small-a   $1 / $5     → $1,500       (A, small)
//   mid-a     $3 / $15    → $4,500       (A, mid)
//   premium-a $10 / $50   → $15,000      (A, premium)
//   premium-b $1.05/$5.25 → $1,575       (A, premium: barely dearer than small-a)
//   us.mid-x  $2.2 / $11  → $3,300       (X, mid, regional)
//   global.mid-x $2 / $10 → $3,000       (X, mid, its global profile)
// Router fam:1 serves small-a and mid-a.
std::string policyCard() {
  return R"({ "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-11-01",
    "region": "us-east-1", "currency": "USD",
    "prompt_routers": [{ "id": "fam:1", "name": "Family Router",
                         "models": ["small-a", "mid-a"], "source": "test",
                         "source_date": "2026-09-15" }],
    "models": [
      { "id": "small-a", "provider": "A", "tier": "small",
        "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 }, "batch": null, "cache": null },
      { "id": "mid-a", "provider": "A", "tier": "mid",
        "on_demand": { "input_per_1m": 3.0, "output_per_1m": 15.0 }, "batch": null, "cache": null },
      { "id": "premium-a", "provider": "A", "tier": "premium",
        "on_demand": { "input_per_1m": 10.0, "output_per_1m": 50.0 }, "batch": null,
        "cache": null },
      { "id": "premium-b", "provider": "A", "tier": "premium",
        "on_demand": { "input_per_1m": 1.05, "output_per_1m": 5.25 }, "batch": null,
        "cache": null },
      { "id": "us.mid-x", "provider": "X", "tier": "mid",
        "on_demand": { "input_per_1m": 2.2, "output_per_1m": 11.0 }, "batch": null, "cache": null },
      { "id": "global.mid-x", "provider": "X", "tier": "mid",
        "on_demand": { "input_per_1m": 2.0, "output_per_1m": 10.0 }, "batch": null, "cache": null }
    ] })";
}

std::string workloadJson(const std::string &id, const std::string &rest) {
  return R"({ "id": ")" + id + R"(", "name": ")" + id +
         R"(", "requests_per_month": 1000000,
              "tokens": { "user": 1000, "output": 100 }, )" +
         rest + "}";
}

std::string scenarioWith(const std::string &workloads) {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "policy",
      "ratecard": )" +
         policyCard() + R"(, "workloads": [)" + workloads + "]}";
}

core::LoadedScenario policyScenario(const std::string &workloads) {
  return test::load(scenarioWith(workloads));
}

double netOf(const core::Scenario &scenario, const core::RateCard &card) {
  return core::evaluate(core::prepareScenario(scenario, card), 0).netUsd;
}

const core::ProposedChange *changeOf(const core::OptimizedProposal &proposal,
                                     const std::string &workload) {
  for (const core::ProposedChange &change : proposal.changes)
    if (change.workloadId == workload)
      return &change;
  return nullptr;
}

} // namespace

TEST_CASE("Seed policy: a premium share goes to the cheapest adequate model, 10% assumed back",
          "[core][optimize][policy]") {
  const auto baseline = policyScenario(
      workloadJson("code", R"("routing": { "premium-a": 1 }, "adequate_models": ["small-a"])"));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  const core::Workload &proposed = proposal.scenario.workloads[0];
  CHECK(proposed.routing == std::vector<core::RoutingShare>{{"small-a", 1.0}});
  REQUIRE(proposed.escalation);
  CHECK(proposed.escalation->to == "premium-a");
  CHECK(proposed.escalation->rate == core::kAssumedEscalationRate);
  REQUIRE(proposal.changes.size() == 1);
  const core::ProposedChange &change = proposal.changes[0];
  CHECK(change.rule == core::ChangeRule::AdequateModels);
  REQUIRE(change.escalation);
  CHECK(change.escalation->rateSource == core::RateSource::Assumed);
  // $1,500 + 10% × $15,000 = $3,000 against $15,000 today.
  CHECK_THAT(netOf(proposal.scenario, baseline.card), closeTo(3000));
  CHECK_THAT(change.savingUsd, closeTo(12000));
  // e*: $1,500 + e × $15,000 = $15,000, so e* = 0.9.
  REQUIRE(change.escalation->breakEvenRate);
  CHECK_THAT(*change.escalation->breakEvenRate, closeTo(0.9));
  CHECK_THAT(change.text, Catch::Contains("assumed rate") && Catch::Contains("break-even e* 90"));
  CHECK_THAT(change.ruleText, Catch::Contains("exceptions go back to premium-a"));

  SECTION("e* equals a direct evaluation of the proposal at e*") {
    const double rate = *change.escalation->breakEvenRate;
    const double atBreakEven =
        netOf(core::withEscalationRate(proposal.scenario, 0, rate), baseline.card);
    const double allPremium =
        netOf(core::allToEscalationTarget(proposal.scenario, 0), baseline.card);
    CHECK(std::fabs(atBreakEven - allPremium) <= 1e-9 * allPremium);
  }
  SECTION("the JSON carries the escalation, its source and e*") {
    const core::Json json = core::proposedChangesToJson(proposal.changes);
    CHECK(json[0]["rule"] == "adequate_models");
    CHECK(json[0]["workload"] == "code");
    CHECK_THAT(json[0]["saving_usd"].get<double>(), closeTo(12000));
    CHECK(json[0]["escalation"]["to"] == "premium-a");
    CHECK(json[0]["escalation"]["rate"] == 0.1);
    CHECK(json[0]["escalation"]["rate_source"] == "assumed");
    CHECK_THAT(json[0]["escalation"]["break_even_rate"].get<double>(), closeTo(0.9));
  }
}

TEST_CASE("Seed policy: a measured escalation rate is used and labelled measured",
          "[core][optimize][policy]") {
  const auto baseline = policyScenario(workloadJson(
      "code", R"("routing": { "premium-a": 0.5, "mid-a": 0.5 }, "adequate_models": ["small-a"],
                 "escalation": { "to": "premium-a", "rate": 0.05, "rate_source": "measured" })"));
  // Today: 0.5 × $15,000 + 0.5 × $4,500 + 5% × (1 − 0.5) × $15,000 = $10,125.
  CHECK_THAT(netOf(baseline.scenario, baseline.card), closeTo(10125));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  const core::ProposedChange *policy = nullptr;
  for (const core::ProposedChange &change : proposal.changes)
    if (change.escalation)
      policy = &change;
  REQUIRE(policy);
  CHECK(policy->escalation->rateSource == core::RateSource::Measured);
  CHECK(policy->escalation->rate == 0.05);
  CHECK_THAT(policy->text, Catch::Contains("measured rate"));
  // The premium half to small-a with 5% back; mid-a's half to small-a too (listed).
  CHECK(proposal.scenario.workloads[0].routing ==
        std::vector<core::RoutingShare>{{"small-a", 1.0}});
  CHECK_THAT(netOf(proposal.scenario, baseline.card), closeTo(1500 + 0.05 * 15000));
  // The savings, each measured in the order made, add up to the proposal's.
  const double saved = std::accumulate(
      proposal.changes.begin(), proposal.changes.end(), 0.0,
      [](double sum, const core::ProposedChange &change) { return sum + change.savingUsd; });
  CHECK_THAT(saved, closeTo(10125 - 2250));

  SECTION("the workload's own rate without a source is used and labelled assumed") {
    core::Scenario unmarked = baseline.scenario;
    unmarked.workloads[0].escalation->measured = false;
    const auto assumed = core::proposeOptimized(unmarked, baseline.card, 0);
    const auto change = std::find_if(assumed.changes.begin(), assumed.changes.end(),
                                     [](const core::ProposedChange &c) { return c.escalation; });
    REQUIRE(change != assumed.changes.end());
    CHECK(change->escalation->rateSource == core::RateSource::Assumed);
    CHECK(change->escalation->rate == 0.05);
    CHECK_THAT(change->text, Catch::Contains("(assumed rate)"));
  }
}

TEST_CASE("An escalation's rate_source reads, writes back, is checked and is a field",
          "[core][escalation]") {
  const auto measured = policyScenario(workloadJson("code", R"("routing": { "mid-a": 1 },
                 "escalation": { "to": "premium-a", "rate": 0.05, "rate_source": "measured" })"));
  CHECK(measured.scenario.workloads[0].escalation->measured);
  CHECK(core::scenarioToJson(measured.scenario)["workloads"][0]["escalation"]["rate_source"] ==
        "measured");
  const auto plain = policyScenario(workloadJson(
      "code", R"("routing": { "mid-a": 1 }, "escalation": { "to": "premium-a", "rate": 0.05 })"));
  CHECK_FALSE(plain.scenario.workloads[0].escalation->measured);
  CHECK_FALSE(
      core::scenarioToJson(plain.scenario)["workloads"][0]["escalation"].contains("rate_source"));
  // evaluate --json's escalations say which.
  const auto breakEvens = core::escalationBreakEvens(measured.scenario, measured.card, 0);
  REQUIRE(breakEvens.size() == 1);
  CHECK(breakEvens[0].measured);
  CHECK(core::escalationsToJson(breakEvens)[0]["rate_source"] == "measured");

  const core::ScenarioLoadResult wrong =
      core::loadScenarioText(scenarioWith(workloadJson("code", R"("routing": { "mid-a": 1 },
          "escalation": { "to": "premium-a", "rate": 0.05, "rate_source": "guessed" })")),
                             ".", "wrong.json");
  CHECK_FALSE(wrong.loaded);
  CHECK_THAT(wrong.report(), Catch::Contains("workloads[0].escalation.rate_source") &&
                                 Catch::Contains("must be \"measured\" or \"assumed\""));

  core::Scenario edited = plain.scenario;
  const core::FieldKey source{core::Field::EscalationMeasured, 0};
  CHECK(core::getField(edited, source) == core::FieldValue(0.0));
  CHECK(core::setField(edited, source, 1.0));
  CHECK(edited.workloads[0].escalation->measured);
  CHECK_FALSE(core::setField(edited, source, 0.5));
  edited.workloads[0].escalation.reset();
  CHECK_FALSE(core::setField(edited, source, 1.0));
}

TEST_CASE("Seed policy: not proposed where the rate is at or above e*",
          "[core][optimize][policy]") {
  // premium-b ($1,575) is barely dearer than small-a ($1,500): e* = 75 / 1,575
  // = 4.8%, below the assumed 10%, so the policy would cost more than today.
  const auto baseline = policyScenario(
      workloadJson("code", R"("routing": { "premium-b": 1 }, "adequate_models": ["small-a"])"));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  CHECK(proposal.scenario.workloads[0].routing ==
        std::vector<core::RoutingShare>{{"premium-b", 1.0}});
  CHECK_FALSE(proposal.scenario.workloads[0].escalation);
  CHECK(proposal.changes.empty());

  SECTION("and a premium share never drops a tier without the exception path") {
    // With the policy refused by e*, small-a is still not proposed outright.
    for (const core::RoutingShare &route : proposal.scenario.workloads[0].routing)
      CHECK(route.modelId != "small-a");
  }
}

TEST_CASE("Prompt router: proposed over two adequate models at the assumed split",
          "[core][optimize][router]") {
  // No adequate set: mid-a has no same-tier move, but the router's small-a
  // is of provider A, which the workload runs on.
  const auto baseline = policyScenario(workloadJson("chat", R"("routing": { "mid-a": 1 })"));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  const core::Workload &proposed = proposal.scenario.workloads[0];
  CHECK(proposed.promptRouter == "fam:1");
  CHECK(proposed.routing ==
        std::vector<core::RoutingShare>{{"small-a", core::kAssumedRouterSmallShare},
                                        {"mid-a", 1 - core::kAssumedRouterSmallShare}});
  REQUIRE(proposal.changes.size() == 1);
  const core::ProposedChange &change = proposal.changes[0];
  CHECK(change.rule == core::ChangeRule::PromptRouter);
  CHECK(std::string(core::toString(change.rule)) == "prompt_router");
  REQUIRE(change.router);
  CHECK(change.router->id == "fam:1");
  CHECK(change.router->splitSource == core::RateSource::Assumed);
  CHECK_THAT(change.text, Catch::Contains("(assumed)"));
  // 70% × $1,500 + 30% × $4,500 = $2,400 against $4,500.
  CHECK_THAT(netOf(proposal.scenario, baseline.card), closeTo(2400));
  CHECK_THAT(change.savingUsd, closeTo(2100));

  SECTION("priced as its split: the same as the two routes written without the router") {
    core::Scenario routes = proposal.scenario;
    routes.workloads[0].promptRouter.clear();
    const core::Evaluation withRouter =
        core::evaluate(core::prepareScenario(proposal.scenario, baseline.card), 0);
    const core::Evaluation withoutRouter =
        core::evaluate(core::prepareScenario(routes, baseline.card), 0);
    CHECK(withRouter.netUsd == withoutRouter.netUsd);
    CHECK(test::costOf(withRouter.byModel, "small-a") ==
          test::costOf(withoutRouter.byModel, "small-a"));
    CHECK_THAT(test::costOf(withRouter.byModel, "small-a"), closeTo(1050));
    CHECK_THAT(test::costOf(withRouter.byModel, "mid-a"), closeTo(1350));
    core::ValidationIssues issues;
    core::validateScenario(proposal.scenario, baseline.card, issues);
    CHECK(issues.empty());
  }
  SECTION("not proposed where the router's other model is outside a listed set") {
    const auto listed = policyScenario(
        workloadJson("chat", R"("routing": { "mid-a": 1 }, "adequate_models": ["mid-a"])"));
    const auto kept = core::proposeOptimized(listed.scenario, listed.card, 0);
    CHECK(kept.scenario.workloads[0].promptRouter.empty());
    CHECK(kept.changes.empty());
  }
  SECTION("the file carries the router; validation names its place") {
    const core::Json saved = core::scenarioToJson(proposal.scenario);
    CHECK(saved["workloads"][0]["prompt_router"]["id"] == "fam:1");
    const auto issues = core::formatIssues(
        "s.json",
        test::issuesOf(scenarioWith(workloadJson(
            "chat", R"("routing": { "mid-a": 1 }, "prompt_router": { "id": "fam:2" })"))));
    CHECK_THAT(issues, Catch::Contains("workloads[0].prompt_router.id") &&
                           Catch::Contains("unknown prompt router \"fam:2\""));
    const auto missing = core::formatIssues(
        "s.json",
        test::issuesOf(scenarioWith(workloadJson(
            "chat", R"("routing": { "mid-a": 1 }, "prompt_router": { "id": "fam:1" })"))));
    CHECK_THAT(missing, Catch::Contains("workloads[0].prompt_router.id") &&
                            Catch::Contains("serves small-a"));
  }
}

TEST_CASE("Global profile: the same model through global., with its caveat; never data-resident",
          "[core][optimize][global]") {
  const auto baseline = policyScenario(workloadJson("rag", R"("routing": { "us.mid-x": 1 })"));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  CHECK(proposal.scenario.workloads[0].routing ==
        std::vector<core::RoutingShare>{{"global.mid-x", 1.0}});
  REQUIRE(proposal.changes.size() == 1);
  const core::ProposedChange &change = proposal.changes[0];
  CHECK(change.rule == core::ChangeRule::GlobalProfile);
  CHECK(std::string(core::toString(change.rule)) == "global_profile");
  CHECK(change.caveat == core::kGlobalProfileCaveat);
  CHECK_THAT(change.caveat, Catch::Contains("any commercial AWS region"));
  CHECK_THAT(change.savingUsd, closeTo(300)); // $3,300 → $3,000
  CHECK(core::proposedChangesToJson(proposal.changes)[0]["caveat"] == core::kGlobalProfileCaveat);

  SECTION("data_residency refuses it, even where the global id is listed") {
    const auto resident =
        policyScenario(workloadJson("rag", R"("routing": { "us.mid-x": 1 }, "data_residency": true,
                  "adequate_models": ["global.mid-x"])"));
    CHECK(resident.scenario.workloads[0].dataResidency);
    const auto kept = core::proposeOptimized(resident.scenario, resident.card, 0);
    CHECK(kept.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"us.mid-x", 1.0}});
    CHECK(kept.changes.empty());
    CHECK(core::scenarioToJson(resident.scenario)["workloads"][0]["data_residency"] == true);
  }
  SECTION("the window's field sets the flag") {
    core::Scenario edited = baseline.scenario;
    const core::FieldKey flag{core::Field::DataResidency, 0};
    CHECK(core::getField(edited, flag) == core::FieldValue(0.0));
    CHECK(core::setField(edited, flag, 1.0));
    CHECK(edited.workloads[0].dataResidency);
    CHECK(core::proposeOptimized(edited, baseline.card, 0).changes.empty());
    CHECK_FALSE(core::setField(edited, flag, std::string("yes")));
  }
}

TEST_CASE("Optimize ranks the proposals by saving, and they add up to the headline",
          "[core][optimize]") {
  const auto baseline = policyScenario(workloadJson("rag", R"("routing": { "us.mid-x": 1 })") +
                                       "," + workloadJson("chat", R"("routing": { "mid-a": 1 })") +
                                       "," + workloadJson("code", R"("routing": { "premium-a": 1 },
                                            "adequate_models": ["small-a"])"));
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  REQUIRE(proposal.changes.size() == 3);
  CHECK(proposal.changes[0].workloadId == "code"); // $12,000
  CHECK(proposal.changes[1].workloadId == "chat"); // $2,100
  CHECK(proposal.changes[2].workloadId == "rag");  // $300
  double saved = 0;
  for (const core::ProposedChange &change : proposal.changes)
    saved += change.savingUsd;
  CHECK_THAT(saved, closeTo(netOf(baseline.scenario, baseline.card) -
                            netOf(proposal.scenario, baseline.card)));
  CHECK(changeOf(proposal, "chat")->router);
  // The waterfall moves the exception path and the router with the routing.
  const auto attribution =
      core::attributeLevers(baseline.scenario, baseline.card, proposal.scenario, baseline.card, 0);
  CHECK_THAT(attribution.comparedNetUsd, closeTo(netOf(proposal.scenario, baseline.card)));
}

TEST_CASE("The card's prompt routers are read, written and checked", "[core][ratecard][router]") {
  const core::RateCard builtin = core::builtinRateCard();
  REQUIRE(builtin.promptRouters.size() == 3);
  for (const char *id : {"amazon.nova:1", "anthropic.claude:1", "meta.llama:1"}) {
    const core::PromptRouter *router = builtin.findRouter(id);
    REQUIRE(router);
    REQUIRE(router->models.size() == 2);
    for (const std::string &model : router->models)
      CHECK(builtin.find(model));
    CHECK_FALSE(router->source.empty());
    CHECK(router->sourceDate.size() == 10);
  }
  CHECK(builtin.findRouter("amazon.nova:1")->models ==
        std::vector<std::string>{"amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0"});
  const core::Json written = core::rateCardToJson(builtin);
  CHECK(written["prompt_routers"].size() == 3);

  std::string card = policyCard();
  card.replace(card.find(R"(["small-a", "mid-a"])"), 20, R"(["small-a", "gpt-9"])");
  core::ValidationIssues issues;
  core::readRateCard(core::Json::parse(card), "", issues);
  CHECK(test::hasIssueAt(issues, "prompt_routers[0].models[1]"));
}

TEST_CASE("A move that costs more until its commitment is resized says so with both savings",
          "[core][optimize]") {
  // The example's operations agent moves its Claude Sonnet 4.5 share to
  // Sonnet 5 while the Sonnet 4.5 reservation still charges: dearer on its
  // own, paid for by the reservation's resizing (docs/cost-model.md §15).
  const auto load = core::loadExampleScenario();
  REQUIRE(load.loaded);
  const core::OptimizedProposal proposal =
      core::proposeOptimized(load.loaded->scenario, load.loaded->card, 0);
  int paired = 0;
  for (const core::ProposedChange &move : proposal.changes) {
    if (move.workloadId.empty() || move.savingUsd > 0)
      continue;
    const auto commitment = std::find_if(proposal.changes.begin(), proposal.changes.end(),
                                         [&](const core::ProposedChange &c) {
                                           return c.workloadId.empty() && c.modelId == move.modelId;
                                         });
    REQUIRE(commitment != proposal.changes.end());
    ++paired;
    INFO(move.caveat);
    CHECK_THAT(
        move.caveat,
        Catch::Contains("on its own it costs " + core::formatUsdExact(-move.savingUsd) + " more") &&
            Catch::Contains("the commitment on " + move.modelId) &&
            Catch::Contains("the two save " +
                            core::formatUsdExact(commitment->savingUsd + move.savingUsd)));
    CHECK(commitment->savingUsd + move.savingUsd > 0);
    CHECK(core::savingText(move) ==
          "costs " + core::formatUsdExact(-move.savingUsd) + " more per month on its own");
  }
  CHECK(paired == 1);
  CHECK(core::savingText(proposal.changes.front()) ==
        "saves " + core::formatUsdExact(proposal.changes.front().savingUsd) + " per month");
}
