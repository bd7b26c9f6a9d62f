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
#include "tests/core/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;

namespace {

const core::BillGroup &billGroup(const core::BillImport &bill, const std::string &month,
                                 const std::string &model, const std::string &usage,
                                 const std::string &tier = "standard") {
  const auto found = std::find_if(bill.groups.begin(), bill.groups.end(), [&](const auto &g) {
    return g.month == month && g.model == model && g.usage == usage && g.tier == tier;
  });
  INFO(month << " / " << model << " / " << usage << " / " << tier);
  REQUIRE(found != bill.groups.end());
  return *found;
}

const core::UsageGroup &usageGroup(const std::vector<core::UsageGroup> &groups,
                                   const std::string &model, const std::string &tier = "standard") {
  const auto found = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
    return g.model == model && g.tier == tier;
  });
  INFO(model << " / " << tier);
  REQUIRE(found != groups.end());
  return *found;
}

} // namespace

TEST_CASE("Model ids as AWS writes them map to the rate card", "[core][import][models]") {
  const core::RateCard card = core::builtinRateCard();
  const auto id = [&](const std::string &raw) { return core::normalizeModelId(raw, card); };
  CHECK(id("us.anthropic.claude-haiku-4-5-20251001-v1:0").model ==
        "anthropic.claude-haiku-4-5-20251001-v1:0");
  CHECK(id("global.anthropic.claude-haiku-4-5-20251001-v1:0").model ==
        "global.anthropic.claude-haiku-4-5-20251001-v1:0");
  // A global profile of a model the card prices only regionally.
  CHECK(id("global.amazon.nova-pro-v1:0").model == "amazon.nova-pro-v1:0");
  CHECK(id("jp.amazon.nova-lite-v1:0").model == "amazon.nova-lite-v1:0");
  CHECK(id("au.amazon.nova-micro-v1:0+priority").tier == "priority");
  CHECK(id("amazon.nova-pro-v1:0+latency-optimized").tier == "latency-optimized");
  // The card lists Nova Premier under its US profile id only.
  CHECK(id("amazon.nova-premier-v1:0").model == "us.amazon.nova-premier-v1:0");
  CHECK(id("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0").model ==
        "amazon.nova-pro-v1:0");
  const auto unknown = id("arn:aws:bedrock:us-east-1:1:application-inference-profile/abc123");
  CHECK_FALSE(unknown.known);
  CHECK(unknown.model == "abc123");

  const auto name = [&](const std::string &text, bool global = false) {
    return core::matchModelName(text, global, card);
  };
  CHECK(name("NovaPro") == "amazon.nova-pro-v1:0");
  CHECK(name("Nova2.0Lite") == "us.amazon.nova-2-lite-v1:0");
  CHECK(name("Nova2.0Lite", true) == "global.amazon.nova-2-lite-v1:0");
  CHECK(name("Claude4Sonnet") == "anthropic.claude-sonnet-4-20250514-v1:0");
  CHECK(name("Claude Sonnet 4.5 (Amazon Bedrock Edition)") ==
        "anthropic.claude-sonnet-4-5-20250929-v1:0");
  CHECK(name("Claude Sonnet 4.5 (Amazon Bedrock Edition)", true) ==
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
  CHECK(name("Llama3-1-405B") == "meta.llama3-1-405b-instruct-v1:0");
  // Repeated numbers count: Llama 3.3 is not Llama 3, whose words it has.
  CHECK(name("Llama 3.3 70B Instruct") == "us.meta.llama3-3-70b-instruct-v1:0");
  CHECK(name("Llama3-3-70B") == "us.meta.llama3-3-70b-instruct-v1:0");
  CHECK(name("Llama 3 70B Instruct") == "meta.llama3-70b-instruct-v1:0");
  CHECK(name("Llama3-70B") == "meta.llama3-70b-instruct-v1:0");
  CHECK(name("Llama 3.3.3 70B").empty());
  CHECK(name("openai.gpt-oss-120b") == "openai.gpt-oss-120b-1:0");
  CHECK(name("Claude4.6Sonnet").empty());
}

TEST_CASE("The usage-type grammar gives kind, tier and routing", "[core][import][usagetype]") {
  const auto parts = [](const char *text) { return core::parseUsageType(text); };
  CHECK(parts("USE1-NovaPro-input-tokens").modelName == "NovaPro");
  CHECK(parts("USE1-NovaPro-input-tokens").usage == "input");
  CHECK(parts("USE1-NovaPro-output-tokens-flex").tier == "flex");
  CHECK(parts("USE1-NovaPro-input-tokens-latency-optimized").tier == "latency-optimized");
  CHECK(parts("USE1-NovaPro-cache-read-input-token-count").usage == "cache_read");
  CHECK(parts("USE1-Llama3-1-405B-output-tokens-batch").tier == "batch");
  const auto global = parts("USE1-Claude4Sonnet-output-tokens-long-context-cross-region-global");
  CHECK(global.global);
  CHECK(global.longContext);
  const auto mantle = parts("USE1-openai.gpt-oss-120b-mantle-input-tokens-standard");
  CHECK(mantle.modelName == "openai.gpt-oss-120b");
  CHECK(mantle.usage == "input");
  const auto write = parts("USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units");
  CHECK(write.marketplace);
  CHECK(write.usage == "cache_write");
  CHECK(write.cacheWrite1h);
  CHECK(write.global);
  CHECK(parts("USE1-MP:USE1_input_tokens_global_standard-Units").usage == "input");
  CHECK(parts("USE1-MP:USE1_MillionBatchInputTokens-Units").tier == "batch");
  CHECK(parts("USE1-MP:USE1_Reserved_1Month_InputTPM_Geo-Units").usage == "reserved");
  CHECK(parts("USE1-NovaMicro-Model-Customization-input-tokens").usage == "other");
}

TEST_CASE("CloudWatch get-metric-data JSON gives hourly series per model",
          "[core][import][cloudwatch]") {
  core::CloudWatchOptions options;
  options.queries = inputs({importDataPath("cloudwatch-queries.json")}).front();
  const auto imported = core::importCloudWatch(inputs({importDataPath("cloudwatch.json")}),
                                               core::builtinRateCard(), options);
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.files == 1);
  SECTION("labels MODEL_ID METRIC_NAME; other metrics are ignored") {
    const auto &pro = usageGroup(imported.groups, "amazon.nova-pro-v1:0");
    CHECK(pro.totals == core::TokenCounts{30, 90000, 9000, 0, 0});
    CHECK(pro.hourly.size() == 2);
    CHECK(usageGroup(imported.groups, "amazon.nova-pro-v1:0", "flex").totals.cacheRead == 500);
  }
  SECTION("a daily period named through --queries is spread over its 24 hours") {
    const auto &lite = usageGroup(imported.groups, "amazon.nova-lite-v1:0");
    CHECK(lite.totals.input == 72);
    CHECK(lite.hourly.size() == 48);
    CHECK(lite.hourly.begin()->second.input == 1);
    CHECK(lite.hourly.rbegin()->second.input == 2);
  }
  SECTION("broken series are skipped with their line and JSON path") {
    REQUIRE(imported.tally.skipped.count == 2);
    CHECK(imported.tally.skipped.first[0].line == 46);
    CHECK_THAT(imported.tally.skipped.first[0].reason,
               Catch::Matchers::Contains("MetricDataResults[6]: 2 timestamps but 1 values"));
    CHECK(imported.tally.skipped.first[1].line == 53);
    CHECK_THAT(imported.tally.skipped.first[1].reason, Catch::Matchers::Contains("negative"));
  }
  SECTION("fewer than 90 days are flagged") {
    REQUIRE(imported.tally.warnings.size() == 1);
    CHECK_THAT(imported.tally.warnings[0], Catch::Matchers::Contains("90 days"));
  }
}

