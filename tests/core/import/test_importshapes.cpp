// The importers on the shapes of files AWS and its users write, as found in
// real accounts (tests/data/import/shapes/: our own files in those shapes):
// CloudWatch Logs Insights results, pretty-printed records and arrays, byte-
// order marks and CRLF, guardrail traces, streams, inference profiles, CUR
// 2.0 with IAM principals and their tags, FOCUS without Bedrock.
#include "core/common/jsonwriter.h"
#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/import/billimport.h"
#include "core/import/hourlycsv.h"
#include "core/import/importjson.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"
#include "core/import/isotime.h"
#include "core/import/modelidentity.h"
#include "core/import/reconcile.h"
#include "core/model/meterkinds.h"
#include "tests/core/import/importtestsupport.h"
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

// The built-in card prices Claude 4.6, its global entries apart.
core::RateCard cardWithClaude46() {
  core::RateCard card = core::builtinRateCard();
  for (const char *id : {"anthropic.claude-sonnet-4-6", "global.anthropic.claude-sonnet-4-6",
                         "anthropic.claude-opus-4-6-v1", "global.anthropic.claude-opus-4-6-v1"}) {
    INFO(id);
    REQUIRE(card.find(id));
  }
  return card;
}

// The built-in card as it was before Claude 4.6: the models a card lacks.
core::RateCard cardWithout46() {
  core::RateCard card = core::builtinRateCard();
  std::erase_if(card.models, [](const core::ModelRates &model) {
    return model.id.find("claude-sonnet-4-6") != std::string::npos ||
           model.id.find("claude-opus-4-6") != std::string::npos;
  });
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
    // A global profile is priced at the card's global entry.
    const core::UsageGroup &sonnet46 = groupOf(imported, "global.anthropic.claude-sonnet-4-6");
    CHECK(sonnet46.known);
    CHECK(sonnet46.totals == core::TokenCounts{1, 2100, 300, 4096, 512});
    CHECK(sonnet46.requestsByRegion == std::map<std::string, std::uint64_t>{{"eu-central-1", 1}});
    // Of a model the card lacks, it stays global, apart from regional traffic.
    const auto older = logs({shape("jq-stream.json")}, std::nullopt, cardWithout46());
    const core::UsageGroup &unknown = groupOf(older, "global.anthropic.claude-sonnet-4-6");
    CHECK_FALSE(unknown.known);
    CHECK(unknown.totals == sonnet46.totals);
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
  const core::RateCard older = cardWithout46();
  const auto unknownGlobal = core::normalizeModelId("global.anthropic.claude-sonnet-4-6", older);
  CHECK(unknownGlobal.model == "global.anthropic.claude-sonnet-4-6");
  CHECK_FALSE(unknownGlobal.known);
  CHECK(core::normalizeModelId("us.global.anthropic.claude-sonnet-4-6", older).model ==
        "global.anthropic.claude-sonnet-4-6");
  CHECK(core::normalizeModelId("eu.anthropic.claude-sonnet-4-6", older).model ==
        "anthropic.claude-sonnet-4-6");
  // A card with them prices them: global at the global entry, a geo profile
  // at the regional one.
  const core::RateCard newer = cardWithClaude46();
  CHECK(core::normalizeModelId("global.anthropic.claude-opus-4-6-v1", newer).model ==
        "global.anthropic.claude-opus-4-6-v1");
  CHECK(core::normalizeModelId("global.anthropic.claude-opus-4-6-v1", newer).known);
  CHECK(core::normalizeModelId("eu.anthropic.claude-sonnet-4-6", newer).model ==
        "anthropic.claude-sonnet-4-6");
  CHECK(core::normalizeModelId("global.anthropic.claude-sonnet-4-6", newer).model ==
        "global.anthropic.claude-sonnet-4-6");
  CHECK(core::normalizeModelId("global.anthropic.claude-sonnet-4-6", newer).known);
  CHECK(core::normalizeModelId("us.anthropic.claude-opus-4-6-v1", newer).model ==
        "anthropic.claude-opus-4-6-v1");
}

