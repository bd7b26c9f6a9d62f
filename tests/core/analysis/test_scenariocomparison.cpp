#include "core/analysis/leverattribution.h"
#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/model/scenariofields.h"
#include "tests/core/randomscenario.h"
#include "tests/core/testsupport.h"

#include <algorithm>
#include <numeric>
#include <set>

using namespace bwi;
using test::closeTo;
using test::near;

namespace {

// One workload of 1,000,000 requests: 1,000 input and 100 output tokens on
// "plain" ($1 / $5 per 1M): $1,500 gross a month, $1,350 net at 10% off.
const std::string kWorkload = R"({ "id": "w0", "requests_per_month": 1000000,
    "tokens": { "system": 1000, "output": 100 }, "routing": { "plain": 1 } })";
const std::string kAgreement = R"("agreement": { "discount": 0.1 })";

core::LoadedScenario withWorkloads(const std::string &workloads,
                                   const std::string &extra = kAgreement) {
  return test::load(test::scenarioJson("[" + workloads + "]", extra));
}

std::string replaced(std::string text, const std::string &from, const std::string &to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

core::LeverAttribution attribute(const core::LoadedScenario &baseline,
                                 const core::LoadedScenario &compared, int month = 0) {
  return core::attributeLevers(baseline.scenario, baseline.card, compared.scenario, compared.card,
                               month);
}

double sumOfBars(const core::LeverAttribution &attribution) {
  return std::accumulate(attribution.bars.begin(), attribution.bars.end(), 0.0,
                         [](double sum, const core::LeverBar &bar) { return sum + bar.deltaUsd; });
}

// Every bar but `lever`'s is zero, and `lever`'s is the whole difference.
void checkOnlyLever(const core::LeverAttribution &attribution, core::AttributionStep lever,
                    double expectedDelta) {
  for (const core::LeverBar &bar : attribution.bars) {
    INFO(bar.label);
    if (bar.levers == std::vector<core::AttributionStep>{lever})
      CHECK_THAT(bar.deltaUsd, near(expectedDelta));
    else
      CHECK_THAT(bar.deltaUsd, near(0));
  }
  CHECK_THAT(attribution.differenceUsd(), near(expectedDelta));
}

} // namespace

TEST_CASE("Each lever's change shows in its own bar", "[core][comparison]") {
  const auto baseline = withWorkloads(kWorkload);
  const auto base = attribute(baseline, baseline);
  CHECK_THAT(base.baselineNetUsd, near(1350));
  CHECK(base.bars.size() == 8); // the rate-card bar only when the cards differ
  CHECK(base.bars.back().levers == std::vector{core::AttributionStep::PrivatePricing});

  SECTION("volume: twice the requests") {
    checkOnlyLever(attribute(baseline, withWorkloads(replaced(kWorkload, "1000000", "2000000"))),
                   core::AttributionStep::Volume, 1350);
  }
  SECTION("batch: half the requests at half price saves a quarter, net of the discount") {
    // 500,000 × $0.0015 + 500,000 × (1,000 × $0.5 + 100 × $2.5) / 1M = $1,125 gross.
    const auto compared =
        withWorkloads(replaced(kWorkload, R"("routing")", R"("batch_share": 0.5, "routing")"));
    checkOnlyLever(attribute(baseline, compared), core::AttributionStep::Batch,
                   (1125 - 1500) * 0.9);
  }
  SECTION("routing: to the marketplace model, which the discount does not reach") {
    // market: $2 / $10 per 1M: $3,000 gross and net; the baseline nets $1,350.
    const auto compared = withWorkloads(replaced(kWorkload, R"("plain": 1)", R"("market": 1)"));
    checkOnlyLever(attribute(baseline, compared), core::AttributionStep::Routing, 3000 - 1350);
  }
  SECTION("context trimming: half the input tokens") {
    // 500 input: (500 × $1 + 100 × $5) / 1M = $0.001 a request, $1,000 gross.
    const auto compared =
        withWorkloads(replaced(kWorkload, R"("system": 1000)", R"("system": 500)"));
    checkOnlyLever(attribute(baseline, compared), core::AttributionStep::TokenShape,
                   (1000 - 1500) * 0.9);
  }
  SECTION("service tier: priority at 1.75×") {
    const auto compared = withWorkloads(
        replaced(kWorkload, R"("routing")", R"("service_tier": "priority", "routing")"));
    checkOnlyLever(attribute(baseline, compared), core::AttributionStep::ServiceTier,
                   1500 * 0.75 * 0.9);
  }
  SECTION("caching: 800 of the 1,000 tokens cached, read 90% of the time") {
    // CR = 720, CW = 80, UI = 200: (200 × 1 + 720 × 0.1 + 80 × 1.25 + 100 × 5) / 1M = $0.000872.
    const auto compared = withWorkloads(
        replaced(kWorkload, R"("routing")",
                 R"("caching": { "cacheable_prefix": 800, "hit_rate": 0.9 }, "routing")"));
    checkOnlyLever(attribute(baseline, compared), core::AttributionStep::Caching,
                   (872 - 1500) * 0.9);
  }
  SECTION("private pricing: 20% instead of 10%") {
    checkOnlyLever(
        attribute(baseline, withWorkloads(kWorkload, R"("agreement": { "discount": 0.2 })")),
        core::AttributionStep::PrivatePricing, -150);
  }
  SECTION("an added workload is volume") {
    const std::string added = R"({ "id": "w1", "requests_per_month": 2000000,
        "tokens": { "user": 100, "output": 10 }, "routing": { "nobatch": 1 } })";
    // 2M × (100 × $1 + 10 × $5) / 1M = $300 gross, $270 net.
    checkOnlyLever(attribute(baseline, withWorkloads(kWorkload + "," + added)),
                   core::AttributionStep::Volume, 270);
    // And a removed one takes its cost away again.
    checkOnlyLever(attribute(withWorkloads(kWorkload + "," + added), baseline),
                   core::AttributionStep::Volume, -270);
  }
}

