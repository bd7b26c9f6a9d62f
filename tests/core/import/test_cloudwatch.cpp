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

namespace {

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
