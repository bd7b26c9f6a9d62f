// `evaluate --json` and `forecast --json` with meters and a unit, against a
// hand calculation (tests/data/meters/hand-calculated.json).
#include "tests/cli/clirun.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace bwi;
using test::run;
using test::Run;

namespace {

const std::string kHand = BWI_SOURCE_DIR "/tests/data/meters/hand-calculated.json";

} // namespace

TEST_CASE("evaluate --json gives by_mode.meters, the meters and the unit costs", "[cli][meters]") {
  const Run result = run({"evaluate", kHand, "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  // support: 1,000,000 × (600 × $1 + 200 × $5) / 1M = $1,600 of tokens;
  // content filters 0.012 × 1,000,000 = 12,000 × $0.15 = $1,800; the
  // OpenSearch floor 1,460 OCU-hours × $0.24 = $350.40.
  // batch-docs: 200,000 × (1,000 × $1 + 500 × $5) / 1M = $700; OCR 2 pages
  // a request at a typed $0.01: 400,000 × 0.01 = $4,000.
  CHECK(json["gross_usd"].get<double>() == Approx(8450.40).epsilon(1e-12));
  CHECK(json["by_mode"]["meters"].get<double>() == Approx(6150.40).epsilon(1e-12));
  CHECK(json["by_mode"]["on_demand"].get<double>() == Approx(2300.0).epsilon(1e-12));
  CHECK(json["by_model"]["m"].get<double>() == Approx(2300.0).epsilon(1e-12));
  CHECK(json["by_workload"]["support"].get<double>() == Approx(3750.40).epsilon(1e-12));
  CHECK(json["by_workload"]["batch-docs"].get<double>() == Approx(4700.0).epsilon(1e-12));
  CHECK(json["by_team"]["CX"].get<double>() == Approx(3750.40).epsilon(1e-12));
  CHECK(json["by_team"]["Legal"].get<double>() == Approx(4700.0).epsilon(1e-12));
  // 10% off everything, all of it first-party: net $7,605.36 retires the commit.
  CHECK(json["discount_usd"].get<double>() == Approx(845.04).epsilon(1e-12));
  CHECK(json["net_usd"].get<double>() == Approx(7605.36).epsilon(1e-12));
  CHECK(json["commit_retired_usd"].get<double>() == Approx(7605.36).epsilon(1e-12));

  const auto &meters = json["meters"];
  REQUIRE(meters.size() == 3);
  CHECK(meters[0]["workload"] == "support");
  CHECK(meters[0]["kind"] == "guardrails.content_filters");
  CHECK(meters[0]["name"] == "Guardrails content filters");
  CHECK(meters[0]["unit"] == "1K text units");
  CHECK(meters[0]["quantity"] == 12000);
  CHECK(meters[0]["usd_per_unit"].get<double>() == Approx(0.15));
  CHECK(meters[0]["rate_source"] == "card");
  CHECK(meters[0]["cost_usd"].get<double>() == Approx(1800.0).epsilon(1e-12));
  CHECK(meters[1]["quantity"] == 1460);
  CHECK(meters[1]["cost_usd"].get<double>() == Approx(350.40).epsilon(1e-12));
  CHECK(meters[2]["workload"] == "batch-docs");
  CHECK(meters[2]["name"] == "OCR pages");
  CHECK(meters[2]["unit"] == "page");
  CHECK(meters[2]["quantity"] == 400000);
  CHECK(meters[2]["rate_source"] == "typed");
  CHECK(meters[2]["cost_usd"].get<double>() == Approx(4000.0).epsilon(1e-12));

  // 500,000 tickets; the support workload's net $3,750.40 × 0.9 = $3,375.36:
  // $0.00675072 a ticket, inside 0.007 ± 15% (0.00595 to 0.00805).
  REQUIRE(json["unit_costs"].size() == 1);
  const auto &unit = json["unit_costs"][0];
  CHECK(unit["workload"] == "support");
  CHECK(unit["unit"] == "ticket");
  CHECK(unit["units"] == 500000);
  CHECK(unit["cost_usd"].get<double>() == Approx(3375.36).epsilon(1e-12));
  CHECK(unit["cost_per_unit_usd"].get<double>() == Approx(0.00675072).epsilon(1e-12));
  CHECK(unit["target_usd"].get<double>() == Approx(0.007));
  CHECK(unit["tolerance"].get<double>() == Approx(0.15));
  CHECK(unit["status"] == "within");
}

TEST_CASE("evaluate --month and forecast --json follow the requests month by month",
          "[cli][meters]") {
  // Month 1: support grows 10% to 1,100,000 requests: tokens $1,760, content
  // filters 13,200 × $0.15 = $1,980, the floor $350.40 unchanged; batch-docs
  // as before. Meters $6,330.40; gross $8,790.40.
  const Run month = run({"evaluate", kHand, "--month", "1", "--json"});
  REQUIRE(month.status == 0);
  const auto json = nlohmann::json::parse(month.out);
  CHECK(json["by_mode"]["meters"].get<double>() == Approx(6330.40).epsilon(1e-12));
  CHECK(json["gross_usd"].get<double>() == Approx(8790.40).epsilon(1e-12));
  // 550,000 tickets at $4,090.40 × 0.9 = $3,681.36: $0.0066933818... a ticket.
  CHECK(json["unit_costs"][0]["cost_per_unit_usd"].get<double>() ==
        Approx(3681.36 / 550000).epsilon(1e-12));

  const Run forecast = run({"forecast", kHand, "--json"});
  REQUIRE(forecast.status == 0);
  const auto months = nlohmann::json::parse(forecast.out)["months"];
  REQUIRE(months.size() == 3);
  CHECK(months[0]["meters_usd"].get<double>() == Approx(6150.40).epsilon(1e-12));
  CHECK(months[1]["meters_usd"].get<double>() == Approx(6330.40).epsilon(1e-12));
  // Month 2: 1,210,000 requests: filters 14,520 × 0.15 = $2,178.
  CHECK(months[2]["meters_usd"].get<double>() == Approx(2178.0 + 350.40 + 4000.0).epsilon(1e-12));
  CHECK(months[1]["unit_costs"][0]["cost_per_unit_usd"].get<double>() ==
        Approx(3681.36 / 550000).epsilon(1e-12));
  CHECK(months[1]["unit_costs"][0]["status"] == "within");
}

TEST_CASE("A meter kind the card does not price exits 1 naming the meter", "[cli][meters]") {
  const Run result = run({"validate", BWI_SOURCE_DIR "/tests/data/broken/unknown-meter.json"});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Matchers::Contains("unknown-meter.json"));
  CHECK_THAT(result.err, Catch::Matchers::Contains("workloads[0].meters[0].kind"));
  CHECK_THAT(result.err, Catch::Matchers::Contains("usd_per_unit"));
}
