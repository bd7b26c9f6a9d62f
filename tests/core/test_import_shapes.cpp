// The importers on the shapes of files AWS and its users write, as found in
// real accounts (tests/data/import/shapes/: our own files in those shapes):
// CloudWatch Logs Insights results, pretty-printed records and arrays, byte-
// order marks and CRLF, guardrail traces, streams, inference profiles, CUR
// 2.0 with IAM principals and their tags, FOCUS without Bedrock.
#include "core/files/scenariofile.h"
#include "core/import/importjson.h"
#include "core/import/invocationlogs.h"
#include "core/import/isotime.h"
#include "core/import/modelidentity.h"
#include "tests/core/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

using namespace bwi;
using bwi::test::inputs;
using bwi::test::near;

namespace {

std::string shape(const std::string &name) {
  return BWI_SOURCE_DIR "/tests/data/import/shapes/" + name;
}

core::UsageImport logs(const std::vector<std::string> &paths,
                       std::optional<std::string> groupBy = std::nullopt,
                       const core::RateCard &card = core::builtinRateCard()) {
  core::InvocationLogOptions options;
  options.groupBy = std::move(groupBy);
  return core::importInvocationLogs(inputs(paths), card, options);
}

const core::UsageGroup &only(const core::UsageImport &imported) {
  INFO(imported.failure.value_or(core::ImportFailure{}).message);
  REQUIRE_FALSE(imported.failure);
  REQUIRE(imported.groups.size() == 1);
  return imported.groups.front();
}

const core::UsageGroup &groupOf(const core::UsageImport &imported, const std::string &model) {
  const auto found =
      std::find_if(imported.groups.begin(), imported.groups.end(),
                   [&](const core::UsageGroup &group) { return group.model == model; });
  INFO(model);
  REQUIRE(found != imported.groups.end());
  return *found;
}

std::uint64_t units(const core::UsageGroup &group, core::GuardrailPolicy policy) {
  return group.guardrailUnits[static_cast<std::size_t>(policy)];
}

const std::string kSonnet4 = "anthropic.claude-sonnet-4-20250514-v1:0";
const std::string kSonnet35 = "anthropic.claude-3-5-sonnet-20240620-v1:0";
const std::string kHaiku3 = "anthropic.claude-3-haiku-20240307-v1:0";

// The built-in card and Claude 4.6, as a newer card will have them.
core::RateCard cardWithClaude46() {
  core::RateCard card = core::builtinRateCard();
  const core::ModelRates *sonnet = card.find("anthropic.claude-sonnet-4-5-20250929-v1:0");
  const core::ModelRates *opus = card.find("anthropic.claude-opus-4-5-20251101-v1:0");
  REQUIRE(sonnet);
  REQUIRE(opus);
  std::vector<core::ModelRates> added;
  for (const auto &[base, id, name] :
       {std::tuple{sonnet, "anthropic.claude-sonnet-4-6", "Claude Sonnet 4.6"},
        std::tuple{sonnet, "global.anthropic.claude-sonnet-4-6", "Claude Sonnet 4.6 (global)"},
        std::tuple{opus, "anthropic.claude-opus-4-6-v1", "Claude Opus 4.6"}}) {
    core::ModelRates model = *base;
    model.id = id;
    model.name = name;
    added.push_back(model);
  }
  card.models.insert(card.models.end(), added.begin(), added.end());
  return card;
}

} // namespace

TEST_CASE("CloudWatch Logs Insights results read like the records they hold",
          "[core][import][logs][shapes]") {
  // Three records of an us. inference-profile ARN, two served cross-region.
  for (const char *name :
       {"insights-cli.json", "insights-powershell.json", "insights-console.csv"}) {
    INFO(name);
    const auto imported = logs({shape(name)});
    const core::UsageGroup &group = only(imported);
    CHECK(imported.tally.files == 1);
    CHECK(imported.tally.lines == 3);
    CHECK(imported.tally.skipped.count == 0);
    CHECK(group.key == "claims-summarizer-role");
    CHECK(group.model == kSonnet4);
    CHECK(group.known);
    CHECK(group.totals == core::TokenCounts{3, 3680, 702, 0, 0});
    CHECK(group.hourly.size() == 2);
    CHECK(group.requestsByScope == std::map<std::string, std::uint64_t>{{"us", 3}});
    CHECK(group.requestsByRegion ==
          std::map<std::string, std::uint64_t>{{"us-east-2", 1}, {"us-west-2", 1}});
    // InvokeModel's amazon-bedrock-trace: one unit per policy on the input and on the output.
    CHECK(units(group, core::GuardrailPolicy::ContentFilter) == 6);
    CHECK(units(group, core::GuardrailPolicy::DeniedTopic) == 6);
    CHECK(units(group, core::GuardrailPolicy::WordFilter) == 6);
    CHECK(units(group, core::GuardrailPolicy::SensitiveInformation) == 6);
    CHECK(units(group, core::GuardrailPolicy::ContextualGrounding) == 0);
    CHECK(group.guardrailInterventions == 0);
  }
}

