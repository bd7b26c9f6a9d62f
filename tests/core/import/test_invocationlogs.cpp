#include "core/files/scenariofile.h"
#include "core/import/invocationlogs.h"
#include "core/import/isotime.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;

namespace {

const core::UsageGroup &groupOf(const std::vector<core::UsageGroup> &groups,
                                const std::optional<std::string> &key, const std::string &model,
                                const std::string &tier = "standard") {
  const auto found = std::find_if(groups.begin(), groups.end(), [&](const core::UsageGroup &g) {
    return g.key == key && g.model == model && g.tier == tier;
  });
  INFO("group " << key.value_or("(null)") << " / " << model << " / " << tier);
  REQUIRE(found != groups.end());
  return *found;
}

core::UsageImport importLogs(const std::vector<std::string> &paths,
                             std::optional<std::string> groupBy = std::nullopt,
                             unsigned threads = 0, std::size_t blockBytes = 0) {
  core::InvocationLogOptions options;
  options.groupBy = std::move(groupBy);
  options.threads = threads;
  options.blockBytes = blockBytes;
  return core::importInvocationLogs(inputs(paths), core::builtinRateCard(), options);
}

const std::string kHaiku = "anthropic.claude-haiku-4-5-20251001-v1:0";

} // namespace

TEST_CASE("Invocation logs sum requests and tokens by team, model and tier",
          "[core][import][logs]") {
  const auto imported =
      importLogs({importDataPath("invocation-logs.jsonl")}, "requestMetadata.team");
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.files == 1);
  CHECK(imported.tally.lines == 6);
  CHECK(imported.tally.skipped.count == 0);
  REQUIRE(imported.groups.size() == 5);

  SECTION("geo profiles, both cache spellings and the per-request percentiles") {
    const auto &search = groupOf(imported.groups, "search", kHaiku);
    CHECK(search.totals == core::TokenCounts{2, 4000, 400, 600, 50});
    CHECK(search.hourly.size() == 1);
    CHECK(core::isoFromSeconds(search.firstSeconds) == "2026-11-23T09:15:00Z");
    CHECK(core::isoFromSeconds(search.lastSeconds) == "2026-11-23T09:45:00Z");
    // Nearest rank over {1000, 3000}: p50 is 1000, p95 is 3000 (buckets within 0.4%).
    CHECK_THAT(static_cast<double>(search.inputPerRequest.quantile(0.5)),
               Catch::Matchers::WithinRel(1000.0, 0.004));
    CHECK_THAT(static_cast<double>(search.inputPerRequest.quantile(0.95)),
               Catch::Matchers::WithinRel(3000.0, 0.004));
    CHECK(search.cacheWritePerRequest.quantile(0.5) == 0);
    CHECK(search.cacheWritePerRequest.quantile(0.95) == 50);
  }
  SECTION("an inference-profile ARN of a global profile maps to the card's global entry") {
    const auto &global = groupOf(imported.groups, "search", "global." + kHaiku);
    CHECK(global.totals == core::TokenCounts{1, 500, 50, 0, 0});
  }
  SECTION("a +flex model id is the flex tier of the base model") {
    const auto &flex = groupOf(imported.groups, "ledger", "amazon.nova-pro-v1:0", "flex");
    CHECK(flex.totals == core::TokenCounts{1, 2000, 400, 0, 0});
  }
  SECTION("eu. and apac. profiles map to the base id; a record without the key has none") {
    CHECK(groupOf(imported.groups, "ledger", "amazon.nova-lite-v1:0").totals ==
          core::TokenCounts{1, 300, 30, 0, 0});
    CHECK(groupOf(imported.groups, std::nullopt, "amazon.nova-lite-v1:0").totals ==
          core::TokenCounts{1, 700, 70, 0, 0});
  }
}

TEST_CASE("Without --group-by, invocation logs group by the IAM role", "[core][import][logs]") {
  const auto imported = importLogs({importDataPath("invocation-logs.jsonl")});
  REQUIRE_FALSE(imported.failure);
  CHECK(groupOf(imported.groups, "app-role", kHaiku).totals.requests == 2);
  CHECK(groupOf(imported.groups, "ledger-role", "amazon.nova-pro-v1:0", "flex").totals.requests ==
        1);
  CHECK(groupOf(imported.groups, "user/alice", "amazon.nova-lite-v1:0").totals.requests == 1);
  CHECK(core::roleOfArn("arn:aws:iam::1:role/service/batch-role") == "batch-role");
}