TEST_CASE("CloudWatch without queries skips the series it cannot name",
          "[core][import][cloudwatch]") {
  const auto imported = core::importCloudWatch(inputs({importDataPath("cloudwatch.json")}),
                                               core::builtinRateCard(), {});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.skipped.count == 3);
  CHECK_THAT(imported.tally.skipped.first[0].reason,
             Catch::Matchers::Contains("no --queries entry has Id \"daily\""));
}

TEST_CASE("A CloudWatch console CSV export reads like the JSON", "[core][import][cloudwatch]") {
  const auto imported = core::importCloudWatch(inputs({importDataPath("cloudwatch.csv")}),
                                               core::builtinRateCard(), {});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.lines == 4);
  REQUIRE(imported.tally.skipped.count == 1);
  CHECK(imported.tally.skipped.first[0].line == 5);
  const auto &lite = usageGroup(imported.groups, "amazon.nova-lite-v1:0");
  CHECK(lite.totals == core::TokenCounts{11, 2000, 210, 0, 0});
  CHECK(lite.hourly.size() == 2);
}

TEST_CASE("CloudWatch rejects a file of another kind", "[core][import][cloudwatch]") {
  for (const char *name : {"invocation-logs.jsonl", "cur.csv"}) {
    const auto imported =
        core::importCloudWatch(inputs({importDataPath(name)}), core::builtinRateCard(), {});
    REQUIRE(imported.failure);
    CHECK_THAT(imported.failure->message, Catch::Matchers::Contains("expected"));
  }
}

