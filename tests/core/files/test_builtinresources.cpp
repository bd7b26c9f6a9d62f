#include "core/common/jsonreader.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "resources/embeddedresources.h"
#include "tests/core/testsupport.h"

#include <fstream>
#include <sstream>

using namespace bwi;

TEST_CASE("The built-in rate card is valid, dated and sourced", "[core][resources]") {
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(resources::builtin_ratecard(), issues);
  REQUIRE(json);
  const core::RateCard card = core::readRateCard(*json, "", issues);
  INFO(core::formatIssues("builtin-ratecard.json", issues));
  REQUIRE(issues.empty());
  // Dated no earlier than the newest public price figure (docs/ratecard.md).
  CHECK(card.asOf >= "2026-10-07");
  CHECK(card.region == "us-east-1");
  CHECK(card.models.size() >= 90);
  CHECK_FALSE(card.meters.empty());
  for (const core::ModelRates &model : card.models) {
    INFO(model.id);
    CHECK_FALSE(model.source.empty());
    CHECK_FALSE(model.sourceDate.empty());
    // AWS publishes no MU capacity: nothing in the card may claim one.
    if (model.provisioned) {
      CHECK_FALSE(model.provisioned->inputTpmPerMu.has_value());
      CHECK_FALSE(model.ptCapable());
    }
    // Reserved prices are AWS's per-hour rates x 730 hours, so at full use a
    // 1-month reservation costs exactly the on-demand price: 1,000 TPM for a
    // month is 43.8M tokens.
    if (model.reserved) {
      REQUIRE(model.reserved->oneMonth.has_value());
      REQUIRE(model.reserved->threeMonth.has_value());
      CHECK(model.reserved->minInputTpm == 100000);
      CHECK(model.reserved->minOutputTpm == 10000);
      CHECK_THAT(model.reserved->oneMonth->inputPer1kTpmMonth,
                 test::near(43.8 * model.onDemand.inputPer1m));
      CHECK_THAT(model.reserved->oneMonth->outputPer1kTpmMonth,
                 test::near(43.8 * model.onDemand.outputPer1m));
      CHECK_THAT(model.reserved->threeMonth->inputPer1kTpmMonth,
                 test::near(0.9 * model.reserved->oneMonth->inputPer1kTpmMonth));
    }
    if (model.quality) {
      CHECK(model.quality->leaderboard == "LMArena Text Arena");
      CHECK(model.quality->date.size() == 10);
      CHECK_FALSE(model.quality->source.empty());
    }
  }
  // Spot checks against the sourced tables (resources/ratecard-sources).
  const core::ModelRates *novaLite = card.find("amazon.nova-lite-v1:0");
  REQUIRE(novaLite);
  CHECK(novaLite->onDemand.inputPer1m == 0.06);
  CHECK(novaLite->onDemand.outputPer1m == 0.24);
  CHECK(novaLite->cache->readPer1m == 0.015);
  CHECK_FALSE(novaLite->cache->writePer1m.has_value());
  CHECK_FALSE(novaLite->marketplace);
  const core::ModelRates *sonnet = card.find("anthropic.claude-sonnet-4-5-20250929-v1:0");
  REQUIRE(sonnet);
  CHECK(sonnet->onDemand.inputPer1m == 3.3);
  CHECK(sonnet->cache->write1hPer1m == 6.6);
  CHECK(sonnet->marketplace);
  REQUIRE(sonnet->reserved.has_value());
  CHECK(sonnet->reserved->oneMonth->inputPer1kTpmMonth == 144.54);
  CHECK(sonnet->reserved->threeMonth->outputPer1kTpmMonth == 650.43);
  REQUIRE(sonnet->quality.has_value());
  CHECK(sonnet->quality->date == "2026-09-13");
  CHECK(card.find("global.anthropic.claude-sonnet-4-5-20250929-v1:0")->onDemand.inputPer1m == 3.0);
  // The models people run now, by the ids they send.
  for (const char *id : {"anthropic.claude-opus-4-6-v1", "global.anthropic.claude-opus-4-6-v1",
                         "anthropic.claude-sonnet-4-6", "global.anthropic.claude-sonnet-4-6"})
    CHECK(card.find(id) != nullptr);
  CHECK(card.find("global.anthropic.claude-opus-4-6-v1")->onDemand.inputPer1m == 5.0);
  const core::ModelRates *gptOss = card.find("openai.gpt-oss-120b-1:0");
  REQUIRE(gptOss);
  CHECK(gptOss->tierMultiplier(core::ServiceTier::Priority) == 1.75);
  CHECK(gptOss->tierMultiplier(core::ServiceTier::Flex) == 0.5);
}

TEST_CASE("The example scenario is valid and shows every lever", "[core][resources]") {
  const auto load = core::loadExampleScenario();
  INFO(load.report());
  REQUIRE(load.loaded);
  const core::Scenario &scenario = load.loaded->scenario;
  CHECK(scenario.workloads.size() >= 5);
  CHECK(scenario.provisioned.size() == 1);
  CHECK(scenario.reserved.size() == 1);
  CHECK(scenario.agreement.has_value());
  bool hasNote = false;
  for (const core::RateOverride &entry : scenario.ratecardOverrides)
    if (entry.field == "note")
      hasNote = hasNote ||
                std::get<std::string>(entry.value).find("illustrative quote") != std::string::npos;
  CHECK(hasNote);
}

TEST_CASE("The embedded example is the shipped file", "[core][resources]") {
  std::ifstream file(BWI_SOURCE_DIR "/resources/example-scenario.json", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  CHECK(text.str() == resources::example_scenario());
}
