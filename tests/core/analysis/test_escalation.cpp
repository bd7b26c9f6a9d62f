#include "tests/core/testsupport.h"

#include "core/analysis/escalation.h"
#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariojson.h"
#include "core/model/scenariofields.h"

using namespace bwi;
using test::costOf;
using test::evaluateJson;
using test::near;

namespace {

// cheap: $0.25 in / $1.25 out; premium: $3 / $15, with a 1-hour cache price;
// nohour: $1 / $5 with cache prices but no 1-hour write; ptpremium: premium's
// prices with PT at $1 per MU-hour, 10,000 / 1,000 TPM per MU.
std::string escalationCard() {
  return R"({
    "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-11-01",
    "models": [
      { "id": "cheap", "on_demand": { "input_per_1m": 0.25, "output_per_1m": 1.25 },
        "batch": null, "cache": null },
      { "id": "premium", "on_demand": { "input_per_1m": 3.0, "output_per_1m": 15.0 },
        "batch": null, "cache": { "write_per_1m": 3.75, "read_per_1m": 0.3, "write_1h_per_1m": 6 } },
      { "id": "nohour", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": { "write_per_1m": 1.25, "read_per_1m": 0.1 } },
      { "id": "ptpremium", "on_demand": { "input_per_1m": 3.0, "output_per_1m": 15.0 },
        "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "one_month": 1.0 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 } }
    ]
  })";
}

// A million requests of 1,000 input and 100 output tokens: 375 µ$ each on
// cheap, 4,500 µ$ on premium.
std::string scenario(const std::string &routing, const std::string &escalation,
                     const std::string &extra = "") {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "escalation",
              "ratecard": )" +
         escalationCard() + R"(, "workloads": [{ "id": "w", "requests_per_month": 1000000,
             "tokens": { "system": 1000, "output": 100 }, "routing": )" +
         routing + (escalation.empty() ? "" : R"(, "escalation": )" + escalation) + "}]" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

} // namespace

TEST_CASE("Escalation sends a share of the other models' requests again to the target",
          "[core][escalation]") {
  SECTION("s'_B = s_B + e·(1 − s_B); the other shares stay") {
    // premium: 0.2 + 0.1 × 0.8 = 0.28. 0.8 × $375 + 0.28 × $4,500 = $300 + $1,260.
    const auto result = evaluateJson(
        scenario(R"({ "cheap": 0.8, "premium": 0.2 })", R"({ "to": "premium", "rate": 0.1 })"));
    CHECK_THAT(costOf(result.byModel, "cheap"), near(300.0));
    CHECK_THAT(costOf(result.byModel, "premium"), near(1260.0));
    CHECK_THAT(result.grossUsd, near(1560.0));
    // The users' requests stay a million; the calls and tokens count 1.08 million.
    CHECK_THAT(result.requests, near(1e6));
    CHECK_THAT(result.tokens.input, near(1.08e9));
    CHECK_THAT(result.tokens.output, near(1.08e8));
  }
  SECTION("a target the routing does not name") {
    // 1 × $375 + 0.25 × $4,500 = $1,500.
    const auto result =
        evaluateJson(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 0.25 })"));
    CHECK_THAT(result.grossUsd, near(1500.0));
    CHECK_THAT(costOf(result.byWorkload, "w"), near(1500.0));
  }
  SECTION("e = 0 changes nothing") {
    const auto result =
        evaluateJson(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 0 })"));
    CHECK_THAT(result.grossUsd, near(375.0));
    CHECK(result.byModel.size() == 1);
  }
  SECTION("a workload already all on the target is unchanged") {
    const auto result =
        evaluateJson(scenario(R"({ "premium": 1 })", R"({ "to": "premium", "rate": 0.5 })"));
    CHECK_THAT(result.grossUsd, near(4500.0));
  }
}

TEST_CASE("Escalated calls count in PT load like any other", "[core][escalation]") {
  // 0.5 of a million requests escalate to ptpremium: 500,000 × (1,000/10,000
  // + 100/1,000) / 43,800 = 100,000 / 43,800 MU. 3 MU serve it all: charge
  // 3 × $1 × 730 = $2,190, no overflow; cheap: $375.
  const auto result =
      evaluateJson(scenario(R"({ "cheap": 1 })", R"({ "to": "ptpremium", "rate": 0.5 })",
                            R"("provisioned": [{ "model": "ptpremium",
                                                "model_units": 3 }])"));
  REQUIRE(result.provisioned.size() == 1);
  CHECK_THAT(result.provisioned[0].utilization, near(100000.0 / 43800.0 / 3.0));
  CHECK_THAT(result.provisioned[0].overflowUsd, near(0.0));
  CHECK_THAT(result.grossUsd, near(2565.0));
}

