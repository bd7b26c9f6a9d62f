#include "app/commandline.h"
#include "tests/cli/clirun.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace bwi;
using test::run;
using test::Run;

namespace {

// The hand cases of the reference cross-check (tests/reference/cases/HAND-CASES.md).
const std::string kCases = BWI_SOURCE_DIR "/tests/reference/cases/";

std::vector<std::vector<std::string>> csvRows(const std::string &text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ','))
      cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

} // namespace

TEST_CASE("evaluate --json names the calendar month, long context and escalations",
          "[cli][calendar]") {
  const Run result =
      run({"evaluate", kCases + "end-of-life.scenario.json", "--month", "4", "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["calendar_month"] == "2027-05");
  CHECK(json["long_context"] == nlohmann::json::array());
  REQUIRE(json["escalations"].size() == 1);
  const auto &escalation = json["escalations"][0];
  CHECK(escalation["workload"] == "legacy-app");
  CHECK(escalation["to"] == "v2.premium");
  CHECK(escalation["to_this_month"] == "v2.premium-next");
  CHECK(escalation["break_even_rate"].is_null()); // all-premium lands on the same model
  CHECK(escalation["all_premium_net_usd"].get<double>() == Approx(1717.5));
  CHECK(json["warnings"].size() == 2);

  const Run plain = run({"evaluate", kCases + "long-context.scenario.json", "--json"});
  REQUIRE(plain.status == 0);
  const auto longContext = nlohmann::json::parse(plain.out);
  CHECK(longContext["calendar_month"].is_null());
  CHECK(longContext["long_context"] == nlohmann::json::array({"docs v2.cheap"}));
  CHECK(longContext["escalations"] == nlohmann::json::array());
}

TEST_CASE("forecast --json gives each month's calendar month, the events and idle commitments",
          "[cli][calendar]") {
  const Run result = run({"forecast", kCases + "end-of-life.scenario.json", "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["months"].size() == 6);
  CHECK(json["months"][0]["calendar_month"] == "2027-01");
  CHECK(json["months"][5]["calendar_month"] == "2027-06");
  std::vector<std::string> events;
  for (const auto &event : json["events"])
    events.push_back(event["calendar_month"].get<std::string>() + " " +
                     event["kind"].get<std::string>() + " " + event["label"].get<std::string>());
  CHECK(events ==
        std::vector<std::string>{"2027-03 end_of_life V2 Legacy retires → V2 Mid",
                                 "2027-04 end_of_life V2 Mid retires → V2 Premium Next",
                                 "2027-05 end_of_life V2 Premium retires → V2 Premium Next"});
  REQUIRE(json["commitment_risks"].size() == 1);
  const auto &risk = json["commitment_risks"][0];
  CHECK(risk["model"] == "v2.legacy");
  CHECK(risk["commitment"] == "reserved");
  CHECK(risk["idle_months"] == nlohmann::json::array({2, 3, 4, 5}));
  CHECK(risk["idle_cost_usd"].get<double>() == Approx(4 * 75.0));

  const Run none = run({"forecast", kCases + "long-context.scenario.json", "--json"});
  REQUIRE(none.status == 0);
  const auto plain = nlohmann::json::parse(none.out);
  CHECK(plain["months"][0]["calendar_month"].is_null());
  CHECK(plain["events"] == nlohmann::json::array());
  CHECK(plain["commitment_risks"] == nlohmann::json::array());
}

TEST_CASE("curve --kind escalation prints net cost against the escalation rate",
          "[cli][escalation]") {
  const Run result = run({"curve", kCases + "escalation.scenario.json", "--kind", "escalation",
                          "--workload", "support", "--csv"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto rows = csvRows(result.out);
  REQUIRE(rows.size() >= 102);
  CHECK(rows[0] == std::vector<std::string>{"escalation_rate", "net_usd", "all_premium_net_usd",
                                            "is_break_even", "is_scenario_rate"});
  int breakEvens = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 5);
    const double rate = std::stod(rows[i][0]);
    // 0.9 × (787.5 + 3,375e) net, against all-premium 3,442.5 (HAND-CASES.md).
    CHECK(std::stod(rows[i][1]) == Approx(0.9 * (787.5 + 3375 * rate)));
    CHECK(std::stod(rows[i][2]) == Approx(3442.5));
    if (rows[i][3] == "1") {
      ++breakEvens;
      CHECK(rate == Approx(0.9));
    }
    if (rows[i][4] == "1")
      CHECK(rate == Approx(0.2));
  }
  CHECK(breakEvens == 1);
  CHECK(std::stod(rows[1][0]) == 0.0);
  CHECK(std::stod(rows.back()[0]) == 1.0);

  CHECK(run({"curve", kCases + "escalation.scenario.json", "--kind", "escalation"}).status == 2);
  const Run unknown = run({"curve", kCases + "escalation.scenario.json", "--kind", "escalation",
                           "--workload", "nobody"});
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Matchers::Contains("nobody"));
}

TEST_CASE("A month after the forecast is checked against its own card", "[cli][calendar]") {
  // The orphan retires in 2027-05 without a successor: month 4, after a
  // four-month forecast, has traffic that cannot move.
  const std::filesystem::path folder = std::filesystem::temp_directory_path();
  const std::filesystem::path card = folder / "bwi-cli-orphan-card.json";
  const std::filesystem::path scenario = folder / "bwi-cli-orphan.json";
  std::ofstream(card) << R"({ "format": "bedrock-whatif-ratecard", "version": 2,
      "as_of": "2026-11-01", "models": [
      { "id": "orphan", "on_demand": { "input_per_1m": 1, "output_per_1m": 5 },
        "end_of_life": "2027-05" } ] })";
  std::ofstream(scenario) << R"({ "format": "bedrock-whatif-scenario", "version": 1,
      "ratecard": "bwi-cli-orphan-card.json",
      "workloads": [{ "id": "w", "requests_per_month": 1000,
                      "tokens": { "system": 100 }, "routing": { "orphan": 1 } }],
      "forecast": { "months": 4, "start_month": "2027-01" } })";
  CHECK(run({"evaluate", scenario.string(), "--month", "3"}).status == 0);
  const Run later = run({"evaluate", scenario.string(), "--month", "4", "--json"});
  CHECK(later.status == 1);
  CHECK_THAT(later.err, Catch::Matchers::Contains("workloads[0].routing.orphan"));
  CHECK_THAT(later.err, Catch::Matchers::Contains("2027-05"));
  CHECK(later.out.empty());
  std::filesystem::remove(card);
  std::filesystem::remove(scenario);
}