TEST_CASE("Levers that cannot move alone move together", "[core][comparison]") {
  // A 1-hour cache on "plain"; the compared scenario routes to "nobatch",
  // which has no 1-hour price, with a 5-minute cache. Routing alone would
  // be a scenario that cannot be costed, so routing, batch (unchanged) and
  // caching make one bar.
  const std::string cached = R"({ "id": "w0", "requests_per_month": 1000000,
      "tokens": { "system": 1000, "output": 100 },
      "caching": { "cacheable_prefix": 1000, "hit_rate": 0.5, "ttl": "1h" },
      "routing": { "plain": 1 } })";
  const auto baseline = withWorkloads(cached);
  const auto compared = withWorkloads(replaced(replaced(cached, R"("ttl": "1h")", R"("ttl": "5m")"),
                                               R"("plain": 1)", R"("nobatch": 1)"));
  const auto attribution = attribute(baseline, compared);
  REQUIRE(attribution.bars.size() == 6);
  CHECK(attribution.bars[1].levers == std::vector{core::AttributionStep::Routing,
                                                  core::AttributionStep::Batch,
                                                  core::AttributionStep::Caching});
  CHECK(attribution.bars[1].label == "Routing + Batch + Caching");
  CHECK_THAT(sumOfBars(attribution), closeTo(attribution.differenceUsd()));
  CHECK_THAT(attribution.bars[1].deltaUsd, closeTo(attribution.differenceUsd()));
}

TEST_CASE("A different rate card is a lever of its own", "[core][comparison]") {
  const auto baseline = withWorkloads(kWorkload);
  const auto compared = withWorkloads(
      kWorkload,
      std::string(kAgreement) +
          R"(, "ratecard_overrides": { "plain": { "on_demand": { "input_per_1m": 0.5 } } })");
  const auto attribution = attribute(baseline, compared);
  REQUIRE(attribution.bars.size() == 9);
  // (1,000 × $0.5 + 100 × $5) / 1M = $0.001 a request: $1,000 gross, $900 net.
  checkOnlyLever(attribution, core::AttributionStep::RateCard, 900 - 1350);
}

