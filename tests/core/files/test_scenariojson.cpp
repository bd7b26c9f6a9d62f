#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "tests/core/testsupport.h"

#include <filesystem>
#include <optional>

using namespace bwi;

namespace {

core::Scenario reread(const core::Scenario &scenario) {
  core::ValidationIssues issues;
  const auto text = core::scenarioToJson(scenario).dump(2);
  const auto json = core::parseJsonText(text, issues);
  REQUIRE(json);
  core::Scenario result = core::readScenario(*json, issues);
  INFO(core::formatIssues("reread", issues));
  REQUIRE(issues.empty());
  return result;
}

} // namespace

TEST_CASE("A scenario written and read back equals the original", "[core][files]") {
  SECTION("the built-in example") {
    const auto load = core::loadExampleScenario();
    INFO(load.report());
    REQUIRE(load.loaded);
    CHECK(reread(load.loaded->scenario) == load.loaded->scenario);
  }
  SECTION("every feature, with an inline card and overrides") {
    std::string weekly = "[1";
    for (int i = 1; i < 168; ++i)
      weekly += "," + std::to_string(i % 7) + ".25";
    weekly += "]";
    const auto loaded = test::load(test::scenarioJson(R"([
        { "id": "a", "name": "A", "team": "T", "requests_per_month": 1234.5,
          "volume_multiplier": 1.7, "growth_per_month": 0.031,
          "tokens": { "system": 10, "user": 2, "retrieval_chunks": 3, "tokens_per_chunk": 0.5,
                      "history": 1, "calls_per_request": 2.5, "context_growth_per_call": 0.1,
                      "output": 7 },
          "caching": { "cacheable_prefix": 5, "hit_rate": 0.3, "ttl": "1h" },
          "batch_share": 0.2, "latency_tolerant": true, "service_tier": "priority",
          "routing": { "plain": 0.1, "pt": 0.9 }, "profile": { "weekly": )" +
                                                          weekly + R"( } },
        { "id": "b", "requests_per_month": 1, "routing": { "res": 1 }, "profile": "diurnal" }])",
                                                      R"(
        "ratecard_overrides": { "pt": { "provisioned": { "per_mu_hour": { "six_month": 0.1 } },
                                        "note": "quote 2026-10" } },
        "provisioned": [{ "model": "pt", "model_units": 3, "term": "six_month", "start_month": 2 }],
        "reserved": [{ "model": "res", "input_tpm": 1000, "output_tpm": 100 }],
        "agreement": { "discount": 0.07, "annual_commit_usd": 1e6,
                       "discount_applies_to_marketplace": true, "marketplace_cap_share": 0.3 },
        "forecast": { "months": 24, "volume_p10": 0.5, "volume_p90": 2.5,
                      "uncertainty": { "growth_per_month_shift": { "p10": -0.01, "p90": 0.02 },
                                       "output_tokens_factor": { "p10": 0.8, "p90": 1.5 },
                                       "cache_hit_rate_shift": { "p10": -0.2, "p90": 0.0 } },
                      "trials": 5000, "seed": 42, "budget_usd": 150000.5, "history_days": 60,
                      "sensitivity_range": 0.3 })"));
    const core::Scenario again = reread(loaded.scenario);
    CHECK(again == loaded.scenario);
    CHECK(again.ratecardOverrides.size() == 2);
    CHECK(again.workloads[0].latencyTolerant);
    CHECK_FALSE(again.workloads[1].latencyTolerant);
    CHECK(again.forecast.uncertainty.outputTokensFactor == core::LeverQuantiles{0.8, 1.5});
    CHECK(again.forecast.seed == 42u);
    CHECK(again.forecast.historyDays == 60);
  }
  SECTION("fields left at their defaults are not written, so older files stay as they were") {
    const auto load = core::loadExampleScenario();
    REQUIRE(load.loaded);
    // The example sets a start month, the uncertainty and a budget, and leaves the rest to the
    // defaults.
    const core::Json example = core::scenarioToJson(load.loaded->scenario)["forecast"];
    CHECK(example.size() ==
          6); // months, start_month, volume_p10, volume_p90, uncertainty, budget_usd
    CHECK_FALSE(example.contains("trials"));
    CHECK_FALSE(example.contains("sensitivity_range"));
    core::Scenario older = load.loaded->scenario;
    older.forecast.uncertainty = {};
    older.forecast.budgetUsd.reset();
    older.forecast.startMonth.reset();
    const core::Json forecast = core::scenarioToJson(older)["forecast"];
    CHECK(forecast.size() == 3); // months, volume_p10, volume_p90
    CHECK_FALSE(forecast.contains("uncertainty"));
    CHECK_FALSE(forecast.contains("budget_usd"));
  }
  SECTION("through a file on disk, atomically") {
    const auto load = core::loadExampleScenario();
    REQUIRE(load.loaded);
    const auto path = std::filesystem::temp_directory_path() / "bwi-roundtrip-test.json";
    const auto written = core::saveScenarioFile(load.loaded->scenario, path);
    REQUIRE(written.ok);
    const auto back = core::loadScenarioFile(path);
    INFO(back.report());
    REQUIRE(back.loaded);
    CHECK(back.loaded->scenario == load.loaded->scenario);
    std::filesystem::remove(path);
  }
}