TEST_CASE("forecast --json carries the commitment calendar and the next decision",
          "[cli][calendar][commitmentcalendar]") {
  // The example from 2027-01: PT Nova Pro ×1, one month, auto-renew, no notice;
  // the reservation on Claude Sonnet 4.5 (150K/10K TPM at the quoted $95 / $475
  // per 1K TPM-month: $14,250 + $4,750 = $19,000 a month), one month, 7 days'
  // notice. Sonnet 4.5 retires in 2027-04: idle 2027-04 … 2027-12, 9 × $19,000
  // = $171,000. Deadlines: Nova Pro 2027-01-31, the reservation 2027-01-31 − 7
  // = 2027-01-24 (the next decision); cancelling the term that ends with
  // 2027-03 (by 2027-03-24) avoids the idle months.
  const Run result = run({"forecast", test::kExample, "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  const auto &calendar = json["commitment_calendar"];
  REQUIRE(calendar.size() == 2);
  const auto &pt = calendar[0];
  CHECK(pt["commitment"] == "provisioned");
  CHECK(pt["model"] == "amazon.nova-pro-v1:0");
  CHECK(pt["auto_renew"] == true);
  CHECK(pt["term_end_date"] == "2027-01-31");
  CHECK(pt["cancel_by"]["date"] == "2027-01-31");
  CHECK(pt["renewal_months"] == nlohmann::json::array({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  CHECK(pt["idle_cost_usd"].get<double>() == 0.0);
  const auto &reserved = calendar[1];
  CHECK(reserved["commitment"] == "reserved");
  CHECK(reserved["label"] == "Reserved Claude Sonnet 4.5 150K/10K TPM");
  CHECK(reserved["cancel_notice_days"] == 7);
  CHECK(reserved["cancel_by"]["date"] == "2027-01-24");
  CHECK(reserved["end_of_life"] == "2027-04");
  CHECK(reserved["end_of_life_month"] == 3);
  CHECK(reserved["idle_months"] == nlohmann::json::array({3, 4, 5, 6, 7, 8, 9, 10, 11}));
  CHECK(reserved["idle_cost_usd"].get<double>() == Approx(171000.0).epsilon(1e-9));
  // The same figure as commitment_risks.
  REQUIRE(json["commitment_risks"].size() == 1);
  CHECK(json["commitment_risks"][0]["idle_cost_usd"] == reserved["idle_cost_usd"]);
  REQUIRE(reserved["decisions"].size() == 2);
  CHECK(reserved["decisions"][1]["kind"] == "end_of_life");
  CHECK(reserved["decisions"][1]["by"]["date"] == "2027-03-24");
  const auto &next = json["next_decision"];
  CHECK(next["kind"] == "renewal");
  CHECK(next["by"]["date"] == "2027-01-24");
  CHECK(next["text"] == "renew or cancel Reserved Claude Sonnet 4.5 150K/10K TPM by 2027-01-24");

  const Run text = run({"forecast", test::kExample});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("Commitment calendar (month 0 is 2027-01)") != std::string::npos);
  CHECK(text.out.find("idle 2027-04 to 2027-12: $171,000.00 gross") != std::string::npos);
  CHECK(text.out.find("Next decision: renew or cancel Reserved Claude Sonnet 4.5 150K/10K TPM "
                      "by 2027-01-24") != std::string::npos);

  // Without commitments: an empty calendar and no decision.
  const Run none = run({"forecast", kCases + "long-context.scenario.json", "--json"});
  REQUIRE(none.status == 0);
  const auto plain = nlohmann::json::parse(none.out);
  CHECK(plain["commitment_calendar"] == nlohmann::json::array());
  CHECK(plain["next_decision"].is_null());
}