TEST_CASE("The bars sum to the difference for generated pairs of scenarios",
          "[core][comparison][properties]") {
  std::mt19937_64 random(4'2026'11'26);
  const core::RateCard card = test::propertyCard();
  for (int index = 0; index < 200; ++index) {
    const core::Scenario baseline = test::randomScenario(random);
    core::Scenario compared = test::randomScenario(random);
    // Half the time a near copy: the baseline with one workload's shape from the other.
    if (index % 2 == 0 && !compared.workloads.empty()) {
      core::Workload moved = compared.workloads.front();
      compared = baseline;
      compared.workloads.front().tokens = moved.tokens;
      compared.workloads.front().batchShare = moved.batchShare;
    }
    const int month = static_cast<int>(random() % 3);
    INFO("pair " << index);
    const auto attribution = core::attributeLevers(baseline, card, compared, card, month);
    const auto netOf = [&](const core::Scenario &scenario) {
      return core::evaluate(core::prepareScenario(scenario, card), month).netUsd;
    };
    CHECK_THAT(attribution.baselineNetUsd, near(netOf(baseline)));
    CHECK_THAT(attribution.comparedNetUsd, near(netOf(compared)));
    CHECK_THAT(sumOfBars(attribution), closeTo(attribution.differenceUsd()));
    CHECK_THAT(attribution.bars.back().runningUsd, near(attribution.comparedNetUsd));
    double running = attribution.baselineNetUsd;
    for (const core::LeverBar &bar : attribution.bars) {
      CHECK_THAT(bar.runningUsd, closeTo(running + bar.deltaUsd));
      running = bar.runningUsd;
    }
  }
}

TEST_CASE("The comparison table gives each figure and its difference", "[core][comparison]") {
  const auto baseline = withWorkloads(kWorkload);
  const auto doubled = withWorkloads(replaced(kWorkload, "1000000", "2000000"));
  const auto cheaper = withWorkloads(kWorkload, R"("agreement": { "discount": 0.2 })");
  const core::Comparison comparison =
      core::compareScenarios({{"base", baseline.scenario, baseline.card},
                              {"doubled", doubled.scenario, doubled.card},
                              {"cheaper", cheaper.scenario, cheaper.card}},
                             0);
  REQUIRE(comparison.labels == std::vector<std::string>{"base", "doubled", "cheaper"});
  const auto row = [&](const std::string &key) {
    for (const core::FigureRow &figure : comparison.rows)
      if (figure.key == key)
        return figure;
    FAIL("no row " << key);
    return core::FigureRow{};
  };
  const core::FigureRow net = row("net_usd");
  CHECK_THAT(*net.values[0], near(1350));
  CHECK_THAT(*net.values[1], near(2700));
  CHECK_THAT(*net.values[2], near(1200));
  CHECK_FALSE(net.differences[0]);
  CHECK_THAT(*net.differences[1], near(1350));
  CHECK_THAT(*net.relativeDifferences[1], near(1.0));
  CHECK_THAT(*net.differences[2], near(-150));
  CHECK_THAT(*row("requests").differences[1], near(1e6));
  CHECK_THAT(*row("net_per_1k_requests_usd").values[0], near(1.35));
  CHECK_FALSE(row("pt_utilization").values[0]); // no PT
  // 12 flat months (no growth): twelve times the month.
  CHECK_THAT(*row("forecast_net_usd").values[0], closeTo(12 * 1350));
  REQUIRE(comparison.attributions.size() == 2);
  CHECK_THAT(comparison.attributions[0].differenceUsd(), near(1350));
  CHECK_THAT(comparison.attributions[1].differenceUsd(), near(-150));
  CHECK_THAT(comparison.netModes[1].onDemand, near(2700));
}

namespace {

// Tiered models for the optimizer: small-a $1/$5, small-b $0.5/$2 with batch,
// small-guess cheaper still but an estimate; mid-a $3/$15 offering priority,
// mid-b $2/$10 without it.
std::string tieredCard() {
  return R"({ "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-11-01",
    "region": "us-east-1", "currency": "USD", "models": [
      { "id": "small-a", "provider": "A", "tier": "small",
        "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": { "input_per_1m": 0.5, "output_per_1m": 2.5 }, "cache": null },
      { "id": "small-b", "provider": "B", "tier": "small",
        "on_demand": { "input_per_1m": 0.5, "output_per_1m": 2.0 },
        "batch": { "input_per_1m": 0.25, "output_per_1m": 1.0 }, "cache": null },
      { "id": "small-guess", "provider": "B", "tier": "small",
        "on_demand": { "input_per_1m": 0.01, "output_per_1m": 0.01, "estimate": true },
        "batch": null, "cache": null },
      { "id": "mid-a", "provider": "A", "tier": "mid",
        "on_demand": { "input_per_1m": 3.0, "output_per_1m": 15.0 }, "batch": null, "cache": null,
        "tiers": { "priority": 1.75 } },
      { "id": "mid-b", "provider": "B", "tier": "mid",
        "on_demand": { "input_per_1m": 2.0, "output_per_1m": 10.0 }, "batch": null, "cache": null }
    ] })";
}

core::LoadedScenario tiered(const std::string &workloads, const std::string &extra = "") {
  return test::load(R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "tiers",
      "ratecard": )" +
                    tieredCard() + R"(, "workloads": [)" + workloads + "]" +
                    (extra.empty() ? "" : ", " + extra) + "}");
}

} // namespace