TEST_CASE("Insights rows of fields make their records; a stats row is skipped saying why",
          "[core][import][logs][shapes]") {
  const auto imported = logs({shape("insights-fields.json")});
  const core::UsageGroup &group = only(imported);
  CHECK(group.totals == core::TokenCounts{3, 3680, 702, 0, 0});
  CHECK(group.key == "claims-summarizer-role"); // from the identity.arn field
  REQUIRE(imported.tally.skipped.count == 1);
  const core::SkippedLine &skipped = imported.tally.skipped.first[0];
  CHECK(skipped.file == shape("insights-fields.json"));
  CHECK(skipped.line == 69); // where results[3] starts
  CHECK_THAT(skipped.reason, Catch::Matchers::StartsWith("results[3]: "));
  CHECK_THAT(skipped.reason, Catch::Matchers::Contains("fields @message"));
}

TEST_CASE("A pretty-printed record, an array, a stream of records and log events read as lines",
          "[core][import][logs][shapes]") {
  SECTION("one record as the console shows it: a contextual-grounding block after the answer") {
    const auto imported = logs({shape("record-pretty.json")});
    const core::UsageGroup &group = only(imported);
    CHECK(group.model == kSonnet35);
    CHECK(group.totals == core::TokenCounts{1, 70, 209, 0, 0});
    CHECK(group.guardrailInterventions == 1);
    CHECK(units(group, core::GuardrailPolicy::ContextualGrounding) == 2);
    CHECK(units(group, core::GuardrailPolicy::ContentFilter) == 2);
  }
  SECTION("an array: a blocked call of 0 tokens is a request, a blocked stream too") {
    const auto imported = logs({shape("records-array.json")});
    REQUIRE_FALSE(imported.failure);
    CHECK(imported.tally.lines == 3);
    const core::UsageGroup &converse = groupOf(imported, kSonnet35);
    CHECK(converse.totals == core::TokenCounts{2, 37, 62, 0, 0});
    CHECK(converse.guardrailInterventions == 1);
    CHECK(units(converse, core::GuardrailPolicy::DeniedTopic) == 3);
    const core::UsageGroup &stream = groupOf(imported, kHaiku3);
    CHECK(stream.totals == core::TokenCounts{1, 0, 0, 0, 0});
    CHECK(stream.streamingRequests == 1);
    CHECK(stream.guardrailInterventions == 1);
  }
  SECTION("jq's pretty records one after another; global and geo profiles keep their scope") {
    const auto imported = logs({shape("jq-stream.json")});
    REQUIRE_FALSE(imported.failure);
    CHECK(imported.tally.lines == 3);
    const core::UsageGroup &stream = groupOf(imported, kHaiku3);
    CHECK(stream.totals == core::TokenCounts{1, 571, 281, 0, 0});
    CHECK(stream.streamingRequests == 1);
    // A global profile of a model the card lacks stays global, apart from regional traffic.
    const core::UsageGroup &sonnet46 = groupOf(imported, "global.anthropic.claude-sonnet-4-6");
    CHECK_FALSE(sonnet46.known);
    CHECK(sonnet46.totals == core::TokenCounts{1, 2100, 300, 4096, 512});
    CHECK(sonnet46.requestsByRegion == std::map<std::string, std::uint64_t>{{"eu-central-1", 1}});
    // A global profile of a model the card prices only regionally: the regional price.
    const core::UsageGroup &gpt = groupOf(imported, "openai.gpt-oss-120b-1:0");
    CHECK(gpt.requestsByScope == std::map<std::string, std::uint64_t>{{"global", 1}});
  }
  SECTION("aws logs filter-log-events output: each event's message is a record") {
    const auto imported = logs({shape("filter-log-events.json")});
    const core::UsageGroup &group = only(imported);
    CHECK(group.totals == core::TokenCounts{2, 37, 62, 0, 0});
    CHECK(group.guardrailInterventions == 1);
  }
  SECTION("S3 lines with a byte-order mark and CRLF, plain and gzip, on any thread count") {
    const test::TempFolder folder;
    const std::string gz = folder.writeGzip(
        "000000.json.gz", test::readWholeFile(shape("s3-delivery-bom-crlf.jsonl")));
    for (const std::string &path : {shape("s3-delivery-bom-crlf.jsonl"), gz}) {
      INFO(path);
      const auto imported = logs({path});
      REQUIRE_FALSE(imported.failure);
      CHECK(imported.tally.skipped.count == 0);
      CHECK(groupOf(imported, kSonnet35).totals == core::TokenCounts{2, 37, 62, 0, 0});
      CHECK(groupOf(imported, kHaiku3).totals == core::TokenCounts{2, 571, 281, 0, 0});
      CHECK(groupOf(imported, kHaiku3).streamingRequests == 2);
    }
  }
}

