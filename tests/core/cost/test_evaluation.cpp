#include "tests/core/testsupport.h"

using namespace bwi;
using test::costOf;
using test::evaluateJson;
using test::near;
using test::scenarioJson;

TEST_CASE("A flat single workload costs input and output at list price", "[core][evaluation]") {
  // 1,000,000 requests × (600 input × $1 + 200 output × $5) / 1M = $1,600.
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 500, "user": 100, "output": 200 }, "routing": { "plain": 1 } }])"));
  CHECK_THAT(result.grossUsd, near(1600.0));
  CHECK_THAT(result.netUsd, near(1600.0));
  CHECK_THAT(result.byMode.onDemand, near(1600.0));
  CHECK_THAT(result.tokens.input, near(600e6));
  CHECK_THAT(result.tokens.output, near(200e6));
  CHECK_THAT(result.requests, near(1e6));
  CHECK_THAT(costOf(result.byModel, "plain"), near(1600.0));
  CHECK_THAT(costOf(result.byTeam, "(no team)"), near(1600.0));
  CHECK(result.warnings.empty());
}

TEST_CASE("Prompt caching bills reads, writes and the uncached rest", "[core][evaluation]") {
  // B = 1000 + 200 + 2×300 = 1800; P = 1000, r = 0.8: CR = 800, CW = 200,
  // UI = 800. Per request: 800×1 + 800×0.1 + 200×1.25 + 100×5 = 1,630 µ$.
  const std::string workload = R"([{ "id": "rag", "requests_per_month": 1000000,
      "tokens": { "system": 1000, "user": 200, "retrieval_chunks": 2, "tokens_per_chunk": 300,
                  "output": 100 },
      "caching": { "cacheable_prefix": 1000, "hit_rate": 0.8, "ttl": "TTL" },
      "routing": { "plain": 1 } }])";
  SECTION("5-minute TTL") {
    std::string json = workload;
    json.replace(json.find("TTL"), 3, "5m");
    const auto result = evaluateJson(scenarioJson(json));
    CHECK_THAT(result.grossUsd, near(1630.0));
    CHECK_THAT(result.tokens.input, near(1800e6));
    CHECK_THAT(result.tokens.cacheRead, near(800e6));
    CHECK_THAT(result.tokens.cacheWrite, near(200e6));
  }
  SECTION("1-hour TTL writes at the 1-hour price") {
    std::string json = workload;
    json.replace(json.find("TTL"), 3, "1h");
    // 800 + 80 + 200×2.0 + 500 = 1,780 µ$ a request.
    CHECK_THAT(evaluateJson(scenarioJson(json)).grossUsd, near(1780.0));
  }
  SECTION("a model without cache prices ignores caching") {
    std::string json = workload;
    json.replace(json.find("TTL"), 3, "5m");
    json.replace(json.find("\"plain\""), 7, "\"market\"");
    // 1800 × $2 + 100 × $10 = 4,600 µ$; no cache tokens.
    const auto result = evaluateJson(scenarioJson(json));
    CHECK_THAT(result.grossUsd, near(4600.0));
    CHECK_THAT(result.tokens.cacheRead, near(0.0));
  }
  SECTION("a null write price counts as zero") {
    std::string json = workload;
    json.replace(json.find("TTL"), 3, "5m");
    json.replace(json.find("\"plain\""), 7, "\"nobatch\"");
    // 800×1 + 800×0.25 + 200×0 + 100×5 = 1,500 µ$.
    CHECK_THAT(evaluateJson(scenarioJson(json)).grossUsd, near(1500.0));
  }
}

TEST_CASE("An agent chain carries growing context into each call", "[core][evaluation]") {
  // n = 3, B = 1000, G = 500: I = 3×1000 + 500×3×2/2 = 4,500; O = 3×100 = 300.
  const auto plain = evaluateJson(scenarioJson(R"([{ "id": "agent", "requests_per_month": 1000000,
      "tokens": { "system": 1000, "output": 100, "calls_per_request": 3,
                  "context_growth_per_call": 500 }, "routing": { "plain": 1 } }])"));
  CHECK_THAT(plain.tokens.input, near(4500e6));
  CHECK_THAT(plain.tokens.output, near(300e6));
  CHECK_THAT(plain.grossUsd, near(4500.0 + 1500.0));

  // With a 1,000-token prefix cached at 50% on each call: CR = CW = 1,500,
  // UI = 4,500 − 3,000 = 1,500: 1500 + 150 + 1875 + 1500 = 5,025 µ$.
  const auto cached = evaluateJson(scenarioJson(R"([{ "id": "agent", "requests_per_month": 1000000,
      "tokens": { "system": 1000, "output": 100, "calls_per_request": 3,
                  "context_growth_per_call": 500 },
      "caching": { "cacheable_prefix": 1000, "hit_rate": 0.5 }, "routing": { "plain": 1 } }])"));
  CHECK_THAT(cached.grossUsd, near(5025.0));
}

TEST_CASE("Batch share is billed at batch prices without caching or tier", "[core][evaluation]") {
  // 40% of 1M requests in batch: 600k × 1,600 µ$ = $960 real time,
  // 400k × (600×0.5 + 200×2.5) µ$ = $320 batch.
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 500, "user": 100, "output": 200 }, "batch_share": 0.4,
      "routing": { "plain": 1 } }])"));
  CHECK_THAT(result.byMode.onDemand, near(960.0));
  CHECK_THAT(result.byMode.batch, near(320.0));
  CHECK_THAT(result.grossUsd, near(1280.0));
  CHECK(result.warnings.empty());
}