TEST_CASE("Optimize proposes batch, the cheapest model of the adequate set, and sized PT",
          "[core][comparison][optimize]") {
  const auto baseline = tiered(R"(
      { "id": "nightly", "name": "Nightly", "requests_per_month": 1000000, "latency_tolerant": true,
        "tokens": { "user": 1000, "output": 100 }, "routing": { "small-a": 1 },
        "adequate_models": ["small-b", "small-guess"] },
      { "id": "chat", "name": "Chat", "requests_per_month": 1000000, "service_tier": "priority",
        "tokens": { "user": 1000, "output": 100 }, "routing": { "mid-a": 0.5, "small-a": 0.5 } })");
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  const core::Scenario &proposed = proposal.scenario;
  CHECK(proposed.name == "tiers (optimized)");
  // Latency-tolerant: all batch, on the cheapest small model (not the estimate).
  CHECK(proposed.workloads[0].batchShare == 1.0);
  CHECK(proposed.workloads[0].routing == std::vector<core::RoutingShare>{{"small-b", 1.0}});
  // Priority needs a model that offers it: mid-a stays; small-a has no
  // priority either, so it stays too.
  CHECK(proposed.workloads[1].routing ==
        std::vector<core::RoutingShare>{{"mid-a", 0.5}, {"small-a", 0.5}});
  CHECK(proposal.changes.size() == 2);

  core::ValidationIssues issues;
  core::validateScenario(proposed, baseline.card, issues);
  CHECK(issues.empty());
  const auto attribution =
      core::attributeLevers(baseline.scenario, baseline.card, proposed, baseline.card, 0);
  // Nightly: $1,500 on demand → 1M × (1,000 × $0.25 + 100 × $1) / 1M = $350 in batch.
  CHECK_THAT(attribution.differenceUsd(), near(350 - 1500));
  CHECK_THAT(sumOfBars(attribution), closeTo(attribution.differenceUsd()));

  SECTION("same provider only") {
    const auto kept = core::proposeOptimized(baseline.scenario, baseline.card, 0, {true});
    CHECK(kept.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"small-a", 1.0}});
    CHECK(kept.scenario.workloads[0].batchShare == 1.0);
  }
}

namespace {

const core::ProposedChange *routingChange(const core::OptimizedProposal &proposal) {
  for (const core::ProposedChange &change : proposal.changes)
    if (change.rule != core::ChangeRule::SameModel)
      return &change;
  return nullptr;
}

} // namespace

TEST_CASE("Adequacy: a listed set lets a share move across tiers and providers, and no further",
          "[core][comparison][optimize][adequacy]") {
  // mid-a → small-b is a move no tier rule allows; the team listed small-b.
  const auto listed = tiered(R"(
      { "id": "rag", "name": "RAG", "requests_per_month": 1000000,
        "tokens": { "user": 1000, "output": 100 }, "routing": { "mid-a": 1 },
        "adequate_models": ["small-b", "mid-b"] })");
  const auto proposal = core::proposeOptimized(listed.scenario, listed.card, 0);
  CHECK(proposal.scenario.workloads[0].routing ==
        std::vector<core::RoutingShare>{{"small-b", 1.0}});
  const core::ProposedChange *change = routingChange(proposal);
  REQUIRE(change);
  CHECK(change->rule == core::ChangeRule::AdequateModels);
  CHECK(change->ruleText == "listed adequate set (adequate_models)");
  CHECK(std::string(core::toString(change->rule)) == "adequate_models");

  SECTION("a cheaper model not listed is not proposed") {
    const auto narrow = tiered(R"(
      { "id": "rag", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 100 },
        "routing": { "mid-a": 1 }, "adequate_models": ["mid-b"] })");
    const auto kept = core::proposeOptimized(narrow.scenario, narrow.card, 0);
    CHECK(kept.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"mid-b", 1.0}});
  }
  SECTION("the models routed to today stay adequate without being listed") {
    const auto today = tiered(R"(
      { "id": "rag", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 100 },
        "routing": { "mid-a": 0.5, "small-b": 0.5 }, "adequate_models": ["mid-a"] })");
    const auto moved = core::proposeOptimized(today.scenario, today.card, 0);
    CHECK(moved.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"small-b", 1.0}});
  }
  SECTION("--same-provider narrows a listed set to the provider of each share") {
    const auto kept = core::proposeOptimized(listed.scenario, listed.card, 0, {true});
    CHECK(kept.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"mid-a", 1.0}});
  }
}

