#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "core/import/billimport.h"
#include "core/import/cloudwatch.h"
#include "core/import/hourlycsv.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"
#include "core/import/modelidentity.h"
#include "core/import/pricelist.h"
#include "core/import/usagetype.h"
#include "core/import/utf8text.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;

TEST_CASE("The AWS price list becomes a dated rate card and a diff", "[core][import][pricelist]") {
  const core::RateCard current = core::builtinRateCard();
  const auto imported = core::importPriceList(
      inputs({importDataPath("pricelist-AmazonBedrock.json"),
              importDataPath("pricelist-AmazonBedrockFoundationModels.json")}),
      current);
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.card.asOf == "2026-11-20");
  CHECK(imported.tally.files == 2);
  const auto change = [&](const std::string &model, const std::string &kind,
                          const std::string &field = "") {
    return std::find_if(imported.changes.begin(), imported.changes.end(), [&](const auto &c) {
      return c.model == model && c.change == kind && c.field == field;
    });
  };
  const auto output = change("amazon.nova-pro-v1:0", "changed", "on_demand.output_per_1m");
  REQUIRE(output != imported.changes.end());
  CHECK_THAT(*output->oldValue, near(3.2));
  CHECK_THAT(*output->newValue, near(3.6));
  CHECK_THAT(imported.card.find("amazon.nova-pro-v1:0")->onDemand.outputPer1m, near(3.6));
  // Same prices (1K-token unit ×1000, priority as ×1.75) are no change.
  CHECK(change("amazon.nova-pro-v1:0", "changed", "on_demand.input_per_1m") ==
        imported.changes.end());
  CHECK(change("amazon.nova-pro-v1:0", "changed", "tiers.priority") == imported.changes.end());
  CHECK(change("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "changed",
               "cache.read_per_1m") != imported.changes.end());
  // A model the card lacks is added under the price list's name (both Sonic models go, or
  // the name "Nova Sonic" would match Nova 2 Sonic).
  CHECK(change("Nova Sonic", "added") == imported.changes.end());
  core::RateCard withoutSonic = current;
  std::erase_if(withoutSonic.models, [](const core::ModelRates &model) {
    return model.id.find("sonic") != std::string::npos;
  });
  const auto added = core::importPriceList(
      inputs({importDataPath("pricelist-AmazonBedrock.json"),
              importDataPath("pricelist-AmazonBedrockFoundationModels.json")}),
      withoutSonic);
  CHECK(std::any_of(added.changes.begin(), added.changes.end(),
                    [](const auto &c) { return c.model == "Nova Sonic" && c.change == "added"; }));
  CHECK(change("amazon.nova-lite-v1:0", "gone") != imported.changes.end());
  CHECK(change("anthropic.claude-sonnet-4-5-20250929-v1:0", "gone") == imported.changes.end());
  // The eu-west-1 row and the model-customization row change nothing.
  CHECK(change("amazon.nova-micro-v1:0", "changed", "on_demand.input_per_1m") ==
        imported.changes.end());

  const auto wrong = core::importPriceList(inputs({importDataPath("cloudwatch.json")}), current);
  REQUIRE(wrong.failure);
  CHECK_THAT(wrong.failure->message,
             Catch::Matchers::Contains("not an AWS Price List bulk offer file"));
}

TEST_CASE("A price-list price beyond the card's limits is reported and not taken",
          "[core][import][pricelist]") {
  // Found by fuzz_import_pricelist: a cache-read price of $1,000,400 per 1M
  // went into the card, which its own reader then refused.
  const core::RateCard current = core::builtinRateCard();
  const auto imported = core::importPriceList(
      inputs({BWI_SOURCE_DIR "/tests/data/fuzz-regressions/pricelist-price-beyond-limit.json"}),
      current);
  REQUIRE_FALSE(imported.failure);
  bool warned = false;
  for (const std::string &warning : imported.tally.warnings)
    warned = warned || warning.find("above 1e6 USD; kept as it was") != std::string::npos;
  CHECK(warned);
  core::ValidationIssues issues;
  core::readRateCard(core::rateCardToJson(imported.card), "", issues);
  CHECK(issues.empty());
}
