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
  CHECK(card.asOf.size() == 10);
  CHECK(card.region == "us-east-1");
  CHECK(card.models.size() >= 20);
  for (const core::ModelRates &model : card.models) {
    INFO(model.id);
    CHECK_FALSE(model.source.empty());
    CHECK_FALSE(model.sourceDate.empty());
    // AWS publishes no current MU capacity: nothing in the card may claim one.
    if (model.provisioned) {
      CHECK_FALSE(model.provisioned->inputTpmPerMu.has_value());
      CHECK_FALSE(model.ptCapable());
    }
    if (model.reserved) {
      CHECK_FALSE(model.reserved->oneMonth.has_value());
      CHECK_FALSE(model.reserved->threeMonth.has_value());
    }
  }
  // Spot checks against the list prices the card cites (docs/ratecard.md).
  const core::ModelRates *novaLite = card.find("amazon.nova-lite-v1:0");
  REQUIRE(novaLite);
  CHECK(novaLite->onDemand.inputPer1m == 0.06);
  CHECK(novaLite->onDemand.outputPer1m == 0.24);
  CHECK(novaLite->cache->readPer1m == 0.015);
  CHECK_FALSE(novaLite->marketplace);
  const core::ModelRates *sonnet = card.find("anthropic.claude-sonnet-4-5-20250929-v1:0");
  REQUIRE(sonnet);
  CHECK(sonnet->onDemand.inputPer1m == 3.3);
  CHECK(sonnet->marketplace);
  CHECK(sonnet->reserved.has_value());
  CHECK(sonnet->reserved->minInputTpm == 100000);
  CHECK(card.find("global.anthropic.claude-sonnet-4-5-20250929-v1:0")->onDemand.inputPer1m == 3.0);
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