TEST_CASE("Global Claude Opus 4.6 traffic is priced at the card's global entry",
          "[core][import][logs][models]") {
  // Two records as CloudWatch Logs holds them in 2026 (cache counts,
  // schemaType last): the global profile by id and by ARN, one streamed.
  const core::RateCard card = cardWithClaude46();
  const auto imported = logs({shape("opus46-global.jsonl")}, std::nullopt, card);
  const core::UsageGroup &group = only(imported);
  CHECK(group.model == "global.anthropic.claude-opus-4-6-v1");
  CHECK(group.known);
  CHECK(group.totals == core::TokenCounts{2, 2000, 600, 8000, 8000});
  CHECK(group.requestsByScope == std::map<std::string, std::uint64_t>{{"global", 2}});
  CHECK(group.streamingRequests == 1);

  std::vector<std::string> warnings;
  core::Scenario scenario = core::scenarioFromUsage(imported.groups, card, "opus", warnings);
  CHECK(warnings.empty());
  REQUIRE(scenario.workloads.size() == 1);
  REQUIRE(scenario.workloads[0].routing.size() == 1);
  CHECK(scenario.workloads[0].routing[0].modelId == "global.anthropic.claude-opus-4-6-v1");
  const double global = core::evaluate(core::prepareScenario(scenario, card), 0).grossUsd;
  CHECK(global > 0);
  // The same traffic at the regional entry costs 10% more: every price of
  // the regional entry is 1.1 times the global one.
  scenario.workloads[0].routing[0].modelId = "anthropic.claude-opus-4-6-v1";
  const double regional = core::evaluate(core::prepareScenario(scenario, card), 0).grossUsd;
  CHECK_THAT(regional, near(global * 1.1));
}

