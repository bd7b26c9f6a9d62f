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
#include "core/model/ratecarddiff.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/import/pricelistfixtures.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>
#include <zlib.h>

using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;
using bwi::test::OfferRow;
using namespace bwi;

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
  CHECK(change("amazon.nova-sonic", "added") == imported.changes.end());
  core::RateCard withoutSonic = current;
  std::erase_if(withoutSonic.models, [](const core::ModelRates &model) {
    return model.id.find("sonic") != std::string::npos;
  });
  const auto added = core::importPriceList(
      inputs({importDataPath("pricelist-AmazonBedrock.json"),
              importDataPath("pricelist-AmazonBedrockFoundationModels.json")}),
      withoutSonic);
  CHECK(std::any_of(added.changes.begin(), added.changes.end(), [](const auto &c) {
    return c.model == "amazon.nova-sonic" && c.change == "added";
  }));
  CHECK(change("amazon.nova-lite-v1:0", "gone") != imported.changes.end());
  CHECK(change("anthropic.claude-sonnet-4-5-20250929-v1:0", "gone") == imported.changes.end());
  // The eu-west-1 row and the model-customization row change nothing.
  CHECK(change("amazon.nova-micro-v1:0", "changed", "on_demand.input_per_1m") ==
        imported.changes.end());

  const auto wrong = core::importPriceList(inputs({importDataPath("cloudwatch.json")}), current);
  REQUIRE(wrong.failure);
  CHECK_THAT(wrong.failure->message, Catch::Matchers::Contains("not an AWS Price List file"));
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
    warned = warned || warning.find("above 1e6 USD; not taken") != std::string::npos;
  CHECK(warned);
  core::ValidationIssues issues;
  core::readRateCard(core::rateCardToJson(imported.card), "", issues);
  CHECK(issues.empty());
}

