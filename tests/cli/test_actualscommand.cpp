#include "tests/cli/clirun.h"

#include "tests/common/tolerance.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace bwi;
using test::closeTo;
using test::near;
using test::run;
using test::Run;

namespace {

std::string data(const std::string &name) { return BWI_SOURCE_DIR "/tests/data/import/" + name; }

// tests/data/import/actuals-plan.json, every month alike (built-in card):
// Nova Pro ($0.80 / $3.20 per 1M): 1,000,000 requests of 1,000 in, 100 out:
//   1.1e9 tokens, $800 + $320 = $1,120;
// Nova Lite ($0.06 / $0.24): 1,000,000 requests of 2,000 in, 500 out:
//   2.5e9 tokens, $120 + $120 = $240.
// Q = 3.6e9 tokens, plan $1,360 a month, budget $1,400 a month over 3 months.
// tests/data/import/actuals-cur.csv, 2026-09: exactly the plan; 2026-10:
// Nova Pro 1.3e9 in $1,040 + 1.5e8 out $480 (1.45e9, $1,520); Nova Lite
// 1.5e9 in $90 + 4e8 out $96 (1.9e9, $186); Nova Micro 1e8 in $3.50;
// A = 3.45e9, actual $1,709.50; an EDP discount of $50.
const double kVolume = (3.45e9 - 3.6e9) * 1360 / 3.6e9;                             // -56.6666667
const double kPrice = (1520 - 1.45e9 * 1120 / 1.1e9) + (186 - 1.9e9 * 240 / 2.5e9); // 47.2363636
const double kMix = (1.45e9 * 1120 / 1.1e9 - 3.45e9 * 1120 / 3.6e9) +               // 403.0303030
                    (1.9e9 * 240 / 2.5e9 - 3.45e9 * 240 / 3.6e9) +                  // -47.6
                    3.50;                                                           // 358.9303030

const char *kPro = "amazon.nova-pro-v1:0";

const nlohmann::json &rowOf(const nlohmann::json &month, const std::string &key) {
  for (const auto &row : month["rows"])
    if (row["key"] == key)
      return row;
  FAIL("no row " << key);
  return month;
}

} // namespace

