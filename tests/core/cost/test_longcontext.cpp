#include "tests/core/testsupport.h"

#include "core/analysis/levers.h"
#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/uncertainty.h"

using namespace bwi;
using test::costOf;
using test::evaluateJson;
using test::near;

namespace {

// lc: $1 in / $5 out, batch $0.50 / $2.50, cache writes $1.25 (5m) and $2
// (1h), reads $0.10, priority ×1.75; long context above 1,000 input tokens
// per call at ×2 input and ×1.5 output. lcnobatch: the same without batch.
// lcpt: PT at $0.30 per MU-hour, 10,000 / 1,000 TPM per MU. lcres: Reserved
// tier at $10 / $50 per 1K TPM-month, no minimum.
std::string longContextCard() {
  return R"({
    "format": "bedrock-whatif-ratecard", "version": 2, "as_of": "2026-11-01",
    "models": [
      { "id": "lc", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": { "input_per_1m": 0.5, "output_per_1m": 2.5 },
        "cache": { "write_per_1m": 1.25, "read_per_1m": 0.1, "write_1h_per_1m": 2.0 },
        "tiers": { "priority": 1.75 },
        "long_context": { "threshold_input_tokens": 1000, "input_mult": 2, "output_mult": 1.5 } },
      { "id": "lcnobatch", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "long_context": { "threshold_input_tokens": 1000, "input_mult": 2, "output_mult": 1.5 } },
      { "id": "lcpt", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "one_month": 0.30 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 },
        "long_context": { "threshold_input_tokens": 1000, "input_mult": 2, "output_mult": 1.5 } },
      { "id": "lcres", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "reserved": { "one_month": { "input_per_1k_tpm_month": 10, "output_per_1k_tpm_month": 50 } },
        "long_context": { "threshold_input_tokens": 1000, "input_mult": 2, "output_mult": 1.5 } },
      { "id": "short", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null }
    ]
  })";
}

std::string scenario(const std::string &workloads, const std::string &extra = "") {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "long context",
              "ratecard": )" +
         longContextCard() + R"(, "workloads": )" + workloads +
         (extra.empty() ? "" : ", " + extra) + "}";
}

std::string workload(const std::string &tokens, const std::string &model,
                     const std::string &more = "") {
  return R"([{ "id": "w", "requests_per_month": 1000000, "tokens": )" + tokens +
         R"(, "routing": { ")" + model + R"(": 1 })" + (more.empty() ? "" : ", " + more) + "}]";
}

} // namespace

TEST_CASE("Long context multiplies input and output prices above the threshold only",
          "[core][longcontext]") {
  SECTION("above: 1,500 input tokens a call") {
    // 1,500 × $1 × 2 + 200 × $5 × 1.5 = 4,500 µ$ a request, a million requests.
    const auto result =
        evaluateJson(scenario(workload(R"({ "system": 1500, "output": 200 })", "lc")));
    CHECK_THAT(result.grossUsd, near(4500.0));
    CHECK(result.longContext == std::vector<std::string>{"w lc"});
  }
  SECTION("below: 900 input tokens a call") {
    // 900 × $1 + 200 × $5 = 1,900 µ$.
    const auto result =
        evaluateJson(scenario(workload(R"({ "system": 900, "output": 200 })", "lc")));
    CHECK_THAT(result.grossUsd, near(1900.0));
    CHECK(result.longContext.empty());
  }
  SECTION("exactly at the threshold is not above it") {
    // 1,000 × $1 + 200 × $5 = 2,000 µ$.
    const auto result =
        evaluateJson(scenario(workload(R"({ "system": 1000, "output": 200 })", "lc")));
    CHECK_THAT(result.grossUsd, near(2000.0));
    CHECK(result.longContext.empty());
  }
  SECTION("a model without long-context pricing never multiplies") {
    const auto result =
        evaluateJson(scenario(workload(R"({ "system": 5000, "output": 200 })", "short")));
    CHECK_THAT(result.grossUsd, near(6000.0)); // 5,000 × $1 + 200 × $5
    CHECK(result.longContext.empty());
  }
}