TEST_CASE("Claude 4.6 usage types resolve to the card's models, never to another version",
          "[core][import][models]") {
  const core::RateCard newer = cardWithClaude46();
  CHECK(core::matchModelName("Claude4.6Sonnet", false, newer) == "anthropic.claude-sonnet-4-6");
  CHECK(core::matchModelName("Claude4.6Sonnet", true, newer) ==
        "global.anthropic.claude-sonnet-4-6");
  CHECK(core::matchModelName("Claude4.6Opus", false, newer) == "anthropic.claude-opus-4-6-v1");
  CHECK(core::matchModelName("Claude Sonnet 4.6 (Amazon Bedrock Edition)", false, newer) ==
        "anthropic.claude-sonnet-4-6");
  // A version is a version: Sonnet 4 is not Sonnet 4.6 where a card lacks Sonnet 4.
  core::RateCard without4 = newer;
  std::erase_if(without4.models, [](const core::ModelRates &model) {
    return model.id == "anthropic.claude-sonnet-4-20250514-v1:0";
  });
  CHECK(core::matchModelName("Claude4Sonnet", false, without4).empty());
  CHECK(core::matchModelName("Claude4Sonnet", false, newer) ==
        "anthropic.claude-sonnet-4-20250514-v1:0");
  CHECK(core::matchModelName("Claude4.6Sonnet", false, cardWithout46()).empty());

  // A CUR 2.0 bill with the camel form, the Marketplace snake form and their
  // global variants: with the newer card every token row is a card model.
  const auto bill =
      core::importBill(core::ImportKind::Cur, inputs({shape("cur2-principals.csv")}), newer);
  REQUIRE_FALSE(bill.failure);
  for (const core::BillGroup &group : bill.groups) {
    INFO(group.model << " " << group.usage);
    CHECK(group.known);
  }
  const auto global = std::find_if(bill.groups.begin(), bill.groups.end(), [](const auto &group) {
    return group.model == "global.anthropic.claude-sonnet-4-6" && group.usage == "cache_read";
  });
  REQUIRE(global != bill.groups.end());
  CHECK_THAT(global->tokens, near(200'000));
}

TEST_CASE("A CUR 2.0 bill shows back by principal and by the principal's tags",
          "[core][import][cur][shapes]") {
  const core::RateCard card = core::builtinRateCard();
  const auto read = [&](const std::optional<std::string> &groupBy) {
    core::BillReadOptions options;
    options.groupBy = groupBy;
    const auto bill = core::importBill(
        core::ImportKind::Cur, inputs({shape("cur2-principals.csv")}), card, nullptr, options);
    REQUIRE_FALSE(bill.failure);
    return bill;
  };
  const auto costOf = [](const core::BillImport &bill, const std::optional<std::string> &key) {
    double usd = 0;
    for (const core::BillKeyTotal &total : core::billKeyTotals(bill))
      if (total.key == key)
        usd += total.costUsd;
    return usd;
  };
  const auto plain = read(std::nullopt);
  CHECK_THAT(plain.bedrockCostUsd, near(4.0318));
  CHECK(std::all_of(plain.groups.begin(), plain.groups.end(),
                    [](const auto &group) { return !group.key; }));

  SECTION("principal: the role of an assumed role (sessions merge), the user of an IAM user") {
    const auto bill = read("principal");
    CHECK(bill.groupBy == "principal");
    CHECK_THAT(costOf(bill, "user/alice"), near(0.069 + 0.214));
    CHECK_THAT(costOf(bill, "user/bob"), near(0.198 + 0.990));
    CHECK_THAT(costOf(bill, "Role-1"), near(0.0330 + 0.1650));
    CHECK_THAT(costOf(bill, "Role-2"), near(0.0810 + 0.0500));
    CHECK_THAT(costOf(bill, "AWSReservedSSO_DataScience_0a1b2c"), near(0.36));
    CHECK_THAT(costOf(bill, std::nullopt), near(0.40)); // the day without principals
    CHECK_THAT(bill.bedrockCostUsd, near(plain.bedrockCostUsd));
  }
  SECTION("principal-arn: each ARN, the federated user's session kept") {
    const auto bill = read("principal-arn");
    CHECK_THAT(costOf(bill, "arn:aws:sts::123456789012:assumed-role/"
                            "AWSReservedSSO_DataScience_0a1b2c/maria@example.org"),
               near(0.36));
    CHECK_THAT(costOf(bill, "arn:aws:sts::123456789012:assumed-role/Role-1/session-123"),
               near(0.0330));
  }
  SECTION("tag:iamPrincipal/team and tag:iamPrincipal/project from the tags map") {
    const auto team = read("tag:iamPrincipal/team");
    CHECK_THAT(costOf(team, "BedrockDataScience"),
               near(0.0693 + 0.2145 + 0.1980 + 0.9900 + 0.30 + 0.06));
    CHECK_THAT(costOf(team, std::nullopt), near(4.0318 - 1.8318));
    const auto project = read("tag:iamPrincipal/project");
    CHECK_THAT(costOf(project, "DocFlow"), near(0.198));
    CHECK_THAT(costOf(project, "ChatBackend"), near(0.131));
    const auto totals = core::billKeyTotals(project);
    REQUIRE_FALSE(totals.empty());
    CHECK(totals.front().key == std::nullopt); // the costliest first: the untagged rows
    double shares = 0;
    for (const auto &total : totals)
      shares += total.share;
    CHECK_THAT(shares, near(1.0));
  }
  SECTION("a user tag in resource_tags (user_team), and a tag no row has") {
    CHECK_THAT(costOf(read("tag:team"), "search"), near(0.40));
    const auto none = read("tag:nonexistent");
    REQUIRE(none.tally.warnings.size() == 1);
    CHECK_THAT(none.tally.warnings[0], Catch::Matchers::Contains("no Bedrock row has the tag"));
  }
  SECTION("legacy CUR: one column a tag") {
    const test::TempFolder folder;
    const std::string legacy = folder.write(
        "legacy.csv",
        "lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,"
        "lineItem/UnblendedCost,pricing/unit,resourceTags/user:team\n"
        "2026-10-03T00:00:00Z,AmazonBedrock,USE1-NovaPro-input-tokens,2500,2.00,1K tokens,"
        "search\n"
        "2026-10-03T00:00:00Z,AmazonBedrock,USE1-NovaPro-output-tokens,100,0.32,1K tokens,\n");
    core::BillReadOptions options;
    options.groupBy = "tag:team";
    const auto bill =
        core::importBill(core::ImportKind::Cur, inputs({legacy}), card, nullptr, options);
    REQUIRE_FALSE(bill.failure);
    CHECK_THAT(costOf(bill, "search"), near(2.00));
    CHECK_THAT(costOf(bill, std::nullopt), near(0.32));
  }
  SECTION("in parallel blocks the keys are the same") {
    const test::TempFolder folder;
    std::string text = test::readWholeFile(shape("cur2-principals.csv"));
    const std::string header = text.substr(0, text.find('\n') + 1);
    const std::string body = text.substr(header.size());
    for (int i = 0; i < 40; ++i)
      text += body;
    const std::string big = folder.write("big.csv", text);
    for (const unsigned threads : {1u, 2u, 3u}) {
      core::BillReadOptions options;
      options.groupBy = "principal";
      options.threads = threads;
      options.parallelFromBytes = 1;
      const auto bill =
          core::importBill(core::ImportKind::Cur, inputs({big}), card, nullptr, options);
      REQUIRE_FALSE(bill.failure);
      CHECK_THAT(costOf(bill, "Role-1"), near(41 * (0.0330 + 0.1650)));
    }
  }
}

TEST_CASE("FOCUS Tags group a bill; FOCUS has no principal column and says so",
          "[core][import][focus][shapes]") {
  const core::RateCard card = core::builtinRateCard();
  core::BillReadOptions options;
  options.groupBy = "tag:iamPrincipal/team";
  const auto bill = core::importBill(
      core::ImportKind::Focus, inputs({shape("focus-bedrock-tags.csv")}), card, nullptr, options);
  REQUIRE_FALSE(bill.failure);
  std::map<std::optional<std::string>, double> cost;
  for (const auto &total : core::billKeyTotals(bill))
    cost[total.key] += total.costUsd;
  CHECK_THAT(cost["search"], near(2.00 + 3.20));
  CHECK_THAT(cost["claims"], near(0.66));
  CHECK_THAT(cost[std::nullopt], near(1.65));

  options.groupBy = "principal";
  const auto byPrincipal = core::importBill(
      core::ImportKind::Focus, inputs({shape("focus-bedrock-tags.csv")}), card, nullptr, options);
  REQUIRE(byPrincipal.tally.warnings.size() == 1);
  CHECK_THAT(byPrincipal.tally.warnings[0], Catch::Matchers::Contains("no IAM principal column"));

  std::string error;
  CHECK_FALSE(core::parseBillGrouping("team", error));
  CHECK_THAT(error, Catch::Matchers::Contains("principal, principal-arn or tag:KEY"));
  CHECK_FALSE(core::parseBillGrouping("tag:", error));
}

TEST_CASE("A bill without Bedrock rows says what it holds", "[core][import][focus][shapes]") {
  const auto bill = core::importBill(
      core::ImportKind::Focus, inputs({shape("focus-no-bedrock.csv")}), core::builtinRateCard());
  REQUIRE_FALSE(bill.failure);
  CHECK(bill.groups.empty());
  REQUIRE(bill.contents);
  CHECK(bill.contents->rows == 7);
  CHECK(bill.contents->providers ==
        std::map<std::string, std::uint64_t>{{"AWS", 5}, {"Microsoft", 1}, {"Oracle", 1}});
  CHECK(bill.contents->months == std::set<std::string>{"2024-09", "2024-10"});
  CHECK(bill.contents->services.at("Azure Machine Learning").rows == 1);
  CHECK_THAT(bill.contents->services.at("COMPUTE").costUsd, near(0.54));
  REQUIRE(bill.tally.warnings.size() == 1);
  CHECK_THAT(bill.tally.warnings[0], Catch::Matchers::StartsWith("no Bedrock charges"));
  CHECK_THAT(
      bill.tally.warnings[0],
      Catch::Matchers::Contains("AWS (5), Microsoft (1), Oracle (1) for 2024-09 to 2024-10"));
  const core::Json json = core::billImportToJson(core::ImportKind::Focus, bill);
  CHECK(json["contents"]["rows"] == 7);
  CHECK(json["contents"]["providers"]["Oracle"] == 1);

  // A bill with Bedrock rows is read once and says nothing of the rest.
  const auto bedrock = core::importBill(
      core::ImportKind::Cur, inputs({test::importDataPath("cur.csv")}), core::builtinRateCard());
  CHECK_FALSE(bedrock.contents);
}

TEST_CASE("A bill that is no CSV export is refused saying what it is",
          "[core][import][cur][shapes]") {
  const test::TempFolder folder;
  const auto refusal = [&](core::ImportKind kind, const std::string &name,
                           const std::string &text) {
    const auto bill =
        core::importBill(kind, inputs({folder.write(name, text)}), core::builtinRateCard());
    REQUIRE(bill.failure);
    CHECK_THAT(bill.failure->message, Catch::Matchers::StartsWith(folder.path().string()));
    return bill.failure->message;
  };
  CHECK_THAT(refusal(core::ImportKind::Cur, "cur.parquet",
                     std::string("PAR1\x15\x04\x15\x10", 8) + "PAR1"),
             Catch::Matchers::EndsWith(": Parquet: export as CSV, or run the SQL in "
                                       "docs/importing.md"));
  CHECK_THAT(refusal(core::ImportKind::Cur, "tables.md",
                     "# CUR 2.0 examples\n\n| **line_item_iam_principal** | **cost** |\n"
                     "| --- | --- |\n| arn:aws:iam::1:user/alice | $0.069 |\n"),
             Catch::Matchers::Contains("not a CUR 2.0 CSV export (columns line_item_usage_type"));
  CHECK_THAT(refusal(core::ImportKind::Cur, "tables.md",
                     "# CUR 2.0 examples\n\n| a | b |\n| --- | --- |\n"),
             Catch::Matchers::Contains("this is a Markdown or reStructuredText document"));
  CHECK_THAT(refusal(core::ImportKind::Cur, "ce.json",
                     "{\n  \"GroupDefinitions\": [],\n  "
                     "\"ResultsByTime\": []\n}\n"),
             Catch::Matchers::Contains("Cost Explorer output"));
  CHECK_THAT(refusal(core::ImportKind::Cur, "ddl.sql",
                     "CREATE EXTERNAL TABLE cur(\n\tidentity_line_item_id STRING\n)"),
             Catch::Matchers::Contains("SQL"));
}

TEST_CASE("Show-back from the bill: a scenario per team, reconciled by team",
          "[core][import][reconcile][shapes]") {
  const core::RateCard card = core::builtinRateCard();
  core::BillReadOptions options;
  options.groupBy = "tag:iamPrincipal/team";
  const auto bill = core::importBill(
      core::ImportKind::Focus, inputs({shape("focus-bedrock-tags.csv")}), card, nullptr, options);
  REQUIRE_FALSE(bill.failure);
  std::vector<std::string> warnings;
  core::Scenario scenario = core::scenarioFromBill(bill, card, "", "by team", warnings);
  REQUIRE(scenario.workloads.size() == 3);
  std::set<std::string> teams;
  for (const core::Workload &workload : scenario.workloads)
    teams.insert(workload.team.value_or("?"));
  CHECK(teams == std::set<std::string>{"search", "claims", "(none)"});

  scenario.ratecard.kind = core::RateCardSource::Kind::Inline;
  scenario.ratecard.inlineCard = card;
  const core::Evaluation evaluation = core::evaluate(core::prepareScenario(scenario, card), 0);
  const auto result = core::reconcile(scenario, evaluation, bill, "");
  REQUIRE(result);
  CHECK(result->groupBy == "tag:iamPrincipal/team");
  REQUIRE(result->keys.size() == 3);
  for (const core::ReconcileKeyRow &row : result->keys) {
    INFO(row.key);
    // Built from the bill at list price: each team's scenario cost is its list cost.
    CHECK_THAT(row.scenarioUsd, Catch::Matchers::WithinAbs(row.actualUsd, 1e-9));
  }
  const core::Json json = core::reconciliationToJson(*result, "by team");
  CHECK(json["group_by"] == "tag:iamPrincipal/team");
  CHECK(json["groups"].size() == 3);
  // Without grouping the by-team part is absent.
  const auto plain =
      core::importBill(core::ImportKind::Focus, inputs({shape("focus-bedrock-tags.csv")}), card);
  CHECK(core::reconcile(scenario, evaluation, plain, "")->keys.empty());
}

TEST_CASE("Guardrail units become workload meters of a scenario", "[core][import][scenario]") {
  const core::RateCard card = core::builtinRateCard();
  const auto imported = logs({shape("records-array.json"), shape("record-pretty.json")});
  REQUIRE_FALSE(imported.failure);
  std::vector<std::string> warnings;
  core::WorkloadMeters meters;
  const core::Scenario scenario =
      core::scenarioFromUsage(imported.groups, card, "guarded", warnings, 730, &meters);
  // user/dana.ops: 3 Converse requests; units 3 + 2 content, 2 grounding.
  const auto dana = std::find_if(scenario.workloads.begin(), scenario.workloads.end(),
                                 [](const auto &w) { return w.name == "user/dana.ops"; });
  REQUIRE(dana != scenario.workloads.end());
  const auto &list = meters.at(dana->id);
  const auto perRequest = [&](const std::string &kind) {
    const auto found = std::find_if(list.begin(), list.end(),
                                    [&](const auto &meter) { return meter.kind == kind; });
    REQUIRE(found != list.end());
    return found->perRequest;
  };
  // In the card meters' unit, 1K text units.
  CHECK_THAT(perRequest("guardrails.content_filters"), near(5.0 / 3 / 1000));
  CHECK_THAT(perRequest("guardrails.denied_topics"), near(5.0 / 3 / 1000));
  CHECK_THAT(perRequest("guardrails.contextual_grounding"), near(2.0 / 3 / 1000));
  CHECK(list.size() == 5);
  for (const core::WorkloadMeter &meter : list) {
    INFO(meter.kind);
    CHECK(std::any_of(card.meters.begin(), card.meters.end(),
                      [&](const core::MeterRate &rate) { return rate.kind == meter.kind; }));
  }
  // The haiku stream had no units: no meters for its workload.
  const auto lee = std::find_if(scenario.workloads.begin(), scenario.workloads.end(),
                                [](const auto &w) { return w.name == "user/lee.dev"; });
  REQUIRE(lee != scenario.workloads.end());
  CHECK_FALSE(meters.count(lee->id));

  // The workloads carry the meters the card prices, so the scenario file
  // holds them as "meters": [{"kind": …, "per_request": …}].
  CHECK(dana->meters.size() == list.size());
  CHECK(lee->meters.empty());
  const core::Json json = core::scenarioToJson(scenario);
  bool found = false;
  for (const auto &workload : json["workloads"])
    if (workload["id"] == dana->id) {
      found = true;
      REQUIRE(workload["meters"].is_array());
      CHECK(workload["meters"][0]["kind"] == "guardrails.content_filters");
      CHECK(workload["meters"][0]["per_request"].get<double>() == Approx(5.0 / 3 / 1000));
      CHECK(workload["meters"][0].size() == 2);
    } else {
      CHECK_FALSE(workload.contains("meters"));
    }
  CHECK(found);
}

TEST_CASE("A scenario built from guardrail traces loads cleanly and prices its meters",
          "[core][import][scenario]") {
  const core::RateCard card = core::builtinRateCard();
  const auto imported = logs({shape("records-array.json"), shape("record-pretty.json")});
  REQUIRE_FALSE(imported.failure);
  std::vector<std::string> warnings;
  const core::Scenario scenario =
      core::scenarioFromUsage(imported.groups, card, "guarded", warnings);
  const std::string text = core::prettyJson(core::scenarioToJson(scenario));
  const auto load = core::loadScenarioText(text, ".", "guarded.json");
  INFO(load.report() << load.unknownFieldsReport());
  REQUIRE(load.loaded);
  CHECK(load.issues.empty());
  CHECK(load.unknownFields.empty()); // "meters" is read, not skipped
  CHECK(load.loaded->scenario.workloads == scenario.workloads);

  const core::Evaluation evaluation =
      core::evaluate(core::prepareScenario(load.loaded->scenario, load.loaded->card), 0);
  REQUIRE(evaluation.meters.size() == 5); // dana's five policies
  double expected = 0;
  for (const core::MeterResult &meter : evaluation.meters) {
    INFO(meter.kind);
    const core::MeterRate *rate = core::findMeterRate(card, meter.kind);
    REQUIRE(rate != nullptr);
    CHECK(meter.usdPerUnit == rate->usdPerUnit);
    CHECK_FALSE(meter.typedRate);
    CHECK(meter.quantity > 0);
    CHECK_THAT(meter.costUsd, near(meter.quantity * rate->usdPerUnit)); // word filters: $0
    expected += meter.costUsd;
  }
  CHECK_THAT(evaluation.byMode.meters, near(expected));
  CHECK_THAT(evaluation.grossUsd - evaluation.byMode.meters,
             near(core::evaluate(core::prepareScenario(
                                     [&] {
                                       core::Scenario bare = scenario;
                                       for (core::Workload &workload : bare.workloads)
                                         workload.meters.clear();
                                       return bare;
                                     }(),
                                     card),
                                 0)
                      .grossUsd));
}

TEST_CASE("A guardrail meter the card lacks stays out of the scenario, said once",
          "[core][import][scenario]") {
  core::RateCard without = core::builtinRateCard();
  std::erase_if(without.meters, [](const core::MeterRate &meter) {
    return meter.kind == "guardrails.content_filters";
  });
  const auto imported = logs({shape("records-array.json"), shape("record-pretty.json")});
  REQUIRE_FALSE(imported.failure);
  std::vector<std::string> warnings;
  const core::Scenario scenario = core::scenarioFromUsage(imported.groups, without, "g", warnings);
  for (const core::Workload &workload : scenario.workloads)
    for (const core::MeterUse &meter : workload.meters)
      CHECK(meter.kind != "guardrails.content_filters");
  CHECK(std::count_if(warnings.begin(), warnings.end(), [](const std::string &warning) {
          return warning.find("guardrails.content_filters") != std::string::npos &&
                 warning.find("leaves it out") != std::string::npos;
        }) == 1);
  core::ValidationIssues issues;
  core::validateScenario(scenario, without, issues);
  CHECK(issues.empty());
}

TEST_CASE("A guardrail meter's quantity is in the unit of the card's meter",
          "[core][import][scenario]") {
  const auto imported = logs({shape("record-pretty.json")}); // 2 content units, 1 request
  REQUIRE_FALSE(imported.failure);
  const auto contentPerRequest = [&](const core::RateCard &card,
                                     std::vector<std::string> &warnings) {
    core::WorkloadMeters meters;
    const core::Scenario scenario =
        core::scenarioFromUsage(imported.groups, card, "guarded", warnings, 730, &meters);
    REQUIRE(scenario.workloads.size() == 1);
    for (const core::WorkloadMeter &meter : meters.at(scenario.workloads[0].id))
      if (meter.kind == "guardrails.content_filters")
        return meter.perRequest;
    FAIL("no content-filter meter");
    return 0.0;
  };
  std::vector<std::string> warnings;
  CHECK_THAT(contentPerRequest(core::builtinRateCard(), warnings), near(0.002));
  CHECK(warnings.empty());

  core::RateCard perUnit = core::builtinRateCard();
  for (core::MeterRate &meter : perUnit.meters)
    if (meter.kind == "guardrails.content_filters")
      meter.unit = "text units";
  CHECK_THAT(contentPerRequest(perUnit, warnings), near(2.0));
  CHECK(warnings.empty());

  // A card without the meter: AWS's 1K text units, said once.
  core::RateCard without = core::builtinRateCard();
  std::erase_if(without.meters, [](const core::MeterRate &meter) {
    return meter.kind == "guardrails.content_filters";
  });
  CHECK_THAT(contentPerRequest(without, warnings), near(0.002));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Matchers::Contains("guardrails.content_filters") &&
                              Catch::Matchers::Contains("no such meter"));
}

TEST_CASE("The import's JSON carries scope, regions, streams, guardrails and card membership",
          "[core][import][logs][shapes]") {
  const auto imported =
      logs({shape("jq-stream.json"), shape("records-array.json")}, std::nullopt, cardWithout46());
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
      CHECK(group["in_ratecard"] == false); // read with the card of before Claude 4.6
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