TEST_CASE("Adequacy: with no set the optimizer stays with today's providers and tiers, and says so",
          "[core][comparison][optimize][adequacy]") {
  SECTION("one provider: mid-b is cheaper but of another provider") {
    const auto alone = tiered(R"(
      { "id": "chat", "requests_per_month": 1000000, "tokens": { "user": 1000, "output": 100 },
        "routing": { "mid-a": 1 } })");
    const auto proposal = core::proposeOptimized(alone.scenario, alone.card, 0);
    CHECK(proposal.scenario.workloads[0].routing ==
          std::vector<core::RoutingShare>{{"mid-a", 1.0}});
    CHECK(proposal.changes.empty());
  }
  SECTION("two providers: a share moves to the other's model of its own tier only") {
    const auto both = tiered(R"(
      { "id": "chat", "name": "Chat", "requests_per_month": 1000000,
        "tokens": { "user": 1000, "output": 100 }, "routing": { "mid-a": 0.5, "small-a": 0.5 } },
      { "id": "other", "requests_per_month": 1, "routing": { "small-b": 1 } })");
    // Provider B is in the card's use but not this workload's, and the mid
    // share does not drop to the small model the workload also runs on.
    const auto proposal = core::proposeOptimized(both.scenario, both.card, 0);
    CHECK(proposal.scenario.workloads[0].routing ==
          std::vector<core::RoutingShare>{{"mid-a", 0.5}, {"small-a", 0.5}});
    const auto mixed = tiered(R"(
      { "id": "chat", "name": "Chat", "requests_per_month": 1000000,
        "tokens": { "user": 1000, "output": 100 }, "routing": { "mid-a": 0.5, "small-b": 0.5 } })");
    const auto moved = core::proposeOptimized(mixed.scenario, mixed.card, 0);
    // mid-a → mid-b (B is a provider of the workload, same tier); never to small-b.
    CHECK(moved.scenario.workloads[0].routing ==
          std::vector<core::RoutingShare>{{"mid-b", 0.5}, {"small-b", 0.5}});
    const core::ProposedChange *change = routingChange(moved);
    REQUIRE(change);
    CHECK(change->rule == core::ChangeRule::SameProvider);
    CHECK(change->ruleText == "no adequate set: stayed with B, same tier (mid)");
  }
}

TEST_CASE("Adequacy: a minimum quality score admits only models the card scores at or above it",
          "[core][comparison][optimize][adequacy]") {
  // small-a 1,300, small-b 1,250, mid-a 1,400; mid-b has no score.
  std::string card = tieredCard();
  const auto score = [&](const std::string &id, int value) {
    const std::string key = "{ \"id\": \"" + id + "\",";
    const std::size_t at = card.find(key);
    REQUIRE(at != std::string::npos);
    card.insert(at + key.size(), R"( "quality": { "score": )" + std::to_string(value) +
                                     R"(, "scale": "arena rating", "leaderboard": "LMArena",
                                     "date": "2026-09-13", "source": "test" },)");
  };
  score("small-a", 1300);
  score("small-b", 1250);
  score("mid-a", 1400);
  const auto baseline = test::load(
      R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "q", "ratecard": )" + card +
      R"(, "workloads": [{ "id": "chat", "name": "Chat", "requests_per_month": 1000000,
          "tokens": { "user": 1000, "output": 100 }, "routing": { "mid-a": 1 },
          "min_quality": 1260 }]})");
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  // small-b is cheaper but scores below; mid-b is cheaper but unscored.
  CHECK(proposal.scenario.workloads[0].routing ==
        std::vector<core::RoutingShare>{{"small-a", 1.0}});
  const core::ProposedChange *change = routingChange(proposal);
  REQUIRE(change);
  CHECK(change->rule == core::ChangeRule::MinQuality);
  CHECK(change->ruleText ==
        "minimum quality score 1,260 on LMArena (2026-09-13): small-a scores 1,300");

  SECTION("with no set, no move to a model the card scores lower") {
    core::Scenario unset = baseline.scenario;
    unset.workloads[0].minQuality.reset();
    unset.workloads[0].routing = {{"small-a", 1.0}};
    unset.workloads.push_back(unset.workloads[0]);
    // small-a and small-b both provider A in this copy: small-b scores lower.
    core::RateCard sameProvider = baseline.card;
    for (core::ModelRates &model : sameProvider.models)
      model.provider = "A";
    const auto kept = core::proposeOptimized(unset, sameProvider, 0);
    CHECK(kept.scenario.workloads[0].routing == std::vector<core::RoutingShare>{{"small-a", 1.0}});
  }
  SECTION("with no set, no move from a scored model to one the card does not score") {
    // mid-b is cheaper, of a provider the workload uses (B, via small-b) and of
    // mid-a's tier, but unscored where mid-a scores 1,400: nothing shows it as good.
    core::Scenario unset = baseline.scenario;
    unset.workloads[0].minQuality.reset();
    unset.workloads[0].routing = {{"mid-a", 0.5}, {"small-b", 0.5}};
    const auto kept = core::proposeOptimized(unset, baseline.card, 0);
    CHECK(kept.scenario.workloads[0].routing ==
          std::vector<core::RoutingShare>{{"mid-a", 0.5}, {"small-b", 0.5}});
  }
}