TEST_CASE("A rate card written and read back equals the original", "[core][files]") {
  const core::RateCard card = core::builtinRateCard();
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(core::rateCardToJson(card).dump(), issues);
  REQUIRE(json);
  const core::RateCard again = core::readRateCard(*json, "", issues);
  CHECK(issues.empty());
  CHECK(again == card);
}

TEST_CASE("A card's quality scores and meters are read, kept and written back", "[core][files]") {
  const std::string text = R"({
    "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-10-07",
    "meters": [
      { "kind": "guardrails.content_filters", "name": "Content filters", "category": "guardrails",
        "unit": "1K text units", "usd_per_unit": 0.15, "source": "M1", "source_date": "2026-05-14",
        "estimate": false, "note": "per enabled policy" },
      { "kind": "data_automation.document_standard", "name": "BDA pages", "category": "data_automation",
        "unit": "page", "usd_per_unit": 0.01, "source": "GK", "source_date": "general knowledge",
        "estimate": true }
    ],
    "models": [
      { "id": "m.scored", "on_demand": { "input_per_1m": 1, "output_per_1m": 2 },
        "quality": { "score": 1438.25, "scale": "arena rating", "leaderboard": "LMArena Text Arena",
                     "date": "2026-09-13", "source": "https://example.org/leaderboard" } },
      { "id": "m.unlisted", "on_demand": { "input_per_1m": 1, "output_per_1m": 2 }, "quality": null }
    ]
  })";
  core::ValidationIssues issues;
  core::ValidationIssues unknown;
  std::optional<core::RateCard> card;
  {
    const core::UnknownFieldCollector collector(unknown);
    const auto json = core::parseJsonText(text, issues);
    REQUIRE(json);
    card = core::readRateCard(*json, "", issues);
  }
  INFO(core::formatIssues("card", issues) + core::formatIssues("unknown", unknown));
  REQUIRE(issues.empty());
  CHECK(unknown.empty());
  REQUIRE(card->meters.size() == 2);
  CHECK(card->meters[0].kind == "guardrails.content_filters");
  CHECK(card->meters[0].usdPerUnit == 0.15);
  CHECK(card->meters[0].unit == "1K text units");
  CHECK_FALSE(card->meters[0].estimate);
  CHECK(card->meters[1].estimate);
  REQUIRE(card->models[0].quality);
  CHECK(card->models[0].quality->score == 1438.25);
  CHECK(card->models[0].quality->date == "2026-09-13");
  CHECK_FALSE(card->models[1].quality);

  const auto again = core::parseJsonText(core::rateCardToJson(*card).dump(), issues);
  REQUIRE(again);
  CHECK(core::readRateCard(*again, "", issues) == *card);
  CHECK(issues.empty());
}

TEST_CASE("Malformed quality scores and meters are errors at their path", "[core][files]") {
  const std::string text = R"({
    "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-10-07",
    "meters": [ { "kind": "a", "unit": "page", "usd_per_unit": -1 },
                { "kind": "a", "unit": "page", "usd_per_unit": 1 } ],
    "models": [ { "id": "m", "on_demand": { "input_per_1m": 1, "output_per_1m": 2 },
                  "quality": { "score": "high", "leaderboard": "X", "date": "13/09/2026",
                               "source": "s" } } ]
  })";
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(text, issues);
  REQUIRE(json);
  core::readRateCard(*json, "", issues);
  const std::string report = core::formatIssues("card", issues);
  INFO(report);
  CHECK(report.find("meters[0].usd_per_unit") != std::string::npos);
  CHECK(report.find("meters[1].kind") != std::string::npos);
  CHECK(report.find("models[0].quality.score") != std::string::npos);
  CHECK(report.find("models[0].quality.date") != std::string::npos);
}