TEST_CASE("actuals --json splits the bill's variance against the plan, by hand", "[cli][actuals]") {
  const Run result = run({"actuals", data("actuals-plan.json"), data("actuals-cur.csv"), "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["scenario"] == "actuals plan");
  CHECK(json["plan_start"] == "2026-09");
  CHECK(json["month"] == "2026-10");
  CHECK(json["by"] == "model");
  REQUIRE(json["months"].size() == 2);
  const auto &september = json["months"][0];
  CHECK_THAT(september["variance_usd"].get<double>(), closeTo(0));
  const auto &october = json["months"][1];
  CHECK(october["plan_month"] == 1);
  CHECK_THAT(october["plan_usd"].get<double>(), closeTo(1360));
  CHECK_THAT(october["actual_usd"].get<double>(), closeTo(1709.50));
  CHECK_THAT(october["variance_usd"].get<double>(), closeTo(349.50));
  CHECK_THAT(october["effects"]["volume_usd"].get<double>(), closeTo(kVolume));
  CHECK_THAT(october["effects"]["price_usd"].get<double>(), closeTo(kPrice));
  CHECK_THAT(october["effects"]["mix_usd"].get<double>(), closeTo(kMix));
  CHECK_THAT(october["effects"]["commitment_other_usd"].get<double>(), closeTo(0));
  const auto &pro = rowOf(october, kPro);
  CHECK_THAT(pro["variance_usd"].get<double>(), closeTo(400));
  CHECK_THAT(pro["variance_share"].get<double>(), closeTo(400.0 / 1120));
  CHECK_THAT(pro["volume_usd"].get<double>(), closeTo(-1.5e8 * 1120 / 3.6e9)); // -46.6666667
  CHECK_THAT(pro["actual_tokens"].get<double>(), closeTo(1.45e9));
  const auto &micro = rowOf(october, "amazon.nova-micro-v1:0");
  CHECK(micro["variance_share"].is_null());
  CHECK_THAT(micro["mix_usd"].get<double>(), closeTo(3.50));

  const auto &movers = json["movers"];
  CHECK(movers["from"] == "2026-09");
  REQUIRE(movers["top"].size() == 3);
  CHECK(movers["top"][0]["key"] == kPro);
  CHECK_THAT(movers["top"][0]["change_usd"].get<double>(), closeTo(400));
  CHECK_THAT(movers["top"][1]["change_share"].get<double>(), closeTo(-54.0 / 240));
  CHECK(movers["top"][2]["change_share"].is_null());

  // Net: the $50 discount shared by gross ($1,360 and $1,709.50 of $3,069.50),
  // then the plan's $1,360: 4,379.50 > 3 × 1,400.
  const auto &budget = json["budget"];
  CHECK_THAT(budget["horizon_budget_usd"].get<double>(), closeTo(4200));
  CHECK_THAT(budget["months"][0]["net_usd"].get<double>(), closeTo(1360 - 50 * 1360 / 3069.5));
  CHECK_THAT(budget["months"][1]["cumulative_net_usd"].get<double>(), closeTo(3019.50));
  CHECK(budget["months"][2]["source"] == "forecast");
  CHECK_THAT(budget["months"][2]["cumulative_net_usd"].get<double>(), closeTo(4379.50));
  CHECK(budget["run_out_month"] == "2026-11");
  CHECK(json["bills"][0] == data("actuals-cur.csv"));
}

TEST_CASE("actuals prints the table, the waterfall, the movers and the run-out", "[cli][actuals]") {
  const Run result = run({"actuals", data("actuals-plan.json"), data("actuals-cur.csv")});
  INFO(result.err);
  REQUIRE(result.status == 0);
  using Catch::Matchers::Contains;
  CHECK_THAT(result.out, Contains("against the bill for 2026-10"));
  CHECK_THAT(result.out, Contains("$1,360.00"));
  CHECK_THAT(result.out, Contains("$1,709.50"));
  CHECK_THAT(result.out, Contains("-$56.67"));  // volume
  CHECK_THAT(result.out, Contains("+$47.24"));  // price
  CHECK_THAT(result.out, Contains("+$358.93")); // mix
  CHECK_THAT(result.out, Contains("+$400.00"));
  CHECK_THAT(result.out, Contains("+35.7%"));
  CHECK_THAT(result.out, Contains("Run-out: 2026-11"));
}

TEST_CASE("actuals --plan-start and --month pick the months compared", "[cli][actuals]") {
  const Run late = run({"actuals", data("actuals-plan.json"), data("actuals-cur.csv"), "--json",
                        "--plan-start", "2026-10"});
  REQUIRE(late.status == 0);
  const auto json = nlohmann::json::parse(late.out);
  REQUIRE(json["months"].size() == 1);
  CHECK(json["months"][0]["plan_month"] == 0);
  CHECK(json["notes"].size() == 1);
  // The budget's horizon is then October to December: $1,681.65 net of its
  // discount, then $1,360 twice: 4,401.65 > 4,200 in December.
  CHECK(json["budget"]["run_out_month"] == "2026-12");

  const Run september =
      run({"actuals", data("actuals-plan.json"), data("actuals-cur.csv"), "--month", "2026-09"});
  REQUIRE(september.status == 0);
  CHECK_THAT(september.out, Catch::Matchers::Contains("none: the bill has no charges"));
}

TEST_CASE("actuals refuses a wrong command line and a bill it cannot use", "[cli][actuals]") {
  const std::string plan = data("actuals-plan.json"), bill = data("actuals-cur.csv");
  CHECK(run({"actuals", plan}).status == 2);
  CHECK(run({"actuals", plan, bill, "--month", "2026-13"}).status == 2);
  CHECK(run({"actuals", plan, bill, "--by", "workload"}).status == 2);
  CHECK(run({"actuals", plan, bill, "--frobnicate"}).status == 2);
  const Run noTeam = run({"actuals", plan, bill, "--by", "team"});
  CHECK(noTeam.status == 1);
  CHECK_THAT(noTeam.err, Catch::Matchers::Contains("no team key"));
  const Run noMonth = run({"actuals", plan, bill, "--month", "2026-12"});
  CHECK(noMonth.status == 1);
  CHECK_THAT(noMonth.err, Catch::Matchers::Contains("actuals-cur.csv: the bill has no charges in"));
  CHECK(run({"actuals", plan, data("invocation-logs.jsonl")}).status == 1);
}