TEST_CASE("A CUR 2.0 export gives Bedrock spend by month, model, usage and tier",
          "[core][import][cur]") {
  const test::TempFolder folder;
  const std::string gz =
      folder.writeGzip("cur.csv.gz", test::readWholeFile(importDataPath("cur.csv")));
  const std::string path = GENERATE(std::string("plain"), std::string("gzip"));
  const auto bill = core::importBill(core::ImportKind::Cur,
                                     inputs({path == "plain" ? importDataPath("cur.csv") : gz}),
                                     core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.tally.lines == 8);
  CHECK(bill.tally.skipped.count == 0);
  CHECK_THAT(bill.bedrockCostUsd, near(2.00 + 0.18 + 1.26 + 1.65 + 0.21405 + 0.16));
  CHECK_THAT(bill.discountUsd, near(0.12));
  REQUIRE(bill.groups.size() == 6);
  const auto &input = billGroup(bill, "2026-10", "amazon.nova-pro-v1:0", "input");
  CHECK_THAT(input.costUsd, near(2.00));
  CHECK_THAT(input.tokens, near(2'500'000)); // 2,500 of a 1K-token unit
  CHECK_THAT(billGroup(bill, "2026-10", "amazon.nova-pro-v1:0", "cache_read").tokens,
             near(900'000));
  // Marketplace edition rows: units of 1M tokens; _Global picks the global entry.
  const auto &global =
      billGroup(bill, "2026-10", "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "input");
  CHECK_THAT(global.tokens, near(420'000));
  CHECK_THAT(
      billGroup(bill, "2026-10", "anthropic.claude-sonnet-4-5-20250929-v1:0", "output").costUsd,
      near(1.65));
  // No card model for Claude 4.6 Sonnet: the usage type's name stands in.
  CHECK_THAT(billGroup(bill, "2026-10", "Claude4.6Sonnet", "output").tokens, near(14'270));
  CHECK_THAT(billGroup(bill, "2026-09", "amazon.nova-pro-v1:0", "output", "batch").costUsd,
             near(0.16));
}

TEST_CASE("Bills read in parallel blocks give what one pass gives, line numbers included",
          "[core][import][cur]") {
  const test::TempFolder folder;
  // Values with line breaks inside quotes: a block may begin inside one.
  std::string text = test::readWholeFile(importDataPath("cur.csv"));
  const std::string quoted =
      "AWS,111122223333,Usage,2026-10-06T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,10,"
      "0.0008,0.008,\"Amazon\nBedrock\n\"\"multi-line\"\"\",1K tokens\n";
  for (int i = 0; i < 40; ++i)
    text += (i % 3 == 0 ? quoted
                        : text.substr(text.find('\n') + 1,
                                      text.find('\n', text.find('\n') + 1) - text.find('\n')));
  const std::string name = GENERATE(std::string("cur-broken.csv"), std::string("cur.csv"),
                                    std::string("multi-line.csv"));
  const std::string path =
      name == "multi-line.csv" ? folder.write(name, text) : importDataPath(name);
  const auto once = core::importBill(core::ImportKind::Cur, inputs({path}), core::builtinRateCard(),
                                     nullptr, {1, 1});
  const unsigned threads = GENERATE(2u, 3u, 7u);
  const auto blocks = core::importBill(core::ImportKind::Cur, inputs({path}),
                                       core::builtinRateCard(), nullptr, {threads, 1});
  REQUIRE_FALSE(blocks.failure);
  CHECK(blocks.tally.lines == once.tally.lines);
  CHECK(blocks.tally.skipped.first == once.tally.skipped.first);
  CHECK_THAT(blocks.bedrockCostUsd, near(once.bedrockCostUsd));
  REQUIRE(blocks.groups.size() == once.groups.size());
  for (std::size_t i = 0; i < once.groups.size(); ++i)
    CHECK_THAT(blocks.groups[i].tokens, near(once.groups[i].tokens));
}

TEST_CASE("Truncated files: a gzip bill keeps its rows before the cut; a JSON document is refused",
          "[core][import][cur][cloudwatch]") {
  const test::TempFolder folder;
  std::string text = test::readWholeFile(importDataPath("cur.csv"));
  for (int i = 0; i < 200; ++i) // enough rows that the cut leaves many whole ones
    text +=
        text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n'));
  const std::string gz = test::readWholeFile(folder.writeGzip("whole.csv.gz", text));
  // Repeated rows compress to little: cut near the end, before the trailer.
  const std::string cut = folder.write("cut.csv.gz", gz.substr(0, gz.size() - 12));
  const auto bill = core::importBill(core::ImportKind::Cur, inputs({cut}), core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.tally.lines > 8);
  CHECK(bill.tally.lines < 208);
  REQUIRE(bill.tally.skipped.count >= 1);
  CHECK_THAT(bill.tally.skipped.first.back().reason, Catch::Matchers::Contains("gzip data"));

  const std::string json = test::readWholeFile(importDataPath("cloudwatch.json"));
  const std::string truncated =
      folder.write("cloudwatch-cut.json", json.substr(0, json.size() / 2));
  const auto metrics = core::importCloudWatch(inputs({truncated}), core::builtinRateCard(), {});
  REQUIRE(metrics.failure);
  CHECK_THAT(metrics.failure->message, Catch::Matchers::StartsWith(truncated + ": "));
  CHECK_THAT(metrics.failure->message, Catch::Matchers::Contains("MetricDataResults"));
}

TEST_CASE("Legacy CUR column names read as their CUR 2.0 names", "[core][import][cur]") {
  const test::TempFolder folder;
  std::string text = test::readWholeFile(importDataPath("cur.csv"));
  const std::string legacy =
      "bill/BillingEntity,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,"
      "lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedRate,"
      "lineItem/UnblendedCost,product/ProductName,pricing/unit";
  text.replace(0, text.find('\n'), legacy);
  const auto bill = core::importBill(
      core::ImportKind::Cur, inputs({folder.write("legacy.csv", text)}), core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.groups.size() == 6);
  CHECK_THAT(bill.bedrockCostUsd, near(2.00 + 0.18 + 1.26 + 1.65 + 0.21405 + 0.16));
}

TEST_CASE("Broken CUR rows are skipped with their line; a wrong column set is rejected",
          "[core][import][cur]") {
  const auto bill = core::importBill(
      core::ImportKind::Cur, inputs({importDataPath("cur-broken.csv")}), core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  REQUIRE(bill.tally.skipped.count == 4);
  const auto &skipped = bill.tally.skipped.first;
  CHECK(skipped[0].line == 3);
  CHECK(skipped[0].reason == "expected 11 columns, found 8");
  CHECK(skipped[1].line == 4);
  CHECK_THAT(skipped[1].reason, Catch::Matchers::StartsWith("negative usage amount"));
  CHECK(skipped[2].line == 5);
  CHECK(skipped[3].line == 8); // the unclosed quote runs to the end
  CHECK_THAT(bill.bedrockCostUsd, near(2.40));

  const auto focusAsCur = core::importBill(
      core::ImportKind::Cur, inputs({importDataPath("focus.csv")}), core::builtinRateCard());
  REQUIRE(focusAsCur.failure);
  CHECK_THAT(focusAsCur.failure->message, Catch::Matchers::Contains("not a CUR 2.0 CSV export"));
  CHECK_THAT(focusAsCur.failure->message, Catch::Matchers::Contains("import focus"));
  const auto logsAsFocus =
      core::importBill(core::ImportKind::Focus, inputs({importDataPath("invocation-logs.jsonl")}),
                       core::builtinRateCard());
  REQUIRE(logsAsFocus.failure);
  CHECK_THAT(logsAsFocus.failure->message, Catch::Matchers::Contains("FOCUS 1.x CSV export"));
}

TEST_CASE("A FOCUS export gives list cost, tokens and the discount", "[core][import][focus]") {
  const auto bill = core::importBill(core::ImportKind::Focus, inputs({importDataPath("focus.csv")}),
                                     core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.tally.lines == 4);
  CHECK_THAT(bill.bedrockCostUsd, near(2.55));
  CHECK_THAT(bill.discountUsd, near(0.20 + 0.10)); // below list, and the credit
  CHECK_THAT(billGroup(bill, "2026-10", "amazon.nova-pro-v1:0", "input").tokens, near(2'500'000));
  CHECK_THAT(billGroup(bill, "2026-10", "anthropic.claude-haiku-4-5-20251001-v1:0", "input").tokens,
             near(500'000));
  CHECK(core::billKindOf(inputs({importDataPath("focus.csv")}).front()) == core::ImportKind::Focus);
  CHECK(core::billKindOf(inputs({importDataPath("cur.csv")}).front()) == core::ImportKind::Cur);
}

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
  CHECK(change("amazon.nova-sonic", "added") != imported.changes.end());
  CHECK(change("amazon.nova-lite-v1:0", "gone") != imported.changes.end());
  CHECK(change("anthropic.claude-sonnet-4-5-20250929-v1:0", "gone") == imported.changes.end());
  // The eu-west-1 row and the model-customization row change nothing.
  CHECK(change("amazon.nova-micro-v1:0", "changed", "on_demand.input_per_1m") ==
        imported.changes.end());

  const auto wrong = core::importPriceList(inputs({importDataPath("cloudwatch.json")}), current);
  REQUIRE(wrong.failure);
  CHECK_THAT(wrong.failure->message, Catch::Matchers::Contains("not an AWS Price List file"));
}

TEST_CASE("The hourly CSV reads, and writes back what was read", "[core][import][hourly]") {
  const core::RateCard card = core::builtinRateCard();
  const auto imported = core::importHourlyCsv(inputs({importDataPath("hourly.csv")}), card);
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.lines == 4);
  REQUIRE(imported.tally.skipped.count == 1);
  CHECK(imported.tally.skipped.first[0].line == 5);
  CHECK(imported.tally.skipped.first[0].reason == "requests \"-1\" is negative");
  REQUIRE(imported.groups.size() == 2);
  CHECK(imported.groups[0].model == "amazon.nova-lite-v1:0");
  CHECK(imported.groups[0].tier == "flex");
  CHECK(imported.groups[1].key == std::optional<std::string>("search"));
  CHECK(imported.groups[1].totals == core::TokenCounts{40, 4000, 400, 50, 5});

  const test::TempFolder folder;
  const std::string written = folder.write("again.csv", core::hourlyCsv(imported.groups));
  const auto again = core::importHourlyCsv(inputs({written}), card);
  REQUIRE(again.groups.size() == imported.groups.size());
  for (std::size_t i = 0; i < again.groups.size(); ++i) {
    CHECK(again.groups[i].totals == imported.groups[i].totals);
    CHECK(again.groups[i].hourly == imported.groups[i].hourly);
  }
  // Models named as bills name them, as the Athena SQL over a CUR writes them.
  const std::string named = folder.write(
      "named.csv",
      std::string(core::kHourlyCsvHeader) +
          "\n2026-10-01T00:00:00Z,,NovaPro,,0,1000,0,0,0\n"
          "2026-10-01T00:00:00Z,,Claude Sonnet 4.5 (Amazon Bedrock Edition),,0,5,0,0,0\n");
  const auto byName = core::importHourlyCsv(inputs({named}), card);
  REQUIRE(byName.groups.size() == 2);
  CHECK(byName.groups[0].model == "amazon.nova-pro-v1:0");
  CHECK(byName.groups[1].model == "anthropic.claude-sonnet-4-5-20250929-v1:0");

  const auto wrong = core::importHourlyCsv(inputs({importDataPath("cur.csv")}), card);
  REQUIRE(wrong.failure);
  CHECK_THAT(wrong.failure->message, Catch::Matchers::Contains(core::kHourlyCsvHeader));
}

TEST_CASE("A model id the card lacks stays itself, never priced as a model with similar words",
          "[core][import][hourly]") {
  const core::RateCard card = core::builtinRateCard();
  // Found by fuzz_import_hourly and fuzz_import_logs: word matching took
  // "claude-haiku-5-5" for Claude Haiku 4.5 (4 and 5 are among its numbers)
  // and "nova-lite-v0:0" for Nova Lite v1 (a 0 counts as no number), so the
  // traffic of an unknown model was priced at another model's rates, and
  // an hourly CSV written from an import read back as different models.
  CHECK(core::matchModelName("anthropic.claude-haiku-5-5-20251001-v1:0", false, card).empty());
  CHECK(core::matchModelName("amazon.nova-lite-v0:0", false, card).empty());
  CHECK(core::matchModelName("us.amazon.nova-lite-v1:0", false, card) == "amazon.nova-lite-v1:0");
  CHECK(core::matchModelName("openai.gpt-oss-120b", false, card) == "openai.gpt-oss-120b-1:0");
  CHECK(core::matchModelName("amazon.nova", false, card).empty()); // a stem of several ids
  // An id with stray quotes is still an id (it has a version after a colon).
  CHECK(core::matchModelName("\"\"amazon.nova-pro-v1:0", false, card).empty());
  // Names as bills and Athena write them still match by their words.
  CHECK(core::matchModelName("NovaPro", false, card) == "amazon.nova-pro-v1:0");
  CHECK(core::matchModelName("Claude Sonnet 4.5 (Amazon Bedrock Edition)", false, card) ==
        "anthropic.claude-sonnet-4-5-20250929-v1:0");

  for (const char *name :
       {"hourly-unknown-model-renamed.csv", "logs-unknown-model-renamed.jsonl",
        "hourly-nested-prefix-renamed.csv", "logs-nested-prefix-renamed.jsonl",
        "hourly-quoted-id-renamed.csv", "logs-versionless-id-renamed.jsonl",
        "hourly-prefix-peeled-to-name.csv", "logs-id-with-space-renamed.jsonl",
        "logs-empty-role-key.jsonl", "logs-empty-model-id.jsonl", "hourly-row-of-zeros.csv"}) {
    INFO(name);
    const std::string path = std::string(BWI_SOURCE_DIR "/tests/data/fuzz-regressions/") + name;
    const bool logs = std::string(name).starts_with("logs");
    const auto imported =
        logs ? core::importInvocationLogs(inputs({path}), card, core::InvocationLogOptions{})
             : core::importHourlyCsv(inputs({path}), card);
    REQUIRE_FALSE(imported.failure);
    const test::TempFolder folder;
    const auto again = core::importHourlyCsv(
        inputs({folder.write("again.csv", core::hourlyCsv(imported.groups))}), card);
    CHECK(again.tally.skipped.count == 0);
    REQUIRE(again.groups.size() == imported.groups.size());
    for (std::size_t i = 0; i < again.groups.size(); ++i) {
      CHECK(again.groups[i].key == imported.groups[i].key);
      CHECK(again.groups[i].model == imported.groups[i].model);
      CHECK(again.groups[i].tier == imported.groups[i].tier);
      CHECK(again.groups[i].totals == imported.groups[i].totals);
    }
  }
  const bool haikuFiveKept = [&] {
    const auto imported = core::importInvocationLogs(
        inputs({BWI_SOURCE_DIR "/tests/data/fuzz-regressions/logs-unknown-model-renamed.jsonl"}),
        card, core::InvocationLogOptions{});
    return std::any_of(imported.groups.begin(), imported.groups.end(), [](const auto &group) {
      return group.model == "anthropic.claude-haiku-5-5-20251001-v1:0";
    });
  }();
  CHECK(haikuFiveKept);
}

TEST_CASE("Normalizing a normalized model id gives it back", "[core][import]") {
  const core::RateCard card = core::builtinRateCard();
  // Found by the importers' fuzz targets: one geo or global prefix was
  // peeled per pass, so "au.global.x" became "global.x" and, written to an
  // hourly CSV and read again, "x".
  for (const char *raw :
       {"au.global.nova-lite-v0:0+flex", "global.apac.anthropic.claude-haiku-4-5-20251001-v1:0",
        "us.amazon.nova-pro-v1:0+flex+priority",
        "arn:aws:bedrock:us-east-1:1:inference-profile/"
        "arn:aws:bedrock:us-east-1:1:foundation-model/"
        "eu.amazon.nova-lite-v1:0",
        "us.", "+flex", "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "newvendor.model-v2:0",
        "us.amazon\x82nova-pro-"}) {
    INFO(raw);
    const core::NormalizedModel once = core::normalizeModelId(raw, card);
    const core::NormalizedModel twice = core::normalizeModelId(once.model, card);
    CHECK_FALSE(once.model.empty());
    CHECK(twice.model == once.model);
    CHECK(twice.known == once.known);
    // What is left is still an id, so reading it again never word-matches it.
    CHECK(core::looksLikeModelId(once.model) == core::looksLikeModelId(raw));
  }
  // Resolving (normalizing, then matching a name by its words) a resolved
  // model gives it back: what every usage importer does, and what an hourly
  // CSV written from one must read back as.
  for (const char *raw :
       {"amazon.nova-lite- {:0", "NovaPro+flex", "Claude Sonnet 4.5 (Amazon Bedrock Edition)",
        "arn:aws:bedrock:us-east-1:1:foundation-model/Nova Pro", "global.Foo Bar", "us.Nova Lite",
        "anthropic.claude-haiku", "us.amazon.nova-pro-v1:0+flex", "Unknown Model 7"}) {
    INFO(raw);
    const core::NormalizedModel once = core::resolveModelId(raw, card);
    const core::NormalizedModel twice = core::resolveModelId(once.model, card);
    CHECK(twice.model == once.model);
    CHECK(twice.known == once.known);
  }
  CHECK(core::resolveModelId("NovaPro", card).model == "amazon.nova-pro-v1:0");
  CHECK(core::resolveModelId("anthropic.claude-haiku", card).model == "anthropic.claude-haiku");
  CHECK(
      core::normalizeModelId("global.apac.anthropic.claude-haiku-4-5-20251001-v1:0", card).model ==
      "anthropic.claude-haiku-4-5-20251001-v1:0");
  CHECK(core::normalizeModelId("us.amazon.nova-pro-v1:0+flex+priority", card).tier == "priority");
  CHECK(core::normalizeModelId("global.anthropic.claude-sonnet-4-5-20250929-v1:0", card).model ==
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
}

TEST_CASE("A FOCUS row billed above its ListCost is no negative discount",
          "[core][import][focus]") {
  // Found by fuzz_import_bill: ListCost 1.00 against BilledCost 1.80 gave a
  // discount of -$0.80.
  const auto bill = core::importBill(
      core::ImportKind::Focus,
      inputs({BWI_SOURCE_DIR "/tests/data/fuzz-regressions/focus-billed-above-list.csv"}),
      core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.discountUsd >= 0);
  // Rows: list 1.00 billed 1.80 (no discount, list taken as 1.80); list
  // 2.00 billed 1.80 (0.20 off); the credit row is skipped (12 columns).
  CHECK_THAT(bill.discountUsd, near(0.20));
  CHECK_THAT(bill.bedrockCostUsd, near(3.80));
  CHECK_THAT(bill.bedrockCostUsd - bill.discountUsd, near(3.60)); // what was billed
}

TEST_CASE("Two Marketplace products named only by their codes stay apart, in one pass or in blocks",
          "[core][import][cur]") {
  // Found by fuzz_import_bill: with no product name, a row's model is its
  // product code, but the resolved model was cached without the code, so
  // the second product's rows went to the first one's (in one pass, not in
  // parallel blocks, where each block resolves afresh).
  const std::string path =
      BWI_SOURCE_DIR "/tests/data/fuzz-regressions/cur-nameless-products-merged.csv";
  for (const unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    const auto bill = core::importBill(core::ImportKind::Cur, inputs({path}),
                                       core::builtinRateCard(), nullptr, {threads, 1});
    REQUIRE_FALSE(bill.failure);
    REQUIRE(bill.groups.size() == 3);
    CHECK_THAT(billGroup(bill, "2026-10", "c5yr4dqexample", "output").costUsd, near(1.65));
    CHECK_THAT(billGroup(bill, "2026-10", "c5yr4dqexam[le", "output").costUsd, near(1.65));
  }
}

TEST_CASE("CloudWatch points centuries apart are refused, not spread over millions of hours",
          "[core][import][cloudwatch]") {
  // Found by fuzz_import_cloudwatch (a 10 s hang and 1.2 GB): a year 0226
  // beside 2026 made a "period" of 1,800 years, spread over its 15.8
  // million hours.
  const auto imported = core::importCloudWatch(
      inputs({BWI_SOURCE_DIR "/tests/data/fuzz-regressions/cloudwatch-points-centuries-apart.csv"}),
      core::builtinRateCard(), {});
  REQUIRE_FALSE(imported.failure);
  bool yearRefused = false;
  for (const auto &skipped : imported.tally.skipped.first)
    yearRefused = yearRefused || skipped.reason.find("from 2000 to 2099") != std::string::npos;
  CHECK(yearRefused);
  for (const auto &group : imported.groups)
    CHECK(group.hourly.size() < 1000);

  // Two points 40 days apart in a series: no query period is that long.
  const test::TempFolder folder;
  const std::string sparse =
      folder.write("sparse.csv", "Timestamp,amazon.nova-lite-v1:0 InputTokenCount\n"
                                 "2026-01-01T00:00:00Z,100\n2026-02-10T00:00:00Z,100\n");
  const auto far = core::importCloudWatch(inputs({sparse}), core::builtinRateCard(), {});
  REQUIRE_FALSE(far.failure);
  REQUIRE(far.tally.skipped.count == 1);
  CHECK_THAT(far.tally.skipped.first[0].reason, Catch::Matchers::Contains("40 days apart"));
  CHECK(far.groups.empty());
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

TEST_CASE("Sums beyond a uint64 are capped and refused by name, never wrapped to a small count",
          "[core][import][hourly]") {
  // 20,000 rows of 10^15 requests (each row within the CSV's cap) sum to
  // 2e19, past 2^64: wrapped, they would read as 1.55e18 requests.
  std::string text = std::string(core::kHourlyCsvHeader) + "\n";
  for (int hour = 0; hour < 20'000; ++hour)
    text += "2026-01-01T00:00:00Z,,amazon.nova-pro-v1:0,,1000000000000000,1,1,0,0\n";
  const test::TempFolder folder;
  const core::RateCard card = core::builtinRateCard();
  const auto imported = core::importHourlyCsv(inputs({folder.write("huge.csv", text)}), card);
  REQUIRE_FALSE(imported.failure);
  REQUIRE(imported.groups.size() == 1);
  CHECK(imported.groups[0].totals.requests == UINT64_MAX);
  CHECK(imported.groups[0].totals.input == 20'000);
  REQUIRE(imported.tally.warnings.size() == 1);
  CHECK_THAT(imported.tally.warnings[0], Catch::Matchers::Contains("capped"));

  std::vector<std::string> warnings;
  const core::Scenario scenario = core::scenarioFromUsage(imported.groups, card, "huge", warnings);
  core::ValidationIssues issues;
  core::validateScenario(scenario, card, issues);
  REQUIRE_FALSE(issues.empty());
  CHECK_THAT(core::formatIssues("huge.bwi.json", issues),
             Catch::Matchers::Contains("requests_per_month"));
}

TEST_CASE("Bytes that are not UTF-8 become U+FFFD, valid text stays", "[core][import]") {
  CHECK(core::validUtf8("plain") == "plain");
  CHECK(core::validUtf8("\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x99\x82") ==
        "\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x99\x82");
  CHECK(core::validUtf8("a\xFF"
                        "b") == "a\xEF\xBF\xBD"
                                "b");
  CHECK(core::validUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
  CHECK(core::validUtf8("\xE6\x9D") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // cut short
}