TEST_CASE("Long context is judged on the mean input per call of an agent chain",
          "[core][longcontext]") {
  // n = 3, B = 500: I = 3·500 + G·3·2/2 = 1,500 + 3G.
  SECTION("G = 300: I = 2,400, I/n = 800, below the threshold") {
    // 2,400 × $1 + 300 × $5 = 3,900 µ$.
    const auto result = evaluateJson(scenario(workload(
        R"({ "system": 500, "calls_per_request": 3, "context_growth_per_call": 300,
             "output": 100 })",
        "lc")));
    CHECK_THAT(result.grossUsd, near(3900.0));
    CHECK(result.longContext.empty());
  }
  SECTION("G = 600: I = 3,300, I/n = 1,100, above it") {
    // 3,300 × $2 + 300 × $7.50 = 8,850 µ$.
    const auto result = evaluateJson(scenario(workload(
        R"({ "system": 500, "calls_per_request": 3, "context_growth_per_call": 600,
             "output": 100 })",
        "lc")));
    CHECK_THAT(result.grossUsd, near(8850.0));
    CHECK(result.longContext == std::vector<std::string>{"w lc"});
  }
}

TEST_CASE("Long context multiplies cache prices, the 1-hour write and batch, before the tier",
          "[core][longcontext]") {
  // I = 1,200 > 1,000. P = 1,000, r = 0.8: CR = 800, CW = 200, UI = 200.
  // Real time, priority: (200×$1×2 + 800×$0.10×2 + 200×$2×2 + 100×$5×1.5) × 1.75
  //   = (400 + 160 + 800 + 750) × 1.75 = 3,692.5 µ$ on 500,000 requests = $1,846.25.
  // Batch (no caching, no tier): 1,200×$0.50×2 + 100×$2.50×1.5 = 1,575 µ$ on
  // 500,000 requests = $787.50.
  const auto result = evaluateJson(scenario(workload(R"({ "system": 1200, "output": 100 })", "lc",
                                                     R"("caching": { "cacheable_prefix": 1000,
                                                         "hit_rate": 0.8, "ttl": "1h" },
                                                        "batch_share": 0.5,
                                                        "service_tier": "priority")")));
  CHECK_THAT(result.byMode.onDemand, near(1846.25));
  CHECK_THAT(result.byMode.batch, near(787.5));
  CHECK_THAT(result.grossUsd, near(2633.75));
}

TEST_CASE("Long context multiplies the on-demand fallback of a batch share on a model without "
          "batch",
          "[core][longcontext]") {
  // 1,200 × $1 × 2 + 100 × $5 × 1.5 = 3,150 µ$ for every request, batch share included.
  const auto result = evaluateJson(scenario(
      workload(R"({ "system": 1200, "output": 100 })", "lcnobatch", R"("batch_share": 0.5)")));
  CHECK_THAT(result.grossUsd, near(3150.0));
  CHECK_THAT(result.byMode.onDemand, near(3150.0));
  CHECK(result.warnings.size() == 1);
}

TEST_CASE("Long context never multiplies a PT charge or the load", "[core][longcontext]") {
  // Load: 1e6 × (1,500/10,000 + 100/1,000) / (60 × 730) = 250,000 / 43,800 MU
  // in every hour; 2 MU serve f = 2 × 43,800 / 250,000 = 0.3504 of it.
  // Charge 2 × $0.30 × 730 = $438 (not multiplied). On demand at long-context
  // prices: 1,500 × $2 + 100 × $7.50 = 3,750 µ$ → $3,750; overflow
  // 3,750 × (1 − 0.3504) = $2,436.
  const auto result =
      evaluateJson(scenario(workload(R"({ "system": 1500, "output": 100 })", "lcpt"),
                            R"("provisioned": [{ "model": "lcpt", "model_units": 2 }])"));
  REQUIRE(result.provisioned.size() == 1);
  CHECK_THAT(result.provisioned[0].costUsd, near(438.0));
  CHECK_THAT(result.provisioned[0].overflowUsd, near(2436.0));
  CHECK_THAT(result.provisioned[0].utilization, near(1.0));
  CHECK_THAT(result.grossUsd, near(2874.0));
  CHECK(result.longContext == std::vector<std::string>{"w lcpt"}); // even where PT serves it
  REQUIRE(result.sizing.size() == 1);
  CHECK_THAT(result.sizing[0].meanLoadMu, near(250000.0 / 43800.0));
}

TEST_CASE("Long context never multiplies a reservation's charge or its demand",
          "[core][longcontext]") {
  // 438,000 requests of 2,000 input / 100 output: D_in = 438,000 × 2,000 /
  // 43,800 = 20,000 TPM, D_out = 1,000 TPM. Reserving 10,000 / 1,000 costs
  // 10 × $10 + 1 × $50 = $150; half the input overflows at long-context
  // prices: 0.5 × 438,000 × 2,000 × $2 / 1e6 = $876.
  const auto result = evaluateJson(scenario(
      R"([{ "id": "w", "requests_per_month": 438000, "tokens": { "system": 2000, "output": 100 },
            "routing": { "lcres": 1 } }])",
      R"("reserved": [{ "model": "lcres", "input_tpm": 10000, "output_tpm": 1000 }])"));
  REQUIRE(result.reserved.size() == 1);
  CHECK_THAT(result.reserved[0].costUsd, near(150.0));
  CHECK_THAT(result.reserved[0].overflowUsd, near(876.0));
  CHECK_THAT(*result.reserved[0].utilizationInput, near(1.0));
  CHECK_THAT(*result.reserved[0].utilizationOutput, near(1.0));
  CHECK_THAT(result.grossUsd, near(1026.0));
}