TEST_CASE("Adequacy: the file's fields are read, written, validated with their place, and edited",
          "[core][comparison][adequacy][validation]") {
  const auto listed = tiered(R"(
      { "id": "rag", "requests_per_month": 1000, "routing": { "mid-a": 1 },
        "adequate_models": ["small-b", "mid-b"], "min_quality": 1300 })");
  const core::Workload &workload = listed.scenario.workloads[0];
  CHECK(workload.adequateModels == std::vector<std::string>{"small-b", "mid-b"});
  REQUIRE(workload.minQuality);
  CHECK(*workload.minQuality == 1300);
  const core::Json saved = core::scenarioToJson(listed.scenario);
  CHECK(saved["workloads"][0]["adequate_models"] == core::Json{"small-b", "mid-b"});
  CHECK(saved["workloads"][0]["min_quality"] == 1300);

  const auto issuesOf = [](const std::string &workloadJson) {
    return core::formatIssues(
        "s.json",
        test::issuesOf(R"({ "format": "bedrock-whatif-scenario", "version": 1, "ratecard": )" +
                       tieredCard() + R"(, "workloads": [)" + workloadJson + "]}"));
  };
  CHECK_THAT(issuesOf(R"({ "id": "w", "requests_per_month": 1, "routing": { "mid-a": 1 },
                           "adequate_models": ["mid-b", "gpt-9"] })"),
             Catch::Contains("workloads[0].adequate_models[1]") &&
                 Catch::Contains("unknown model id \"gpt-9\""));
  CHECK_THAT(issuesOf(R"({ "id": "w", "requests_per_month": 1, "routing": { "mid-a": 1 },
                           "adequate_models": "mid-b" })"),
             Catch::Contains("workloads[0].adequate_models") &&
                 Catch::Contains("must be an array"));
  CHECK_THAT(issuesOf(R"({ "id": "w", "requests_per_month": 1, "routing": { "mid-a": 1 },
                           "adequate_models": ["mid-b", "mid-b"] })"),
             Catch::Contains("workloads[0].adequate_models[1]") && Catch::Contains("twice"));
  CHECK_THAT(issuesOf(R"({ "id": "w", "requests_per_month": 1, "routing": { "mid-a": 1 },
                           "min_quality": "high" })"),
             Catch::Contains("workloads[0].min_quality"));

  core::Scenario edited = listed.scenario;
  const core::FieldKey models{core::Field::AdequateModels, 0};
  const core::FieldKey minimum{core::Field::MinQuality, 0};
  CHECK(core::getField(edited, models) ==
        core::FieldValue(std::vector<std::string>{"small-b", "mid-b"}));
  CHECK(core::setField(edited, models, std::vector<std::string>{"mid-b"}));
  CHECK(edited.workloads[0].adequateModels == std::vector<std::string>{"mid-b"});
  CHECK(core::setField(edited, minimum, std::monostate{}));
  CHECK_FALSE(edited.workloads[0].minQuality);
  CHECK(core::getField(edited, minimum) == core::FieldValue(std::monostate{}));
  CHECK(core::setField(edited, minimum, 1250.0));
  CHECK(edited.workloads[0].minQuality == 1250.0);
  CHECK_FALSE(core::setField(edited, models, 3.0));
}

