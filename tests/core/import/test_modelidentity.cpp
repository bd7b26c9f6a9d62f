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
  // The billing side's name of a model the card has, and of one it has not.
  CHECK(name("Claude4.6Sonnet") == "anthropic.claude-sonnet-4-6");
  CHECK(name("Claude4.6Opus", true) == "global.anthropic.claude-opus-4-6-v1");
  CHECK(name("Claude4.9Sonnet").empty());
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
        "logs-empty-role-key.jsonl", "logs-empty-model-id.jsonl", "hourly-row-of-zeros.csv",
        "logs-unknown-global-kept.jsonl", "hourly-unknown-global-kept.csv"}) {
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