TEST_CASE("Gzip files and folders give the same totals as the plain file", "[core][import][logs]") {
  const test::TempFolder folder;
  const std::string text = test::readWholeFile(importDataPath("invocation-logs.jsonl"));
  const std::size_t half = text.find('\n', text.size() / 2) + 1;
  folder.writeGzip("logs/2026/11/23/part-1.json.gz", text.substr(0, half));
  folder.write("logs/2026/11/24/part-2.json", text.substr(half));
  folder.write("logs/amazon-bedrock-logs-permission-check", "permission check");
  const auto plain = importLogs({importDataPath("invocation-logs.jsonl")}, "requestMetadata.team");
  const auto fromFolder = importLogs({(folder.path() / "logs").string()}, "requestMetadata.team");
  REQUIRE_FALSE(fromFolder.failure);
  CHECK(fromFolder.tally.files == 2);
  CHECK(fromFolder.tally.lines == 6);
  REQUIRE(fromFolder.groups.size() == plain.groups.size());
  for (std::size_t i = 0; i < plain.groups.size(); ++i) {
    CHECK(fromFolder.groups[i].totals == plain.groups[i].totals);
    CHECK(fromFolder.groups[i].hourly == plain.groups[i].hourly);
  }
}

TEST_CASE("A CloudWatch Logs export (timestamp, space, record) reads like S3 delivery",
          "[core][import][logs]") {
  const test::TempFolder folder;
  std::string exported;
  std::istringstream lines(test::readWholeFile(importDataPath("invocation-logs.jsonl")));
  for (std::string line; std::getline(lines, line);)
    exported += "2026-11-26T00:00:00.000Z " + line + "\n";
  const auto plain = importLogs({importDataPath("invocation-logs.jsonl")}, "requestMetadata.team");
  const auto fromExport =
      importLogs({folder.writeGzip("000000.gz", exported)}, "requestMetadata.team");
  INFO((fromExport.failure ? fromExport.failure->message : std::string()));
  REQUIRE_FALSE(fromExport.failure);
  CHECK(fromExport.tally.skipped.count == 0);
  REQUIRE(fromExport.groups.size() == plain.groups.size());
  for (std::size_t i = 0; i < plain.groups.size(); ++i)
    CHECK(fromExport.groups[i].totals == plain.groups[i].totals);
}

TEST_CASE("Broken log lines are skipped and reported with file and line", "[core][import][logs]") {
  const auto imported = importLogs({importDataPath("invocation-logs-broken.jsonl")});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.lines == 6); // the empty line is not a record
  REQUIRE(imported.tally.skipped.count == 4);
  const auto &skipped = imported.tally.skipped.first;
  REQUIRE(skipped.size() == 4);
  CHECK(skipped[0].line == 2);
  CHECK_THAT(skipped[0].reason, Catch::Matchers::StartsWith("not JSON"));
  CHECK(skipped[1].line == 3);
  CHECK(skipped[1].reason == "missing field modelId");
  CHECK(skipped[2].line == 4);
  CHECK(skipped[2].reason == "input.inputTokenCount is negative (-5)");
  CHECK(skipped[3].line == 7); // the truncated last line
  CHECK_THAT(skipped[3].reason, Catch::Matchers::StartsWith("not JSON"));
  CHECK(skipped[0].file == importDataPath("invocation-logs-broken.jsonl"));
  REQUIRE(imported.groups.size() == 1);
  CHECK(imported.groups[0].totals == core::TokenCounts{2, 30, 3, 0, 0});
}

TEST_CASE("Any block size and thread count give the same groups and line numbers",
          "[core][import][logs]") {
  const auto reference = importLogs(
      {importDataPath("invocation-logs-broken.jsonl"), importDataPath("invocation-logs.jsonl")},
      "requestMetadata.team", 1);
  const std::size_t blockBytes = GENERATE(1, 7, 64, 333, 5000);
  const unsigned threads = GENERATE(1u, 3u);
  const auto split = importLogs(
      {importDataPath("invocation-logs-broken.jsonl"), importDataPath("invocation-logs.jsonl")},
      "requestMetadata.team", threads, blockBytes);
  REQUIRE_FALSE(split.failure);
  CHECK(split.tally.lines == reference.tally.lines);
  CHECK(split.tally.files == 2);
  CHECK(split.tally.skipped.first == reference.tally.skipped.first);
  REQUIRE(split.groups.size() == reference.groups.size());
  for (std::size_t i = 0; i < split.groups.size(); ++i) {
    CHECK(split.groups[i].totals == reference.groups[i].totals);
    CHECK(split.groups[i].hourly == reference.groups[i].hourly);
    CHECK(split.groups[i].firstSeconds == reference.groups[i].firstSeconds);
  }
}