TEST_CASE("Optimize never leaves a workload's adequate set (generated scenarios, built-in card)",
          "[core][comparison][optimize][adequacy][property]") {
  const core::RateCard card = core::builtinRateCard();
  std::vector<const core::ModelRates *> chat;
  for (const core::ModelRates &model : card.models)
    if ((model.tier == "small" || model.tier == "mid" || model.tier == "premium") &&
        model.onDemand.outputPer1m > 0 && !model.onDemand.estimate)
      chat.push_back(&model);
  REQUIRE(chat.size() > 10);
  std::mt19937_64 random(18);
  const auto pick = [&] {
    return chat[std::uniform_int_distribution<std::size_t>(0, chat.size() - 1)(random)]->id;
  };
  int moved = 0;
  for (int index = 0; index < 300; ++index) {
    core::Scenario scenario = test::randomScenario(random);
    scenario.ratecard = {};
    scenario.provisioned.clear();
    scenario.reserved.clear();
    scenario.ratecardOverrides.clear();
    for (core::Workload &workload : scenario.workloads) {
      workload.escalation.reset();
      workload.serviceTier = core::ServiceTier::Standard;
      workload.caching.reset();
      for (core::RoutingShare &route : workload.routing)
        route.modelId = pick();
      // Each workload gets one of the three rules at random.
      switch (index % 3) {
      case 0:
        for (int k = 0; k < 3; ++k)
          workload.adequateModels.push_back(pick());
        break;
      case 1:
        workload.minQuality = std::uniform_real_distribution<double>(1100, 1450)(random);
        break;
      default:
        break;
      }
      // Some workloads must stay in their region: no global profile for them.
      workload.dataResidency = index % 5 == 0;
      std::sort(workload.adequateModels.begin(), workload.adequateModels.end());
      workload.adequateModels.erase(
          std::unique(workload.adequateModels.begin(), workload.adequateModels.end()),
          workload.adequateModels.end());
    }
    // Two routes drawn to one model: merged, as a file would have them.
    for (core::Workload &workload : scenario.workloads) {
      std::vector<core::RoutingShare> merged;
      for (const core::RoutingShare &route : workload.routing) {
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&](const auto &entry) { return entry.modelId == route.modelId; });
        if (same != merged.end())
          same->share += route.share;
        else
          merged.push_back(route);
      }
      workload.routing = merged;
    }
    core::ValidationIssues issues;
    core::validateScenario(scenario, card, issues);
    INFO("scenario " << index << ": " << core::scenarioToJson(scenario).dump());
    INFO(core::formatIssues("generated", issues));
    REQUIRE(issues.empty());
    const auto proposal = core::proposeOptimized(scenario, card, 0);
    for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
      const core::Workload &before = scenario.workloads[w];
      std::set<std::string> providers;
      std::set<std::string> tiers;
      for (const core::RoutingShare &route : before.routing) {
        providers.insert(card.find(route.modelId)->provider);
        tiers.insert(card.find(route.modelId)->tier);
      }
      const core::Workload &after = proposal.scenario.workloads[w];
      const auto routedBefore = [&](const std::string &id) {
        return std::any_of(before.routing.begin(), before.routing.end(),
                           [&](const auto &entry) { return entry.modelId == id; });
      };
      for (const core::RoutingShare &route : after.routing) {
        if (routedBefore(route.modelId))
          continue;
        ++moved;
        std::string id = route.modelId;
        INFO("workload " << w << " moved to " << route.modelId);
        if (std::count(before.adequateModels.begin(), before.adequateModels.end(), id)) {
          // Listed by its own id (a global one too): never for a data-resident workload.
          if (id.rfind("global.", 0) == 0)
            CHECK_FALSE(before.dataResidency);
          continue;
        }
        if (id.rfind("global.", 0) == 0) {
          // The global_profile rule: the same model as one it may run on,
          // and never for a data-resident workload.
          CHECK_FALSE(before.dataResidency);
          const std::string base = id.substr(7);
          if (card.find(base))
            id = base;
          else if (card.find("us." + base))
            id = "us." + base;
          if (id != route.modelId && routedBefore(id))
            continue;
        }
        const core::ModelRates *model = card.find(id);
        REQUIRE(model);
        if (const core::PromptRouter *router = card.findRouter(after.promptRouter);
            router && std::count(router->models.begin(), router->models.end(), id)) {
          // A router's sibling: listed, meeting the minimum, or of a provider
          // the workload runs on (the router guards the tier).
          if (!before.adequateModels.empty())
            CHECK(std::count(before.adequateModels.begin(), before.adequateModels.end(), id) == 1);
          else if (before.minQuality)
            CHECK((model->quality && model->quality->score >= *before.minQuality));
          else
            CHECK(providers.count(model->provider) == 1);
          continue;
        }
        if (!before.adequateModels.empty())
          CHECK(std::count(before.adequateModels.begin(), before.adequateModels.end(), id) == 1);
        else if (before.minQuality)
          CHECK((model->quality && model->quality->score >= *before.minQuality));
        else {
          CHECK(providers.count(model->provider) == 1);
          CHECK(tiers.count(model->tier) == 1);
        }
      }
    }
  }
  CHECK(moved > 50); // the property was exercised, not vacuously true
}