TEST_CASE("A lever that moves the context across the threshold re-tests long context",
          "[core][longcontext]") {
  // 600 system + 2 chunks × 200 = 1,000 tokens: at the threshold, not above.
  const core::LoadedScenario loaded = test::load(scenario(workload(
      R"({ "system": 600, "retrieval_chunks": 2, "tokens_per_chunk": 200, "output": 100 })",
      "lc")));
  const auto netAt = [&](const core::Scenario &s) {
    return core::monthTotals(core::prepareScenario(s, loaded.card), 0).netUsd;
  };
  // 1,000 × $1 + 100 × $5 = 1,500 µ$.
  CHECK_THAT(netAt(loaded.scenario), near(1500.0));
  // Context ×1.5: chunks of 300 make 1,200 tokens: 1,200 × $2 + 100 × $7.50 = 3,150 µ$.
  CHECK_THAT(
      netAt(core::withLever(loaded.scenario, loaded.card, core::ScaledLever::ContextSize, 1.5)),
      near(3150.0));
  SECTION("a Monte Carlo trial reprices the flow with the same rule") {
    const core::PreparedScenario base = core::prepareScenario(loaded.scenario, loaded.card);
    core::PreparedScenario trial = base;
    core::TrialLevers levers;
    levers.outputFactor = 2; // 200 output tokens; the input stays at the threshold
    core::applyTrialLevers(trial, base, levers);
    CHECK_FALSE(trial.segment(0).flows[0].longContext);
    CHECK_THAT(core::monthTotals(trial, 0).netUsd, near(2000.0)); // 1,000 + 200 × 5
  }
}

TEST_CASE("The long-context list is sorted and holds only pairs with traffic",
          "[core][longcontext]") {
  const auto result = evaluateJson(scenario(R"([
      { "id": "zeta", "requests_per_month": 1000, "tokens": { "system": 2000 },
        "routing": { "lc": 0.5, "lcnobatch": 0.5 } },
      { "id": "alpha", "requests_per_month": 1000, "tokens": { "system": 2000 },
        "routing": { "lcnobatch": 1, "lc": 0 } },
      { "id": "beta", "requests_per_month": 1000, "tokens": { "system": 10 },
        "routing": { "lc": 1 } }])"));
  CHECK(result.longContext ==
        std::vector<std::string>{"alpha lcnobatch", "zeta lc", "zeta lcnobatch"});
}

TEST_CASE("Long-context pricing is read, checked and written back", "[core][longcontext][files]") {
  SECTION("the threshold is required; multipliers default to 1 and must be above 0") {
    std::string json = scenario(workload(R"({ "system": 1 })", "short"));
    json.replace(json.find(R"("threshold_input_tokens": 1000, )"), 32, "");
    const auto issues = test::issuesOf(json);
    CHECK(test::hasIssueAt(issues, "ratecard.models[0].long_context.threshold_input_tokens"));
  }
  SECTION("a multiplier of 0 is refused") {
    std::string json = scenario(workload(R"({ "system": 1 })", "short"));
    json.replace(json.find(R"("input_mult": 2)"), 15, R"("input_mult": 0)");
    CHECK(test::hasIssueAt(test::issuesOf(json), "ratecard.models[0].long_context.input_mult"));
  }
  SECTION("defaults") {
    std::string json = scenario(workload(R"({ "system": 2000 })", "lc"));
    json.replace(json.find(R"(, "input_mult": 2, "output_mult": 1.5)"), 37, "");
    const core::LoadedScenario loaded = test::load(json);
    const core::ModelRates &model = *loaded.card.find("lc");
    REQUIRE(model.longContext);
    CHECK(model.longContext->inputMultiplier == 1.0);
    CHECK(model.longContext->outputMultiplier == 1.0);
  }
}
