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