namespace {

// Frankfurt (eu-central-1), in the three forms of the AmazonBedrock offer:
// legacy, mantle and the tiers.
std::vector<OfferRow> bedrockRows() {
  const auto row = [](std::string usageType, std::string usd, std::string model,
                      std::string inference = "", std::string feature = "On-demand Inference") {
    OfferRow r;
    r.usageType = std::move(usageType);
    r.usd = std::move(usd);
    r.model = std::move(model);
    r.regionCode = "eu-central-1";
    r.inferenceType = std::move(inference);
    r.feature = std::move(feature);
    return r;
  };
  std::vector<OfferRow> rows{
      row("EUC1-NovaPro-input-tokens", "0.0009600000", "Nova Pro", "Input tokens"),
      row("EUC1-NovaPro-output-tokens", "0.0038400000", "Nova Pro", "Output tokens"),
      row("EUC1-NovaPro-input-tokens-batch", "0.0004800000", "Nova Pro", "Input tokens",
          "Batch Inference"),
      row("EUC1-NovaPro-output-tokens-batch", "0.0019200000", "Nova Pro", "Output tokens",
          "Batch Inference"),
      row("EUC1-NovaPro-cache-read-input-token-count", "0.0002400000", "Nova Pro",
          "Prompt cache read input tokens"),
      row("EUC1-NovaPro-input-tokens-priority", "0.0016800000", "Nova Pro",
          "Input tokens priority"),
      row("EUC1-NovaPro-output-tokens-priority", "0.0067200000", "Nova Pro",
          "Output tokens priority"),
      row("EUC1-NovaPro-input-tokens-flex", "0.0004800000", "Nova Pro", "Input tokens flex"),
      row("EUC1-NovaPro-output-tokens-flex", "0.0019200000", "Nova Pro", "Output tokens flex"),
      row("EUC1-NovaPro-input-tokens-latency-optimized", "0.0012000000", "Nova Pro",
          "Input tokens latency optimized"),
      row("EUC1-NovaMicro-Model-Customization-input-tokens", "0.0010000000", "Nova Micro",
          "Input tokens", "Model Customization"),
      row("EUC1-zai.glm5-input-tokens", "0.0012000000", "GLM 5", "Input tokens"),
      row("EUC1-zai.glm5-output-tokens", "0.0038400000", "GLM 5", "Output tokens"),
      row("EUC1-zai.glm5-mantle-input-tokens-standard", "0.0012000000", "GLM 5", "Input tokens",
          ""),
      row("EUC1-zai.glm5-mantle-input-tokens-flex", "0.0006000000", "GLM 5", "Input tokens flex",
          ""),
      row("EUC1-zai.glm5-mantle-output-tokens-flex", "0.0019200000", "GLM 5", "Output tokens flex",
          ""),
      row("EUC1-Mistral-Large-3-675b-Instruct-input-tokens", "0.0005000000", "Mistral Large 3",
          "Input tokens"),
      row("EUC1-Mistral-Large-3-675b-Instruct-output-tokens", "0.0015000000", "Mistral Large 3",
          "Output tokens"),
      row("EUC1-Mistral-Large-3-675b-Instruct-input-tokens-priority", "0.0008800000",
          "Mistral Large 3", "Input tokens priority"),
      row("EUC1-mistral.mistral-large-3-675b-instruct-mantle-output-tokens-priority",
          "0.0026300000", "Mistral Large 3", "Output tokens priority", ""),
      row("EUC1-Nova2.0Lite-input-tokens-cross-region-global", "0.0003000000", "Nova 2 Lite",
          "Input tokens global"),
      row("EUC1-Nova2.0Lite-output-tokens-cross-region-global", "0.0025000000", "Nova 2 Lite",
          "Output tokens global"),
      row("EUC1-Nova2.0Lite-input-tokens-priority-cross-region-global", "0.0005250000",
          "Nova 2 Lite", "Input tokens priority global"),
      row("EUC1-NovaCanvas-T2I-1024-Standard", "0.0400000000", "Nova Canvas", "Image generation"),
  };
  rows[13].serviceTier = "standard";
  rows[14].serviceTier = "flex";
  rows[15].serviceTier = "flex";
  rows.back().unit = "image";
  return rows;
}

// The Marketplace offer (AmazonBedrockFoundationModels) in its camel and
// snake forms, per 1M tokens; reserved and PT per hour.
std::vector<OfferRow> marketplaceRows() {
  const auto row = [](std::string model, std::string type, std::string usd,
                      std::string unit = "1M tokens") {
    OfferRow r;
    r.usageType = "EUC1-MP:EUC1_" + type + "-Units";
    r.usd = std::move(usd);
    r.unit = std::move(unit);
    r.servicename = model + " (Amazon Bedrock Edition)";
    r.regionCode = "eu-central-1";
    r.description = "AWS Marketplace software usage|eu-central-1|" + type;
    return r;
  };
  const std::string sonnet = "Claude Sonnet 4.5", opus = "Claude Opus 5.5", astra = "GPT-6 Astra";
  return {
      row(sonnet, "InputTokenCount", "3.3000000000"),
      row(sonnet, "OutputTokenCount", "16.5000000000"),
      row(sonnet, "InputTokenCount_Global", "3.0000000000"),
      row(sonnet, "OutputTokenCount_Global", "15.0000000000"),
      row(sonnet, "CacheReadInputTokenCount", "0.3300000000"),
      row(sonnet, "CacheWriteInputTokenCount", "4.1250000000"),
      row(sonnet, "CacheWrite1hInputTokenCount", "6.6000000000"),
      row(sonnet, "CacheReadInputTokenCount_Global", "0.3000000000"),
      row(sonnet, "CacheWriteInputTokenCount_Global", "3.7500000000"),
      row(sonnet, "CacheWrite1hInputTokenCount_Global", "6.0000000000"),
      row(sonnet, "Reserved_1Month_InputTPM_Geo", "0.1980000000", "hour"),
      row(sonnet, "Reserved_1Month_OutputTPM_Geo", "0.9900000000", "hour"),
      row(sonnet, "Reserved_3Month_InputTPM_Geo", "0.1782000000", "hour"),
      row(sonnet, "Reserved_3Month_OutputTPM_Geo", "0.8910000000", "hour"),
      row(sonnet, "Reserved_1Month_InputTPM_Global", "0.1800000000", "hour"),
      row(sonnet, "Reserved_1Month_OutputTPM_Global", "0.9000000000", "hour"),
      row(opus, "input_tokens_standard", "4.4000000000"),
      row(opus, "output_tokens_standard", "22.0000000000"),
      row(opus, "input_tokens_global_standard", "4.0000000000"),
      row(opus, "output_tokens_global_standard", "20.0000000000"),
      row(opus, "cache_write_tokens_standard", "5.5000000000"),
      row(opus, "cache_write_tokens_1h_standard", "8.8000000000"),
      row("Claude Mythos 5", "input_tokens_standard", "11.0000000000"),
      row("Claude Mythos 5", "output_tokens_standard", "55.0000000000"),
      row("Claude Mythos 5", "input_tokens_global_standard", "10.0000000000"),
      row("Claude Mythos 5", "output_tokens_global_standard", "50.0000000000"),
      row(astra, "input_tokens_standard", "11.0000000000"),
      row(astra, "output_tokens_standard", "55.0000000000"),
      row(astra, "input_tokens_global_standard", "10.0000000000"),
      row(astra, "output_tokens_global_standard", "50.0000000000"),
      row(astra, "cache_read_tokens_standard", "1.1000000000"),
      row(astra, "cache_write_tokens_30m_standard", "13.7500000000"),
      row(astra, "input_tokens_long_ctx_standard", "22.0000000000"),
      row(astra, "output_tokens_long_ctx_standard", "82.5000000000"),
      row(astra, "input_tokens_long_ctx_global_standard", "20.0000000000"),
      row("Claude 3.7 Sonnet", "ProvisionedThroughput_1MonthCommit_ModelUnits_Usage",
          "158.4000000000", "hour"),
  };
}

core::PriceListDocument document(std::string name, std::string bytes) {
  return {std::move(name), std::move(bytes), "", false};
}

std::string gzip(const std::string &text) {
  std::string out(compressBound(static_cast<uLong>(text.size())) + 64, '\0');
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef *>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

core::PriceListImport frankfurt() {
  return core::readPriceList(
      {document("AmazonBedrock.json",
                test::bulkOffer("AmazonBedrock", "2026-11-20T10:00:00Z", bedrockRows())),
       document("AmazonBedrockFoundationModels.json",
                test::bulkOffer("AmazonBedrockFoundationModels", "2026-11-24T08:00:00Z",
                                marketplaceRows()))},
      core::builtinRateCard(), {"eu-central-1"});
}

const core::ModelRates &model(const core::RateCard &card, const std::string &id) {
  const core::ModelRates *found = card.find(id);
  INFO(id);
  REQUIRE(found);
  return *found;
}

bool hasChange(const std::vector<core::PriceChange> &changes, const std::string &id,
               const std::string &kind, const std::string &field = "") {
  return std::any_of(changes.begin(), changes.end(), [&](const core::PriceChange &change) {
    return change.model == id && change.change == kind && change.field == field;
  });
}

} // namespace

TEST_CASE("Every usage-type form of the price list is read", "[core][import][usagetype]") {
  const auto parts = [](const char *text) { return core::parseUsageType(text); };
  SECTION("region prefixes") {
    CHECK(parts("USE1-NovaPro-input-tokens").region == "us-east-1");
    CHECK(parts("EU-NovaPro-input-tokens").region == "eu-west-1");
    CHECK(parts("EU-NovaPro-input-tokens").modelName == "NovaPro");
    CHECK(parts("EUC1-NovaPro-input-tokens").region == "eu-central-1");
    CHECK(parts("APN1-zai.glm5-mantle-input-tokens-flex").region == "ap-northeast-1");
    CHECK(parts("APS3-NovaLite-output-tokens").region == "ap-south-1");
    CHECK(parts("USW2-MP:USW2_input_tokens_standard-Units").region == "us-west-2");
    CHECK(core::usageTypePrefixOfRegion("eu-central-1") == "EUC1");
    CHECK(core::looksLikeRegionCode("us-gov-west-1"));
    CHECK_FALSE(core::looksLikeRegionCode("Frankfurt"));
    CHECK_FALSE(core::looksLikeRegionCode("eu-central"));
  }
  SECTION("legacy and mantle") {
    const auto global = parts("USW2-Nova2.0Lite-input-tokens-priority-cross-region-global");
    CHECK(global.modelName == "Nova2.0Lite");
    CHECK(global.tier == "priority");
    CHECK(global.global);
    const auto mantle =
        parts("USW2-mistral.mistral-large-3-675b-instruct-mantle-output-tokens-priority");
    CHECK(mantle.mantle);
    CHECK(mantle.modelName == "mistral.mistral-large-3-675b-instruct");
    CHECK(mantle.usage == "output");
    CHECK(mantle.tier == "priority");
    CHECK(parts("USW2-Mistral-Large-3-675b-Instruct-input-tokens-flex").modelName ==
          "Mistral-Large-3-675b-Instruct");
    CHECK(parts("APN1-NovaPro-cache-read-input-token-count").usage == "cache_read");
  }
  SECTION("Marketplace camel") {
    const auto write = parts("USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units");
    CHECK(
        (write.marketplace && write.usage == "cache_write" && write.cacheWrite1h && write.global));
    const auto reserved = parts("USE1-MP:USE1_Reserved_3Month_OutputTPM_Geo-Units");
    CHECK(reserved.usage == "reserved");
    CHECK(reserved.reservedMonths == 3);
    CHECK(reserved.reservedOutput);
    CHECK_FALSE(reserved.global);
    const auto pt = parts("USW2-MP:USW2_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units");
    CHECK(pt.usage == "provisioned");
    CHECK(pt.ptTerm == "one_month");
    CHECK(parts("USE1-MP:USE1_ProvisionedThroughput_6MonthCommit_ModelUnits_Usage-Units").ptTerm ==
          "six_month");
  }
  SECTION("Marketplace snake") {
    const auto longContext = parts("USW2-MP:USW2_input_tokens_long_ctx_global_standard-Units");
    CHECK((longContext.usage == "input" && longContext.longContext && longContext.global));
    const auto write30 = parts("USW2-MP:USW2_cache_write_tokens_30m_standard-Units");
    CHECK((write30.usage == "cache_write" && write30.cacheWrite30m && !write30.cacheWrite1h));
    CHECK(parts("USW2-MP:USW2_cache_read_tokens_global_standard-Units").usage == "cache_read");
    CHECK(parts("USW2-MP:USW2_output_tokens_global_flex-Units").tier == "flex");
  }
}

TEST_CASE("A model's provider and a new id come from the price list's name",
          "[core][import][pricelist]") {
  CHECK(core::providerOfModelName("Claude Opus 5.5").name == "Anthropic");
  CHECK(core::providerOfModelName("zai.glm5").name == "Z AI");
  CHECK(core::providerOfModelName("GLM 5").idPrefix == "zai");
  CHECK(core::modelIdFromName("Claude Opus 5.5 (Amazon Bedrock Edition)") ==
        "anthropic.claude-opus-5-5");
  CHECK(core::modelIdFromName("Amazon Nova Sonic") == "amazon.nova-sonic");
  CHECK(core::modelIdFromName("zai.glm5") == "zai.glm5");
  CHECK(core::modelIdFromName("Llama 5 70B Instruct") == "meta.llama-5-70b-instruct");
  CHECK(core::modelIdFromName("GPT 4o") == "openai.gpt-4o");
  const core::RateCard card = core::builtinRateCard();
  CHECK_FALSE(
      core::numbersAgree("Claude Opus 5.5", *card.find("anthropic.claude-opus-4-5-20251101-v1:0")));
  CHECK(
      core::numbersAgree("Claude Opus 4.5", *card.find("anthropic.claude-opus-4-5-20251101-v1:0")));
  CHECK(core::numbersAgree("Mistral Large 3 675B",
                           *card.find("mistral.mistral-large-3-675b-instruct")));
}

TEST_CASE("The bulk offer files of another region build that region's card",
          "[core][import][pricelist]") {
  const auto imported = frankfurt();
  REQUIRE_FALSE(imported.failure);
  const core::RateCard &card = imported.card;
  CHECK(card.region == "eu-central-1");
  CHECK(card.asOf == "2026-11-24");
  CHECK(imported.tally.files == 2);
  CHECK(imported.offers ==
        std::vector<std::string>{"AmazonBedrock", "AmazonBedrockFoundationModels"});

  SECTION("legacy rows: on demand per 1K tokens ×1000, batch, cache, tiers, latency") {
    const auto &pro = model(card, "amazon.nova-pro-v1:0");
    CHECK_THAT(pro.onDemand.inputPer1m, near(0.96));
    CHECK_THAT(pro.onDemand.outputPer1m, near(3.84));
    REQUIRE(pro.batch);
    CHECK_THAT(pro.batch->inputPer1m, near(0.48));
    CHECK_THAT(pro.batch->outputPer1m, near(1.92));
    CHECK_FALSE(pro.batch->estimate);
    REQUIRE(pro.cache);
    CHECK_THAT(pro.cache->readPer1m, near(0.24));
    REQUIRE(pro.tiers);
    CHECK_THAT(*pro.tiers->priority, near(1.75));
    CHECK_THAT(*pro.tiers->flex, near(0.5));
    CHECK_THAT(pro.note, Catch::Matchers::Contains("latency-optimized: in $1.2 per 1M"));
    CHECK_THAT(pro.source, Catch::Matchers::StartsWith("AWS Price List eu-central-1 2026-11-24"));
  }
  SECTION("a model the card has under another spelling prices it") {
    // The mantle model part "zai.glm5" and the name "GLM 5" are the card's
    // zai.glm-5; "Claude Opus 5.5" is the card's, not Claude Opus 4.5.
    const auto &glm = model(card, "zai.glm-5");
    CHECK(glm.provider == "Z AI");
    CHECK_FALSE(glm.marketplace);
    CHECK_THAT(glm.onDemand.inputPer1m, near(1.2));
    CHECK_THAT(glm.onDemand.outputPer1m, near(3.84));
    CHECK_THAT(*glm.tiers->flex, near(0.5));
    CHECK_FALSE(card.find("zai.glm5"));
    const auto &opus = model(card, "anthropic.claude-opus-5-5");
    CHECK(opus.marketplace);
    CHECK_THAT(opus.onDemand.inputPer1m, near(4.4));
    CHECK_THAT(*opus.cache->writePer1m, near(5.5));
    CHECK_THAT(*opus.cache->write1hPer1m, near(8.8));
    CHECK_THAT(model(card, "global.anthropic.claude-opus-5-5").onDemand.outputPer1m, near(20.0));
    CHECK_FALSE(card.find("anthropic.claude-opus-4-5-20251101-v1:0"));
    CHECK_FALSE(hasChange(imported.changes, "anthropic.claude-opus-5-5", "added"));
  }
  SECTION("a model the card lacks becomes a new model, never dropped") {
    const auto &mythos = model(card, "anthropic.claude-mythos-5");
    CHECK(mythos.name == "Claude Mythos 5");
    CHECK(mythos.provider == "Anthropic");
    CHECK(mythos.marketplace);
    CHECK_THAT(mythos.onDemand.inputPer1m, near(11.0));
    CHECK_THAT(mythos.onDemand.outputPer1m, near(55.0));
    CHECK_THAT(mythos.note, Catch::Matchers::Contains("New from the AWS Price List"));
    CHECK(hasChange(imported.changes, "anthropic.claude-mythos-5", "added"));
    const auto &global = model(card, "global.anthropic.claude-mythos-5");
    CHECK(global.name == "Claude Mythos 5 (global)");
    CHECK_THAT(global.onDemand.outputPer1m, near(50.0));
    // Not Claude Opus 5, whose number it shares.
    CHECK_FALSE(card.find("anthropic.claude-opus-5"));
  }
  SECTION("priority at AWS's cent rounding is one multiplier; global rows go to the global entry") {
    const auto &mistral = model(card, "mistral.mistral-large-3-675b-instruct");
    CHECK_THAT(*mistral.tiers->priority, near(2.63 / 1.5));
    const auto &lite = model(card, "global.amazon.nova-2-lite-v1:0");
    CHECK_THAT(lite.onDemand.inputPer1m, near(0.3));
    CHECK_THAT(*lite.tiers->priority, near(1.75));
    CHECK_FALSE(card.find("us.amazon.nova-2-lite-v1:0")); // no regional row
  }
  SECTION("Marketplace camel: regional and global, cache 5-minute and 1-hour, reserved ×730") {
    const auto &regional = model(card, "anthropic.claude-sonnet-4-5-20250929-v1:0");
    CHECK_THAT(regional.onDemand.inputPer1m, near(3.3));
    CHECK_THAT(*regional.cache->writePer1m, near(4.125));
    CHECK_THAT(*regional.cache->write1hPer1m, near(6.6));
    REQUIRE(regional.reserved);
    CHECK_THAT(regional.reserved->oneMonth->inputPer1kTpmMonth, near(0.198 * 730));
    CHECK_THAT(regional.reserved->oneMonth->outputPer1kTpmMonth, near(0.99 * 730));
    CHECK_THAT(regional.reserved->threeMonth->outputPer1kTpmMonth, near(0.891 * 730));
    CHECK(regional.reserved->minInputTpm == 100000); // the card's, not in the price list
    const auto &global = model(card, "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    CHECK_THAT(global.onDemand.outputPer1m, near(15.0));
    CHECK_THAT(global.cache->readPer1m, near(0.30));
    CHECK_THAT(global.reserved->oneMonth->inputPer1kTpmMonth, near(0.18 * 730));
    CHECK_FALSE(global.reserved->threeMonth);
  }
  SECTION("Marketplace snake: 30-minute write, long context in the note") {
    const auto &astra = model(card, "openai.gpt-6-astra");
    CHECK(astra.provider == "OpenAI");
    CHECK_THAT(*astra.cache->writePer1m, near(13.75));
    CHECK_THAT(astra.cache->note, Catch::Matchers::Contains("30-minute"));
    CHECK_THAT(astra.note, Catch::Matchers::Contains(
                               "over the long-context threshold (standard): in $22 / out $82.5"));
    CHECK_THAT(model(card, "global.openai.gpt-6-astra").note,
               Catch::Matchers::Contains("in $20 per 1M"));
  }
  SECTION("PT per MU-hour; a model with no on-demand price here is flagged, not $0 unmarked") {
    const auto &sonnet37 = model(card, "anthropic.claude-3-7-sonnet-20250219-v1:0");
    CHECK_THAT(*sonnet37.provisioned->oneMonthPerMuHour, near(158.4));
    CHECK_FALSE(sonnet37.ptCapable()); // no MU capacity in the price list
    CHECK(sonnet37.onDemand.estimate);
    CHECK_THAT(sonnet37.note, Catch::Matchers::Contains("no on-demand input price"));
  }
  SECTION("what no card field holds is counted; other regions' models are gone") {
    CHECK(imported.leftOut.at("model customization") == 1);
    CHECK(imported.leftOut.at("images, audio, video and other non-token units") == 1);
    CHECK_FALSE(card.find("amazon.nova-lite-v1:0"));
    CHECK(hasChange(imported.changes, "amazon.nova-lite-v1:0", "gone"));
    CHECK(hasChange(imported.changes, "amazon.nova-pro-v1:0", "changed", "on_demand.input_per_1m"));
  }
  SECTION("the card reads back as it was written") {
    core::ValidationIssues issues;
    const core::RateCard again = core::readRateCard(core::rateCardToJson(card), "", issues);
    CHECK(issues.empty());
    CHECK(again == card);
  }
}

TEST_CASE("GetProducts output, as a PriceList array or JSON lines, reads like the bulk file",
          "[core][import][pricelist]") {
  const core::RateCard reference = core::builtinRateCard();
  const auto rows = bedrockRows();
  const auto bulk = core::readPriceList(
      {document("bulk.json", test::bulkOffer("AmazonBedrock", "2026-11-20T00:00:00Z", rows))},
      reference, {"eu-central-1"});
  const auto page =
      core::readPriceList({document("page.json", test::getProductsOutput("AmazonBedrock", rows))},
                          reference, {"eu-central-1"});
  const auto lines = core::readPriceList(
      {document("lines.jsonl", gzip(test::getProductsLines("AmazonBedrock", rows)))}, reference);
  REQUIRE_FALSE(bulk.failure);
  REQUIRE_FALSE(page.failure);
  REQUIRE_FALSE(lines.failure);
  CHECK(lines.region == "eu-central-1"); // the one region the lines price
  CHECK(page.card.asOf == "2026-11-20");
  CHECK(core::diffRateCards(bulk.card, page.card).empty());
  CHECK(core::diffRateCards(bulk.card, lines.card).empty());
  CHECK(bulk.card.models.size() == page.card.models.size());
}

TEST_CASE("The price list of the card's own region keeps what it does not price",
          "[core][import][pricelist]") {
  const core::RateCard reference = core::builtinRateCard();
  std::vector<OfferRow> rows;
  for (auto [type, usd] : {std::pair{"USE1-NovaPro-input-tokens", "0.0008"},
                           std::pair{"USE1-NovaPro-output-tokens", "0.0036"}}) {
    OfferRow row;
    row.usageType = type;
    row.usd = usd;
    row.model = "Nova Pro";
    row.regionCode = "us-east-1";
    rows.push_back(row);
  }
  const auto imported = core::readPriceList(
      {document("AmazonBedrock.json",
                test::bulkOffer("AmazonBedrock", "2026-12-01T00:00:00Z", rows))},
      reference);
  REQUIRE_FALSE(imported.failure);
  const auto &pro = model(imported.card, "amazon.nova-pro-v1:0");
  CHECK_THAT(pro.onDemand.outputPer1m, near(3.6));
  CHECK(pro.batch == reference.find("amazon.nova-pro-v1:0")->batch); // kept
  CHECK(pro.tiers == reference.find("amazon.nova-pro-v1:0")->tiers);
  CHECK(imported.card.models.size() == reference.models.size());
  CHECK(hasChange(imported.changes, "amazon.nova-lite-v1:0", "gone"));
  // Marketplace models: their offer was not read, so they are not gone.
  CHECK_FALSE(hasChange(imported.changes, "anthropic.claude-3-haiku-20240307-v1:0", "gone"));
  // A second update replaces what the first wrote into the note and the source.
  const auto again = core::readPriceList(
      {document("AmazonBedrock.json",
                test::bulkOffer("AmazonBedrock", "2026-12-02T00:00:00Z", rows))},
      imported.card);
  const auto &twice = model(again.card, "amazon.nova-pro-v1:0");
  CHECK(twice.source.find("AWS Price List") == twice.source.rfind("AWS Price List"));
  CHECK(core::diffRateCards(imported.card, again.card).empty());
}

TEST_CASE("Llama 3.3 70B Instruct prices the card's Llama 3.3, not Llama 3 nor a new model",
          "[core][import][pricelist]") {
  const core::RateCard reference = core::builtinRateCard();
  std::vector<OfferRow> rows;
  for (auto [type, name, usd] :
       {std::tuple{"USE1-Llama3-3-70B-input-tokens", "Llama 3.3 70B Instruct", "0.0006500000"},
        std::tuple{"USE1-Llama3-3-70B-output-tokens", "Llama 3.3 70B Instruct", "0.0006600000"},
        std::tuple{"USE1-Llama3-70B-input-tokens", "Llama 3 70B Instruct", "0.0026000000"}}) {
    OfferRow row;
    row.usageType = type;
    row.usd = usd;
    row.model = name;
    row.regionCode = "us-east-1";
    rows.push_back(row);
  }
  const auto imported = core::readPriceList(
      {document("AmazonBedrock.json",
                test::bulkOffer("AmazonBedrock", "2026-12-01T00:00:00Z", rows))},
      reference);
  REQUIRE_FALSE(imported.failure);
  const auto &llama33 = model(imported.card, "us.meta.llama3-3-70b-instruct-v1:0");
  CHECK_THAT(llama33.onDemand.inputPer1m, near(0.65));
  CHECK_THAT(llama33.onDemand.outputPer1m, near(0.66));
  const auto &llama3 = model(imported.card, "meta.llama3-70b-instruct-v1:0");
  CHECK_THAT(llama3.onDemand.inputPer1m, near(2.6));
  CHECK(llama3.onDemand.outputPer1m ==
        reference.find("meta.llama3-70b-instruct-v1:0")->onDemand.outputPer1m);
  CHECK(imported.card.models.size() == reference.models.size());
  CHECK(std::none_of(imported.changes.begin(), imported.changes.end(),
                     [](const core::PriceChange &change) { return change.change == "added"; }));
}

TEST_CASE("Price-list files that cannot be read say what is wrong", "[core][import][pricelist]") {
  const core::RateCard reference = core::builtinRateCard();
  const std::string good = test::bulkOffer("AmazonBedrock", "2026-11-20T00:00:00Z", bedrockRows());
  const auto failure = [&](core::PriceListDocument doc, std::string region = "") {
    const auto result = core::readPriceList({std::move(doc)}, reference, {std::move(region)});
    REQUIRE(result.failure);
    return result.failure->message;
  };
  CHECK_THAT(failure(document("cut.json", good.substr(0, good.size() / 2))),
             Catch::Matchers::Contains("cut.json: not valid JSON") &&
                 Catch::Matchers::Contains("cut short"));
  CHECK_THAT(failure(document("page.html", "<html><body>Access Denied</body></html>")),
             Catch::Matchers::Contains("page.html: not valid JSON"));
  CHECK_THAT(failure(document("cut.json.gz", gzip(good).substr(0, 300))),
             Catch::Matchers::Contains("ends early"));
  CHECK_THAT(failure(document("ec2.json", test::bulkOffer("AmazonEC2", "2026-11-20", {}))),
             Catch::Matchers::Contains("offer AmazonEC2 is not a Bedrock offer"));
  CHECK_THAT(failure(document("other.json", R"({"MetricDataResults": []})")),
             Catch::Matchers::Contains("not an AWS Price List file"));
  CHECK_THAT(failure(document("AmazonBedrock.json", good), "ap-south-1"),
             Catch::Matchers::Contains("no product of region ap-south-1") &&
                 Catch::Matchers::Contains("eu-central-1"));
  CHECK_THAT(failure(document("AmazonBedrock.json", good), "Frankfurt"),
             Catch::Matchers::Contains("not a region code"));
  auto tokyo = bedrockRows();
  for (OfferRow &row : tokyo) {
    row.regionCode = "ap-northeast-1";
    row.usageType.replace(0, 4, "APN1");
  }
  const std::string two = test::getProductsLines("AmazonBedrock", tokyo) +
                          test::getProductsLines("AmazonBedrock", bedrockRows());
  CHECK_THAT(failure(document("two.jsonl", two)),
             Catch::Matchers::Contains("2 regions (ap-northeast-1, eu-central-1)") &&
                 Catch::Matchers::Contains("--region"));
  // A broken line among good ones is skipped with its line number.
  const auto some = core::readPriceList(
      {document("some.jsonl", "{\"product\": \n" + test::getProductsLines("AmazonBedrock", tokyo))},
      reference);
  REQUIRE_FALSE(some.failure);
  CHECK(some.region == "ap-northeast-1");
  REQUIRE(some.tally.skipped.count == 1);
  CHECK(some.tally.skipped.first[0].line == 1);
}

TEST_CASE("A changed multiplier shows as a multiplier, a changed price in USD",
          "[core][model][pricelist]") {
  CHECK_FALSE(core::isMultiplierField("on_demand.input_per_1m"));
  CHECK(core::isMultiplierField("tiers.priority"));
  CHECK(core::formatFieldValue("tiers.priority", 1.75) == "×1.75");
  CHECK(core::formatFieldValue("tiers.flex", 0.5) == "×0.5");
  CHECK(core::formatFieldValue("on_demand.output_per_1m", 0.72) == "$0.72");
  CHECK(core::formatFieldValue("tiers.priority", std::nullopt) == "none");
}

TEST_CASE("Two cards differ by model and by price; a region switch carries what it lacks",
          "[core][model][pricelist]") {
  const core::RateCard before = core::builtinRateCard();
  core::RateCard after = before;
  const auto at = [&](const std::string &id) {
    return std::find_if(after.models.begin(), after.models.end(),
                        [&](const core::ModelRates &m) { return m.id == id; });
  };
  REQUIRE(at("amazon.nova-micro-v1:0") != after.models.end());
  after.models.erase(at("amazon.nova-micro-v1:0"));        // Nova Micro gone
  at("amazon.nova-lite-v1:0")->onDemand.outputPer1m = 0.3; // Nova Lite changed
  at("amazon.nova-pro-v1:0")->batch.reset();               // Nova Pro's batch gone
  core::ModelRates added = *at("amazon.nova-pro-v1:0");
  added.id = "amazon.nova-3-pro";
  added.name = "Amazon Nova 3 Pro";
  after.models.push_back(added);
  const auto changes = core::diffRateCards(before, after);
  CHECK(hasChange(changes, "amazon.nova-micro-v1:0", "gone"));
  CHECK(hasChange(changes, "amazon.nova-3-pro", "added"));
  CHECK(hasChange(changes, "amazon.nova-pro-v1:0", "changed", "batch.input_per_1m"));
  const auto lite = std::find_if(changes.begin(), changes.end(),
                                 [](const auto &c) { return c.model == "amazon.nova-lite-v1:0"; });
  REQUIRE(lite != changes.end());
  CHECK_THAT(*lite->oldValue, near(0.24));
  CHECK_THAT(*lite->newValue, near(0.3));
  CHECK(core::diffRateCards(before, before).empty());

  const auto example = core::loadExampleScenario();
  REQUIRE(example.loaded);
  const core::Scenario &scenario = example.loaded->scenario;
  core::RateCard frankfurtCard = frankfurt().card;
  std::vector<std::string> carried;
  const core::RateCard switched =
      core::carryMissingModels(frankfurtCard, example.loaded->baseCard, scenario, carried);
  CHECK_FALSE(carried.empty());
  for (const std::string &id : core::modelsUsedBy(scenario)) {
    INFO(id);
    REQUIRE(switched.find(id));
  }
  for (const std::string &id : carried) {
    CHECK(switched.find(id)->onDemand.estimate);
    CHECK_THAT(switched.find(id)->note, Catch::Matchers::StartsWith("Not offered in eu-central-1"));
  }
}