TEST_CASE("Batch on a model without batch prices falls back to on demand with a warning",
          "[core][evaluation]") {
  // All 1M requests at 600×1 + 200×5 µ$ = $1,600, all on demand; the batch
  // half still counts its cache tokens (10.6): CR = 0.5 × 400 per request.
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 500, "user": 100, "output": 200 }, "batch_share": 0.5,
      "caching": { "cacheable_prefix": 400, "hit_rate": 0.5 },
      "routing": { "nobatch": 1 } }])"));
  // UI = 200, CR = 200, CW = 200: 200×1 + 200×0.25 + 200×0 + 200×5 = 1,250 µ$.
  CHECK_THAT(result.byMode.onDemand, near(1250.0));
  CHECK_THAT(result.byMode.batch, near(0.0));
  CHECK_THAT(result.tokens.cacheRead, near(200e6));
  REQUIRE(result.warnings.size() == 1);
  CHECK_THAT(result.warnings[0], Catch::Matchers::Contains("nobatch"));
  CHECK_THAT(result.warnings[0], Catch::Matchers::Contains("w"));
}

TEST_CASE("Service tiers multiply on-demand prices; an unoffered tier bills standard",
          "[core][evaluation]") {
  const auto priority = evaluateJson(scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 600, "output": 200 }, "service_tier": "priority", "batch_share": 0.5,
      "routing": { "plain": 1 } }])"));
  // Real time: 500k × 1,600 µ$ × 1.75 = $1,400; batch: 500k × 800 µ$ = $400 (no tier).
  CHECK_THAT(priority.byMode.onDemand, near(1400.0));
  CHECK_THAT(priority.byMode.batch, near(400.0));

  const auto unoffered = evaluateJson(scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 600, "output": 200 }, "service_tier": "flex",
      "routing": { "pt": 1 } }])"));
  CHECK_THAT(unoffered.grossUsd, near(1600.0));
  REQUIRE(unoffered.warnings.size() == 1);
  CHECK_THAT(unoffered.warnings[0], Catch::Matchers::Contains("flex"));
}

TEST_CASE("Routing splits requests across models by share", "[core][evaluation]") {
  // 70% on plain (1,600 µ$), 30% on market (600×2 + 200×10 = 3,200 µ$).
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "w", "team": "T",
      "requests_per_month": 1000000, "tokens": { "system": 600, "output": 200 },
      "routing": { "plain": 0.7, "market": 0.3 } }])"));
  CHECK_THAT(costOf(result.byModel, "plain"), near(1120.0));
  CHECK_THAT(costOf(result.byModel, "market"), near(960.0));
  CHECK_THAT(costOf(result.byTeam, "T"), near(2080.0));
}

TEST_CASE("Volume grows by month and the multiplier scales it", "[core][evaluation]") {
  const std::string json = scenarioJson(R"([{ "id": "w", "requests_per_month": 1000000,
      "volume_multiplier": 2, "growth_per_month": 0.1,
      "tokens": { "system": 600, "output": 200 }, "routing": { "plain": 1 } }])");
  // Month 3: 1M × 2 × 1.1³ = 2,662,000 requests × 1,600 µ$.
  const auto result = evaluateJson(json, 3);
  CHECK_THAT(result.requests, near(2662000.0));
  CHECK_THAT(result.grossUsd, near(2662000.0 * 0.0016));
}

TEST_CASE("Private pricing discounts first-party models and caps marketplace retirement",
          "[core][privatepricing]") {
  const std::string workloads = R"([{ "id": "w", "requests_per_month": 1000000,
      "tokens": { "system": 600, "output": 200 }, "routing": { "plain": 0.5, "market": 0.5 } }])";
  // Gross: plain 500k × 1,600 µ$ = $800; market 500k × 3,200 µ$ = $1,600.
  SECTION("discount on first-party only") {
    const auto result = evaluateJson(scenarioJson(workloads, R"("agreement": {
        "discount": 0.1, "annual_commit_usd": 12000, "marketplace_cap_share": 0.25 })"));
    CHECK_THAT(result.grossUsd, near(2400.0));
    CHECK_THAT(result.discountUsd, near(80.0));
    CHECK_THAT(result.netUsd, near(2320.0));
    // 720 first-party net + min(1,600, 0.25 × 12,000 / 12 = 250).
    CHECK_THAT(result.commitRetiredUsd, near(970.0));
    CHECK_THAT(costOf(result.byModel, "plain"), near(800.0)); // by_* stay gross
  }
  SECTION("discount extended to marketplace models") {
    const auto result = evaluateJson(scenarioJson(workloads, R"("agreement": {
        "discount": 0.1, "annual_commit_usd": 12000,
        "discount_applies_to_marketplace": true })"));
    CHECK_THAT(result.discountUsd, near(240.0));
    CHECK_THAT(result.commitRetiredUsd, near(720.0 + 250.0));
  }
  SECTION("no agreement retires nothing") {
    const auto result = evaluateJson(scenarioJson(workloads));
    CHECK_THAT(result.discountUsd, near(0.0));
    CHECK_THAT(result.commitRetiredUsd, near(0.0));
  }
}