TEST_CASE("The break-even escalation rate is where escalation costs as much as all-premium",
          "[core][escalation]") {
  SECTION("on list prices: e* = 1 − 375 / 4,500 = 11/12") {
    const core::LoadedScenario loaded =
        test::load(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 0.1 })"));
    const auto breakEvens = core::escalationBreakEvens(loaded.scenario, loaded.card, 0);
    REQUIRE(breakEvens.size() == 1);
    const core::EscalationBreakEven &entry = breakEvens[0];
    CHECK(entry.workloadId == "w");
    CHECK(entry.to == "premium");
    CHECK(entry.toThisMonth == "premium");
    CHECK_THAT(entry.netUsd, near(375.0 + 450.0));
    CHECK_THAT(entry.allPremiumNetUsd, near(4500.0));
    REQUIRE(entry.breakEvenRate);
    CHECK_THAT(*entry.breakEvenRate, near(11.0 / 12.0));
    // A direct evaluation at e* costs the all-premium figure.
    const core::Scenario atBreakEven =
        core::withEscalationRate(loaded.scenario, 0, *entry.breakEvenRate);
    const double direct = core::evaluate(core::prepareScenario(atBreakEven, loaded.card), 0).netUsd;
    CHECK_THAT(direct, test::NearMatcher(entry.allPremiumNetUsd, 1e-9, 0.0));
  }
  SECTION("with a discount it is the same rate: both sides are net") {
    const core::LoadedScenario loaded =
        test::load(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 0.1 })",
                            R"("agreement": { "discount": 0.1 })"));
    const auto entry = core::escalationBreakEvens(loaded.scenario, loaded.card, 0).at(0);
    CHECK_THAT(entry.allPremiumNetUsd, near(4050.0));
    CHECK_THAT(*entry.breakEvenRate, near(11.0 / 12.0));
  }
  SECTION("a commitment on the target that serves everything: the policy never pays") {
    // All premium: 1e6 × 0.2 / 43,800 = 4.57 MU, under 10 MU: $7,300 and no
    // overflow. Escalating costs the same PT charge plus cheap's $375.
    const core::LoadedScenario loaded =
        test::load(scenario(R"({ "cheap": 1 })", R"({ "to": "ptpremium", "rate": 0.1 })",
                            R"("provisioned": [{ "model": "ptpremium", "model_units": 10 }])"));
    const auto entry = core::escalationBreakEvens(loaded.scenario, loaded.card, 0).at(0);
    CHECK_THAT(entry.allPremiumNetUsd, near(7300.0));
    CHECK_FALSE(entry.breakEvenRate);
  }
}

TEST_CASE("The escalation curve's points are direct evaluations", "[core][escalation]") {
  const core::LoadedScenario loaded = test::load(
      scenario(R"({ "cheap": 0.9, "premium": 0.1 })", R"({ "to": "premium", "rate": 0.05 })"));
  const auto curve = core::escalationCurve(loaded.scenario, loaded.card, "w", 0);
  REQUIRE(curve);
  // 101 grid points plus the scenario's rate (0.05 is on the grid) and e*.
  CHECK(curve->points.size() == 102);
  int breakEvens = 0, scenarioRates = 0;
  for (const core::EscalationCurvePoint &point : curve->points) {
    const double direct =
        core::evaluate(core::prepareScenario(
                           core::withEscalationRate(loaded.scenario, 0, point.rate), loaded.card),
                       0)
            .netUsd;
    CHECK(point.netUsd == direct);
    // 0.9 × $375 + (0.1 + 0.9e) × $4,500.
    CHECK_THAT(point.netUsd, near(337.5 + (0.1 + 0.9 * point.rate) * 4500.0));
    breakEvens += point.breakEven;
    scenarioRates += point.scenarioRate;
  }
  CHECK(breakEvens == 1);
  CHECK(scenarioRates == 1);
  CHECK_FALSE(core::escalationCurve(loaded.scenario, loaded.card, "nobody", 0));
}

TEST_CASE("Escalation is checked like routing", "[core][escalation][validation]") {
  CHECK(test::hasIssueAt(
      test::issuesOf(scenario(R"({ "cheap": 1 })", R"({ "to": "missing", "rate": 0.1 })")),
      "workloads[0].escalation.to"));
  CHECK(test::hasIssueAt(
      test::issuesOf(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 1.5 })")),
      "workloads[0].escalation.rate"));
  CHECK(test::hasIssueAt(test::issuesOf(scenario(R"({ "cheap": 1 })", R"({ "rate": 0.1 })")),
                         "workloads[0].escalation.to"));
  CHECK(test::hasIssueAt(test::issuesOf(scenario(R"({ "cheap": 1 })", R"({ "to": "premium" })")),
                         "workloads[0].escalation.rate"));
  SECTION("a 1-hour cache needs the target's 1-hour price") {
    std::string json = scenario(R"({ "cheap": 1 })", R"({ "to": "nohour", "rate": 0.1 })");
    json.replace(
        json.find(R"("tokens")"), 8,
        R"("caching": { "cacheable_prefix": 500, "hit_rate": 0.5, "ttl": "1h" }, "tokens")");
    CHECK(test::hasIssueAt(test::issuesOf(json), "workloads[0].caching.ttl"));
  }
}

TEST_CASE("Escalation is saved and edited through the scenario's fields", "[core][escalation]") {
  const core::LoadedScenario loaded =
      test::load(scenario(R"({ "cheap": 1 })", R"({ "to": "premium", "rate": 0.1 })"));
  core::ValidationIssues issues;
  const core::Scenario again = core::readScenario(core::scenarioToJson(loaded.scenario), issues);
  CHECK(issues.empty());
  CHECK(again == loaded.scenario);
  REQUIRE(again.workloads[0].escalation);
  CHECK(again.workloads[0].escalation->to == "premium");

  core::Scenario edited = loaded.scenario;
  const core::FieldKey rate{core::Field::EscalationRate, 0};
  const core::FieldKey target{core::Field::EscalationTarget, 0};
  CHECK(core::getField(edited, rate) == core::FieldValue(0.1));
  CHECK(core::setField(edited, rate, 0.3));
  CHECK(edited.workloads[0].escalation->rate == 0.3);
  CHECK(core::setField(edited, target, std::string("nohour")));
  CHECK(edited.workloads[0].escalation->to == "nohour");
  CHECK(core::setField(edited, target, std::monostate{}));
  CHECK_FALSE(edited.workloads[0].escalation);
  CHECK_FALSE(core::setField(edited, rate, 0.2)); // no escalation to set a rate on
  CHECK(core::setField(edited, target, std::string("premium")));
  CHECK(edited.workloads[0].escalation == core::Escalation{"premium", 0.0});
}
