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

} // namespace

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
  CHECK_THAT(billGroup(bill, "2026-10", "anthropic.claude-sonnet-4-6", "output").tokens,
             near(14'270));
  // Without a card model for Claude 4.6 Sonnet the usage type's name stands in.
  core::RateCard without = core::builtinRateCard();
  std::erase_if(without.models, [](const core::ModelRates &model) {
    return model.id.find("claude-sonnet-4-6") != std::string::npos;
  });
  const auto unpriced =
      core::importBill(core::ImportKind::Cur, inputs({importDataPath("cur.csv")}), without);
  CHECK_THAT(billGroup(unpriced, "2026-10", "Claude4.6Sonnet", "output").tokens, near(14'270));
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
                                     nullptr, {1, 1, std::nullopt});
  const unsigned threads = GENERATE(2u, 3u, 7u);
  const auto blocks =
      core::importBill(core::ImportKind::Cur, inputs({path}), core::builtinRateCard(), nullptr,
                       {threads, 1, std::nullopt});
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
    const auto bill =
        core::importBill(core::ImportKind::Cur, inputs({path}), core::builtinRateCard(), nullptr,
                         {threads, 1, std::nullopt});
    REQUIRE_FALSE(bill.failure);
    REQUIRE(bill.groups.size() == 3);
    CHECK_THAT(billGroup(bill, "2026-10", "c5yr4dqexample", "output").costUsd, near(1.65));
    CHECK_THAT(billGroup(bill, "2026-10", "c5yr4dqexam[le", "output").costUsd, near(1.65));
  }
}
