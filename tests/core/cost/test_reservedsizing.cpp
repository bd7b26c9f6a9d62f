#include "tests/core/testsupport.h"

using namespace bwi;
using test::costOf;
using test::evaluateJson;
using test::near;
using test::scenarioJson;

namespace {

// 43,800 requests of 1,000 in / 100 out: mean demand 43,800 × 1,000 /
// (60 × 730) = 1,000 input TPM and 100 output TPM, under business hours.
const double kBusy = 4 * 168.0 / 303;
const double kQuiet = 168.0 / 303;
const double kInputUsd = 43800 * 1000 * 1.0 / 1e6; // $43.80 uncached input
const double kOutputUsd = 43800 * 100 * 5.0 / 1e6; // $21.90 output

} // namespace

TEST_CASE("A reservation spills over to on demand above its TPM", "[core][reserved]") {
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "app", "requests_per_month": 43800,
      "tokens": { "system": 1000, "output": 100 }, "profile": "business_hours",
      "routing": { "res": 1 } }])",
                                                R"("reserved": [{ "model": "res",
      "input_tpm": 2000, "output_tpm": 100, "term": "one_month" }])"));
  REQUIRE(result.reserved.size() == 1);
  const auto &reserved = result.reserved[0];
  const double charge = 2000 / 1000.0 * 10 + 100 / 1000.0 * 50; // $25
  // Busy input demand 1,000·kBusy = 2,218 TPM exceeds 2,000; quiet 554 does not.
  const double inputOverflow = 45 * (1 - 2000 / (1000 * kBusy)) * kInputUsd * kBusy / 168;
  // Output: busy 221.8 TPM over 100; quiet 55.4 under 100.
  const double outputOverflow = 45 * (1 - 100 / (100 * kBusy)) * kOutputUsd * kBusy / 168;
  CHECK_THAT(reserved.costUsd, near(charge));
  CHECK_THAT(reserved.overflowUsd, near(inputOverflow + outputOverflow));
  CHECK_THAT(result.byMode.reserved, near(charge));
  CHECK_THAT(result.byMode.onDemand, near(inputOverflow + outputOverflow));
  CHECK_THAT(result.grossUsd, near(charge + inputOverflow + outputOverflow));
  REQUIRE(reserved.utilizationInput);
  CHECK_THAT(*reserved.utilizationInput, near((45 * 2000 + 123 * 1000 * kQuiet) / (168 * 2000.0)));
  CHECK_THAT(*reserved.utilizationOutput, near((45 * 100 + 123 * 100 * kQuiet) / (168 * 100.0)));
  // Floor: min demand 554 → 0 → raised to 1,000; output 55 → 0 → 100.
  CHECK_THAT(reserved.floorInputTpm, near(1000.0));
  CHECK_THAT(reserved.floorOutputTpm, near(100.0));
  CHECK_THAT(costOf(result.byWorkload, "app"), Catch::Matchers::WithinRel(result.grossUsd, 1e-12));
}

TEST_CASE("Cache reads under a reservation are billed as usual; writes count as input",
          "[core][reserved]") {
  // Flat; P = 500 at hit rate 0.5: CR = CW = 250, UI = 500 per request.
  // Input demand counts UI + CW = 750 tokens a request: 750 TPM at 43,800.
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "app", "requests_per_month": 43800,
      "tokens": { "system": 1000, "output": 100 },
      "caching": { "cacheable_prefix": 500, "hit_rate": 0.5 }, "routing": { "res": 1 } }])",
                                                R"("reserved": [{ "model": "res",
      "input_tpm": 1000, "output_tpm": 100, "term": "one_month" }])"));
  const double reads = 43800 * 250 * 0.1 / 1e6;
  CHECK_THAT(result.byMode.onDemand, near(reads)); // all else fits in the reservation
  CHECK_THAT(result.reserved[0].overflowUsd, near(0.0));
  CHECK_THAT(*result.reserved[0].utilizationInput, near(0.75));
  CHECK_THAT(*result.reserved[0].utilizationOutput, near(1.0));
}

TEST_CASE("The optimal reservation scans 1,000 TPM steps and compares with none",
          "[core][reserved]") {
  // Flat 10,000 input TPM, 1,000 output TPM: reserving all of it costs
  // 10 × $10 + 1 × $50 = $150 against $438 + $219 on demand.
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "app", "requests_per_month": 438000,
      "tokens": { "system": 1000, "output": 100 }, "routing": { "res": 1 } }])",
                                                R"("reserved": [{ "model": "res",
      "input_tpm": 0, "output_tpm": 0, "term": "one_month" }])"));
  const auto &reserved = result.reserved[0];
  CHECK_THAT(reserved.optimalInputTpm, near(10000.0));
  CHECK_THAT(reserved.optimalOutputTpm, near(1000.0));
  CHECK_FALSE(reserved.utilizationInput.has_value());
  CHECK_FALSE(reserved.utilizationOutput.has_value());
  CHECK_THAT(result.grossUsd, near(438.0 + 219.0));
}

TEST_CASE("An expensive reservation is optimally none", "[core][reserved]") {
  const auto result = evaluateJson(scenarioJson(R"([{ "id": "app", "requests_per_month": 43800,
      "tokens": { "system": 1000, "output": 100 }, "routing": { "res": 1 } }])",
                                                R"("ratecard_overrides": { "res": { "reserved": {
        "one_month": { "input_per_1k_tpm_month": 1000, "output_per_1k_tpm_month": 5000 } } } },
      "reserved": [{ "model": "res", "input_tpm": 1000, "output_tpm": 100 }])"));
  CHECK_THAT(result.reserved[0].optimalInputTpm, near(0.0));
  CHECK_THAT(result.reserved[0].optimalOutputTpm, near(0.0));
}