TEST_CASE("Gzip files handed over in blocks of any size give what one pass gives",
          "[core][import][logs]") {
  const auto reference = importLogs(
      {importDataPath("invocation-logs-broken.jsonl"), importDataPath("invocation-logs.jsonl")},
      "requestMetadata.team", 1);
  const test::TempFolder folder;
  const std::string broken = folder.writeGzip(
      "a.json.gz", test::readWholeFile(importDataPath("invocation-logs-broken.jsonl")));
  const std::string good =
      folder.writeGzip("b.json.gz", test::readWholeFile(importDataPath("invocation-logs.jsonl")));
  const std::size_t blockBytes = GENERATE(1, 7, 100, 5000);
  const unsigned threads = GENERATE(1u, 2u, 3u);
  const auto split = importLogs({broken, good}, "requestMetadata.team", threads, blockBytes);
  REQUIRE_FALSE(split.failure);
  CHECK(split.tally.lines == reference.tally.lines);
  REQUIRE(split.tally.skipped.first.size() == reference.tally.skipped.first.size());
  for (std::size_t i = 0; i < split.tally.skipped.first.size(); ++i) {
    CHECK(split.tally.skipped.first[i].line == reference.tally.skipped.first[i].line);
    CHECK(split.tally.skipped.first[i].reason == reference.tally.skipped.first[i].reason);
  }
  REQUIRE(split.groups.size() == reference.groups.size());
  for (std::size_t i = 0; i < split.groups.size(); ++i) {
    CHECK(split.groups[i].totals == reference.groups[i].totals);
    CHECK(split.groups[i].hourly == reference.groups[i].hourly);
  }
}

TEST_CASE("A truncated gzip file keeps the lines before the cut and reports it",
          "[core][import][logs]") {
  const test::TempFolder folder;
  const std::string text = test::readWholeFile(importDataPath("invocation-logs.jsonl"));
  const std::string whole = folder.writeGzip("whole.json.gz", text);
  const std::string gz = test::readWholeFile(whole);
  const std::string cut = folder.write("cut.json.gz", gz.substr(0, gz.size() * 2 / 3));
  const auto imported = importLogs({cut});
  REQUIRE_FALSE(imported.failure);
  CHECK(imported.tally.skipped.count >= 1);
  const auto &last = imported.tally.skipped.first.back();
  CHECK_THAT(last.reason, Catch::Matchers::Contains("gzip data"));
  std::uint64_t requests = 0;
  for (const auto &group : imported.groups)
    requests += group.totals.requests;
  CHECK(requests >= 1);
  CHECK(requests < 6);
}

TEST_CASE("A file that is no invocation log is rejected saying what was expected",
          "[core][import][logs]") {
  const auto imported = importLogs({importDataPath("cur.csv")});
  REQUIRE(imported.failure);
  CHECK_THAT(imported.failure->message,
             Catch::Matchers::StartsWith(importDataPath("cur.csv") + ": "));
  CHECK_THAT(imported.failure->message,
             Catch::Matchers::Contains("not a Bedrock model-invocation log: expected its records"));
  CHECK_THAT(imported.failure->message,
             Catch::Matchers::EndsWith("this is a CUR CSV export (use `import cur`)"));
}

TEST_CASE("Counts that are not whole, not numbers or absurdly large are skipped",
          "[core][import][logs]") {
  const test::TempFolder folder;
  const auto record = [](const std::string &count) {
    return "{\"timestamp\":\"2026-11-23T09:15:00Z\",\"modelId\":\"amazon.nova-lite-v1:0\","
           "\"input\":{\"inputTokenCount\":" +
           count + "},\"output\":{\"outputTokenCount\":1}}\n";
  };
  const auto imported = importLogs({folder.write(
      "counts.jsonl", record("12.5") + record("\"12\"") + record("18446744073709551615") +
                          record("1e300") + record("-0.5") + record("7"))});
  REQUIRE_FALSE(imported.failure);
  REQUIRE(imported.tally.skipped.count == 5);
  CHECK(imported.tally.skipped.first[0].reason == "input.inputTokenCount is not a whole number");
  CHECK(imported.tally.skipped.first[1].reason == "input.inputTokenCount is not a number");
  CHECK_THAT(imported.tally.skipped.first[2].reason,
             Catch::Matchers::Contains("implausibly large"));
  CHECK(imported.tally.skipped.first[4].reason == "input.inputTokenCount is negative");
  REQUIRE(imported.groups.size() == 1);
  CHECK(imported.groups[0].totals.input == 7);
}

TEST_CASE("Over 20 broken lines: the first 20 are listed, all are counted",
          "[core][import][logs]") {
  const test::TempFolder folder;
  std::string text = test::readWholeFile(importDataPath("invocation-logs.jsonl"));
  for (int i = 0; i < 25; ++i)
    text += "{\"timestamp\":\"2026-11-23T09:15:00Z\",\"modelId\":\"amazon.nova-lite-v1:0\"}\n";
  const auto imported = importLogs({folder.write("many.jsonl", text)}, std::nullopt, 2, 200);
  CHECK(imported.tally.skipped.count == 25);
  REQUIRE(imported.tally.skipped.first.size() == 20);
  CHECK(imported.tally.skipped.first.front().line == 7);
  CHECK(imported.tally.skipped.first.back().line == 26);
}