TEST_CASE("Every shape in one folder gives the sum of its files", "[core][import][logs][shapes]") {
  const test::TempFolder folder;
  std::uint64_t requests = 0;
  for (const char *name : {"insights-cli.json", "records-array.json", "jq-stream.json",
                           "s3-delivery-bom-crlf.jsonl", "insights-console.csv"}) {
    const std::string text = test::readWholeFile(shape(name));
    folder.write(name, text);
    for (const auto &group : logs({shape(name)}).groups)
      requests += group.totals.requests;
  }
  folder.write("notes.md", "# What we pulled\n\n| model | tokens |\n| --- | --- |\n");
  const auto imported = logs({folder.path().string()});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.files == 5);
  std::uint64_t total = 0;
  for (const auto &group : imported.groups)
    total += group.totals.requests;
  CHECK(total == requests);
  REQUIRE(imported.tally.warnings.size() == 1);
  CHECK_THAT(imported.tally.warnings[0], Catch::Matchers::Contains("notes.md: skipped"));
  CHECK_THAT(imported.tally.warnings[0], Catch::Matchers::Contains("Markdown"));
}

TEST_CASE("A broken record inside a document is skipped with its line and place",
          "[core][import][logs][shapes]") {
  const test::TempFolder folder;
  const std::string path = folder.write(
      "array.json", "[\n  {\"timestamp\": \"2026-10-07T14:05:40Z\", \"modelId\": "
                    "\"amazon.nova-lite-v1:0\",\n   \"input\": {\"inputTokenCount\": 10}},\n"
                    "  {\"timestamp\": \"2026-10-07T14:05:41Z\", \"modelId\": "
                    "\"amazon.nova-lite-v1:0\",\n   \"input\": {\"inputTokenCount\": -3}},\n"
                    "  \"[DONE]\"\n]\n");
  const auto imported = logs({path});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.lines == 3);
  REQUIRE(imported.tally.skipped.count == 2);
  CHECK(imported.tally.skipped.first[0].line == 4);
  CHECK(imported.tally.skipped.first[0].reason == "[1]: input.inputTokenCount is negative (-3)");
  CHECK(imported.tally.skipped.first[1].line == 6);
  CHECK_THAT(imported.tally.skipped.first[1].reason, Catch::Matchers::StartsWith("[2]: "));
  CHECK(only(imported).totals == core::TokenCounts{1, 10, 0, 0, 0});

  const std::string cut = folder.write("cut.json", "{\n  \"results\": [\n    [\n");
  const auto refused = logs({cut});
  REQUIRE(refused.failure);
  CHECK_THAT(refused.failure->message, Catch::Matchers::Contains("line 1 does not end"));
}

TEST_CASE("A file that holds no records is refused saying what it is",
          "[core][import][logs][shapes]") {
  const test::TempFolder folder;
  const auto refusal = [&](const std::string &name, const std::string &text) {
    const auto imported = logs({folder.write(name, text)});
    REQUIRE(imported.failure);
    CHECK_THAT(imported.failure->message,
               Catch::Matchers::Contains("not a Bedrock model-invocation log: expected"));
    CHECK(imported.tally.lines == 0);
    return imported.failure->message;
  };
  CHECK_THAT(refusal("table.md", "| @timestamp | requestId |\n| --- | --- |\n| 2025 | x |\n"),
             Catch::Matchers::Contains("Markdown"));
  CHECK_THAT(refusal("stats.json", "\xEF\xBB\xBF{\n    \"AverageOutputTokens\":  104.83,\n"
                                   "    \"TotalInvocations\":  6\n}\n"),
             Catch::Matchers::Contains("with the keys AverageOutputTokens, TotalInvocations"));
  CHECK_THAT(refusal("cur.parquet", std::string("PAR1\x15\x04\x15\x10", 8) + "PAR1"),
             Catch::Matchers::Contains("Parquet: export as CSV, or run the SQL in "
                                       "docs/importing.md"));
  CHECK_THAT(refusal("bill.csv", test::readWholeFile(test::importDataPath("cur.csv"))),
             Catch::Matchers::Contains("a CUR CSV export (use `import cur`)"));
  CHECK_THAT(refusal("metrics.json", "{\"MetricDataResults\": []}\n"),
             Catch::Matchers::Contains("get-metric-data"));
}