TEST_CASE("Optimize resizes a commitment to the month's optimum", "[core][comparison][optimize]") {
  // 8 units of "pt" for traffic that needs about 1: the optimum is what the
  // evaluation's own sizing says.
  const auto baseline = test::load(test::scenarioJson(
      R"([{ "id": "w0", "requests_per_month": 3000000, "tokens": { "user": 1000, "output": 100 },
            "routing": { "pt": 1 } }])",
      R"("provisioned": [{ "model": "pt", "model_units": 8, "term": "one_month" }])"));
  const auto evaluation =
      core::evaluate(core::prepareScenario(baseline.scenario, baseline.card), 0);
  REQUIRE(evaluation.provisioned.size() == 1);
  const long long optimal = evaluation.provisioned[0].optimalModelUnits;
  REQUIRE(optimal != 8);
  const auto proposal = core::proposeOptimized(baseline.scenario, baseline.card, 0);
  if (optimal == 0) {
    CHECK(proposal.scenario.provisioned.empty());
  } else {
    REQUIRE(proposal.scenario.provisioned.size() == 1);
    CHECK(proposal.scenario.provisioned[0].modelUnits == optimal);
  }
  const auto after = core::evaluate(core::prepareScenario(proposal.scenario, baseline.card), 0);
  CHECK(after.netUsd <= evaluation.netUsd);
}

TEST_CASE("Optimize the built-in example: cheaper, valid, and explained",
          "[core][comparison][optimize]") {
  const core::ScenarioLoadResult example = core::loadExampleScenario();
  REQUIRE(example.loaded);
  const auto &[scenario, baseCard, card] = *example.loaded;
  for (bool sameProvider : {false, true}) {
    const auto proposal = core::proposeOptimized(scenario, card, 0, {sameProvider});
    core::ValidationIssues issues;
    core::validateScenario(proposal.scenario, card, issues);
    INFO(core::formatIssues("proposal", issues));
    CHECK(issues.empty());
    CHECK_FALSE(proposal.changes.empty());
    const auto attribution = core::attributeLevers(scenario, card, proposal.scenario, card, 0);
    CHECK(attribution.comparedNetUsd < attribution.baselineNetUsd);
    CHECK_THAT(sumOfBars(attribution), closeTo(attribution.differenceUsd()));
    // The latency-tolerant document pipeline goes to batch.
    for (const core::Workload &workload : proposal.scenario.workloads)
      if (workload.latencyTolerant)
        CHECK(workload.batchShare == 1.0);
  }
}

TEST_CASE("Optimize never proposes what costs more than the baseline",
          "[core][comparison][optimize][fuzz-regression]") {
  const auto netAt = [](const core::Scenario &scenario, const core::RateCard &card) {
    return core::evaluate(core::prepareScenario(scenario, card), 0).netUsd;
  };
  SECTION("traffic on a reserved model stays where the reservation makes it cheap") {
    // Found by fuzz_pipeline: both workloads were moved to a model 10% cheaper
    // at list price, the reservation dropped, and the month cost 3.9% more.
    const auto load = core::loadScenarioFile(
        BWI_SOURCE_DIR "/tests/data/fuzz-regressions/optimizer-moves-reserved-traffic.json");
    INFO(load.report());
    REQUIRE(load.loaded);
    const auto proposal = core::proposeOptimized(load.loaded->scenario, load.loaded->card, 0);
    const double baseline = netAt(load.loaded->scenario, load.loaded->card);
    const double proposed = netAt(proposal.scenario, load.loaded->card);
    CHECK(proposed <= baseline);
    CHECK(proposed < baseline - 100); // the reservation resized to its optimum still saves
    for (const auto &workload : proposal.scenario.workloads)
      CHECK(workload.routing.front().modelId == "test.mid-v1");
  }
  SECTION("generated scenarios") {
    std::mt19937_64 random(99);
    const core::RateCard card = test::propertyCard();
    for (int index = 0; index < 500; ++index) {
      const core::Scenario scenario = test::randomScenario(random);
      const auto proposal = core::proposeOptimized(scenario, card, 0);
      INFO("scenario " << index << ": " << core::scenarioToJson(scenario).dump());
      const double baseline = netAt(scenario, card);
      CHECK(netAt(proposal.scenario, card) <= baseline + 1e-9 * std::max(1.0, baseline));
    }
  }
}