TEST_CASE("Model ids keep the inference profile they named", "[core][import][models]") {
  const core::RateCard card = core::builtinRateCard();
  const auto id = [&](const std::string &raw) { return core::normalizeModelId(raw, card); };
  CHECK(id("us.anthropic.claude-haiku-4-5-20251001-v1:0").scope == "us");
  CHECK(id("anthropic.claude-haiku-4-5-20251001-v1:0").scope == "in-region");
  CHECK(id("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0").scope ==
        "in-region");
  CHECK(id("arn:aws:bedrock:us-east-1:1:inference-profile/apac.amazon.nova-lite-v1:0").scope ==
        "apac");
  CHECK(id("us-gov.anthropic.claude-3-haiku-20240307-v1:0").scope == "us-gov");
  CHECK(id("global.anthropic.claude-haiku-4-5-20251001-v1:0+flex").scope == "global");
  CHECK(id("arn:aws:bedrock:us-east-1:1:application-inference-profile/abc123").scope ==
        "application-profile");
  // The card lists Nova Premier under its US profile only; the scope is what was invoked.
  CHECK(id("amazon.nova-premier-v1:0").scope == "in-region");
  CHECK(id("us.amazon.nova-premier-v1:0").scope == "us");

  // Global: the card's global entry; the regional price where the card has
  // only that; the global id kept where the card has neither.
  CHECK(id("global.anthropic.claude-sonnet-4-5-20250929-v1:0").model ==
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
  CHECK(id("global.amazon.nova-pro-v1:0").model == "amazon.nova-pro-v1:0");
  const auto unknownGlobal = id("global.anthropic.claude-sonnet-4-6");
  CHECK(unknownGlobal.model == "global.anthropic.claude-sonnet-4-6");
  CHECK_FALSE(unknownGlobal.known);
  CHECK(id("us.global.anthropic.claude-sonnet-4-6").model == "global.anthropic.claude-sonnet-4-6");
  CHECK(id("eu.anthropic.claude-sonnet-4-6").model == "anthropic.claude-sonnet-4-6");
  // A newer card prices them.
  const core::RateCard newer = cardWithClaude46();
  CHECK(core::normalizeModelId("global.anthropic.claude-sonnet-4-6", newer).model ==
        "global.anthropic.claude-sonnet-4-6");
  CHECK(core::normalizeModelId("global.anthropic.claude-sonnet-4-6", newer).known);
  CHECK(core::normalizeModelId("us.anthropic.claude-opus-4-6-v1", newer).model ==
        "anthropic.claude-opus-4-6-v1");
}

TEST_CASE("The import's JSON carries scope, regions, streams, guardrails and card membership",
          "[core][import][logs][shapes]") {
  const auto imported = logs({shape("jq-stream.json"), shape("records-array.json")});
  REQUIRE_FALSE(imported.failure);
  const core::Json json =
      core::usageImportToJson(core::ImportKind::InvocationLogs, imported.tally, imported.groups);
  bool sawUnknown = false;
  for (const auto &group : json["groups"]) {
    CHECK(group.contains("scopes"));
    CHECK(group.contains("inference_regions"));
    CHECK(group.contains("guardrail_text_units"));
    if (group["model"] == "global.anthropic.claude-sonnet-4-6") {
      sawUnknown = true;
      CHECK(group["in_ratecard"] == false);
      CHECK(group["scopes"]["global"] == 1);
      CHECK(group["inference_regions"]["eu-central-1"] == 1);
    }
    if (group["model"] == kSonnet35) {
      CHECK(group["guardrail_text_units"]["content_filter"] == 3);
      CHECK(group["guardrail_interventions"] == 1);
    }
  }
  CHECK(sawUnknown);
}
