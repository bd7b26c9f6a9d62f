#include "tests/core/testsupport.h"

#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "core/forecast/forecast.h"
#include "core/model/calendarmonth.h"
#include "core/model/scenariofields.h"

#include <algorithm>

using namespace bwi;
using test::costOf;
using test::near;

namespace {

// A million requests of 1,000 input and 100 output tokens cost 1,000·p_in +
// 100·p_out dollars on a model priced p_in / p_out per 1M.
//
// sonnet: $3 / $15, batch $1.50 / $7.50, with four changes listed out of
// order: 2027-06 input $2; 2027-03 input $6 and output $30 (the promotion
// ends), 2027-03 batch withdrawn, 2027-03 input $5. In order of effective,
// ties in file order: 2027-01..02 $3 / $15 ($4,500); 2027-03..05 $5 / $30
// ($8,000); from 2027-06 $2 / $30 ($5,000).
// old ($1 / $5, $1,500) retires in 2027-04 to new ($2 / $10, $3,000), which
// retires in 2027-06 to newer ($4 / $20, $6,000). orphan retires in 2027-05
// with no successor; loop1 and loop2 retire in 2027-02, each the other's
// successor. ptold ($1 / $5) has PT at $0.50 per MU-hour (10,000 / 1,000 TPM
// per MU) and the Reserved tier at $10 / $50 per 1K TPM-month, and retires
// in 2027-04 to new. ptchange loses its PT prices in 2027-03.
std::string calendarCard() {
  return R"({
    "format": "bedrock-whatif-ratecard", "version": 2, "as_of": "2026-11-01",
    "models": [
      { "id": "sonnet", "name": "Sonnet 5",
        "on_demand": { "input_per_1m": 3.0, "output_per_1m": 15.0 },
        "batch": { "input_per_1m": 1.5, "output_per_1m": 7.5 }, "cache": null,
        "price_changes": [
          { "effective": "2027-06", "note": "list price cut", "on_demand": { "input_per_1m": 2 } },
          { "effective": "2027-03", "note": "launch promotion ends", "source": "AWS blog",
            "on_demand": { "input_per_1m": 6, "output_per_1m": 30 } },
          { "effective": "2027-03", "note": "batch withdrawn", "batch": null },
          { "effective": "2027-03", "on_demand": { "input_per_1m": 5 } } ] },
      { "id": "old", "name": "Old", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null, "end_of_life": "2027-04", "successor": "new" },
      { "id": "new", "name": "New", "on_demand": { "input_per_1m": 2.0, "output_per_1m": 10.0 },
        "batch": null, "cache": null, "end_of_life": "2027-06", "successor": "newer" },
      { "id": "newer", "name": "Newer", "on_demand": { "input_per_1m": 4.0, "output_per_1m": 20.0 },
        "batch": null, "cache": null },
      { "id": "orphan", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null, "end_of_life": "2027-05" },
      { "id": "loop1", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null, "end_of_life": "2027-02", "successor": "loop2" },
      { "id": "loop2", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null, "end_of_life": "2027-02", "successor": "loop1" },
      { "id": "ptold", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "one_month": 0.5 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 },
        "reserved": { "one_month": { "input_per_1k_tpm_month": 10, "output_per_1k_tpm_month": 50 },
                      "min_input_tpm": 1000, "min_output_tpm": 100 },
        "end_of_life": "2027-04", "successor": "new" },
      { "id": "ptchange", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "one_month": 1.0 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 },
        "price_changes": [ { "effective": "2027-03", "provisioned": null } ] }
    ]
  })";
}

std::string scenario(const std::string &routing, const std::string &forecast,
                     const std::string &extra = "", const std::string &workloadExtra = "") {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "calendar",
              "ratecard": )" +
         calendarCard() + R"(, "workloads": [{ "id": "w", "requests_per_month": 1000000,
             "tokens": { "system": 1000, "output": 100 }, "routing": )" +
         routing + (workloadExtra.empty() ? "" : ", " + workloadExtra) + R"(}],
             "forecast": )" +
         forecast + (extra.empty() ? "" : ", " + extra) + "}";
}

const char *kFromJanuary = R"({ "months": 8, "start_month": "2027-01" })";

std::vector<double> monthlyGross(const core::LoadedScenario &loaded, int months) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  std::vector<double> gross;
  for (int month = 0; month < months; ++month)
    gross.push_back(core::evaluate(prepared, month).grossUsd);
  return gross;
}

std::string messageAt(const core::ValidationIssues &issues, const std::string &path) {
  for (const core::ValidationIssue &issue : issues)
    if (issue.path == path)
      return issue.message;
  return "(no issue at " + path + ")";
}

std::size_t countContaining(const std::vector<std::string> &warnings, const std::string &text) {
  return static_cast<std::size_t>(
      std::count_if(warnings.begin(), warnings.end(),
                    [&](const std::string &w) { return w.find(text) != std::string::npos; }));
}

} // namespace

TEST_CASE("Calendar months are YYYY-MM, counted in whole months", "[core][calendar]") {
  CHECK(core::parseCalendarMonth("2027-03") == 2027 * 12 + 2);
  CHECK(core::formatCalendarMonth(2027 * 12 + 11) == "2027-12");
  CHECK(core::formatCalendarMonth(*core::parseCalendarMonth("2026-12") + 1) == "2027-01");
  for (const char *bad : {"2027-13", "2027-00", "2027-3", "27-03", "2027/03", "2027-03-01", ""})
    CHECK_FALSE(core::parseCalendarMonth(bad));
}

TEST_CASE("Each month uses the card as it stands in its calendar month", "[core][calendar]") {
  const core::LoadedScenario loaded = test::load(scenario(R"({ "sonnet": 1 })", kFromJanuary));
  CHECK(monthlyGross(loaded, 8) ==
        std::vector<double>{4500, 4500, 8000, 8000, 8000, 5000, 5000, 5000});
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  CHECK(core::evaluate(prepared, 0).calendarMonth == std::optional<std::string>("2027-01"));
  CHECK(core::evaluate(prepared, 7).calendarMonth == std::optional<std::string>("2027-08"));
  SECTION("prepared once per stretch of months with the same card") {
    REQUIRE(prepared.segments.size() == 3);
    CHECK(prepared.segments[1].firstMonth == 2);
    CHECK(prepared.segments[2].firstMonth == 5);
    CHECK(&prepared.segment(4) == &prepared.segments[1]);
    CHECK(&prepared.segment(100) == &prepared.segments[2]);
  }
  SECTION("the batch withdrawn in 2027-03 bills the batch share on demand from then on") {
    const core::LoadedScenario batched =
        test::load(scenario(R"({ "sonnet": 1 })", kFromJanuary, "", R"("batch_share": 0.5)"));
    const core::PreparedScenario ready = core::prepareScenario(batched.scenario, batched.card);
    // 2027-01: half at $4,500 and half at 1,000 × $1.50 + 100 × $7.50 = $2,250.
    CHECK_THAT(core::evaluate(ready, 0).grossUsd, near(3375.0));
    const core::Evaluation march = core::evaluate(ready, 2);
    CHECK_THAT(march.grossUsd, near(8000.0));
    CHECK(countContaining(march.warnings, "no batch price") == 1);
  }
}

TEST_CASE("A negotiated override wins over every price change", "[core][calendar]") {
  // input $4 in every month: 2027-01 $4,000 + $1,500; 2027-03 $4,000 + $3,000.
  const core::LoadedScenario loaded = test::load(
      scenario(R"({ "sonnet": 1 })", kFromJanuary,
               R"("ratecard_overrides": { "sonnet": { "on_demand": { "input_per_1m": 4 } } })"));
  CHECK(monthlyGross(loaded, 8) ==
        std::vector<double>{5500, 5500, 7000, 7000, 7000, 7000, 7000, 7000});
}

TEST_CASE("A price change dated before start_month is in force from month 0", "[core][calendar]") {
  const core::LoadedScenario loaded =
      test::load(scenario(R"({ "sonnet": 1 })", R"({ "months": 3, "start_month": "2027-04" })"));
  CHECK(monthlyGross(loaded, 3) == std::vector<double>{8000, 8000, 5000});
}

TEST_CASE("Without a calendar the card's own prices apply, with one warning", "[core][calendar]") {
  const core::LoadedScenario loaded =
      test::load(scenario(R"({ "sonnet": 0.5, "old": 0.5 })", R"({ "months": 8 })"));
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  for (int month : {0, 3, 7}) {
    // 0.5 × $4,500 + 0.5 × $1,500 in every month; nothing retires.
    const core::Evaluation result = core::evaluate(prepared, month);
    CHECK_THAT(result.grossUsd, near(3000.0));
    CHECK_FALSE(result.calendarMonth);
    CHECK(result.warnings.size() == 1);
    CHECK(countContaining(result.warnings, "forecast.start_month") == 1);
  }
  SECTION("no warning when the dated models carry no traffic") {
    const core::LoadedScenario quiet =
        test::load(scenario(R"({ "sonnet": 0, "newer": 1 })", R"({ "months": 8 })"));
    CHECK(core::evaluate(core::prepareScenario(quiet.scenario, quiet.card), 0).warnings.empty());
  }
}

TEST_CASE("At its end of life a model's share moves to its successor, chains followed",
          "[core][calendar]") {
  SECTION("one model") {
    const core::LoadedScenario loaded = test::load(scenario(R"({ "old": 1 })", kFromJanuary));
    // old $1,500 to 2027-03, new $3,000 in 2027-04 and 05, newer $6,000 after.
    CHECK(monthlyGross(loaded, 8) ==
          std::vector<double>{1500, 1500, 1500, 3000, 3000, 6000, 6000, 6000});
    const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
    CHECK(core::evaluate(prepared, 2).warnings.empty());
    const core::Evaluation april = core::evaluate(prepared, 3);
    REQUIRE(april.warnings.size() == 1);
    CHECK(april.warnings[0].find("old reaches its end of life in 2027-04") != std::string::npos);
    CHECK(april.warnings[0].find("moves to new") != std::string::npos);
    const core::Evaluation june = core::evaluate(prepared, 5);
    REQUIRE(june.warnings.size() == 1);
    CHECK(june.warnings[0].find("moves to newer") != std::string::npos);
  }
  SECTION("added to the share the successor already has") {
    const core::LoadedScenario loaded =
        test::load(scenario(R"({ "old": 0.6, "new": 0.4 })", kFromJanuary));
    const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
    const core::Evaluation april = core::evaluate(prepared, 3);
    CHECK_THAT(april.grossUsd, near(3000.0));
    CHECK(april.byModel.size() == 1);
    CHECK(april.warnings.size() == 1); // only old moved
    const core::Evaluation june = core::evaluate(prepared, 5);
    CHECK_THAT(june.grossUsd, near(6000.0));
    CHECK(june.warnings.size() == 2); // old and new, each to newer
  }
}

TEST_CASE("Traffic that cannot move is an error naming the end-of-life month",
          "[core][calendar][validation]") {
  SECTION("no successor") {
    const auto issues = test::issuesOf(scenario(R"({ "orphan": 1 })", kFromJanuary));
    CHECK(messageAt(issues, "workloads[0].routing.orphan").find("2027-05") != std::string::npos);
  }
  SECTION("a loop of successors") {
    const auto issues = test::issuesOf(scenario(R"({ "loop1": 1 })", kFromJanuary));
    CHECK(messageAt(issues, "workloads[0].routing.loop1").find("successors loop") !=
          std::string::npos);
  }
  SECTION("a retired escalation target without a successor") {
    CHECK(test::hasIssueAt(test::issuesOf(scenario(R"({ "newer": 1 })", kFromJanuary, "",
                                                   R"("escalation": { "to": "orphan",
                                                       "rate": 0.1 })")),
                           "workloads[0].escalation.to"));
  }
  SECTION("not without a calendar, not without traffic, not after the forecast") {
    test::load(scenario(R"({ "orphan": 1 })", R"({ "months": 8 })"));
    test::load(scenario(R"({ "orphan": 0, "old": 1 })", kFromJanuary));
    test::load(scenario(R"({ "newer": 1 })", kFromJanuary, "",
                        R"("escalation": { "to": "orphan", "rate": 0 })"));
    const core::LoadedScenario shortForecast =
        test::load(scenario(R"({ "orphan": 1 })", R"({ "months": 4, "start_month": "2027-01" })"));
    SECTION("but evaluating a month after the forecast checks that month") {
      core::ValidationIssues issues;
      core::validateCalendarMonth(shortForecast.scenario, shortForecast.card, 3, issues);
      CHECK(issues.empty());
      core::validateCalendarMonth(shortForecast.scenario, shortForecast.card, 4, issues);
      CHECK(test::hasIssueAt(issues, "workloads[0].routing.orphan"));
    }
  }
}

TEST_CASE("A retired escalation target is replaced by its successor, after the moves",
          "[core][calendar][escalation]") {
  // 2027-01: sonnet 0.8 × $4,500 + new 0.2 × $3,000 + old 0.5 × $1,500 = $4,950.
  // 2027-04: old has retired to new, whose share after the moves is 0.2:
  // 0.2 + 0.5 × 0.8 = 0.6; 0.8 × $8,000 + 0.6 × $3,000 = $8,200.
  const core::LoadedScenario loaded =
      test::load(scenario(R"({ "sonnet": 0.8, "new": 0.2 })", kFromJanuary, "",
                          R"("escalation": { "to": "old", "rate": 0.5 })"));
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  CHECK_THAT(core::evaluate(prepared, 0).grossUsd, near(4950.0));
  const core::Evaluation april = core::evaluate(prepared, 3);
  CHECK_THAT(april.grossUsd, near(8200.0));
  CHECK_THAT(costOf(april.byModel, "new"), near(1800.0));
  CHECK(countContaining(april.warnings, "old reaches its end of life") == 1);
}

TEST_CASE("A commitment on a retired model keeps its charge, idle", "[core][calendar]") {
  SECTION("provisioned throughput") {
    // 2027-01: load 1e6 × (1,000/10,000 + 100/1,000) / 43,800 = 200,000 / 43,800
    // MU; 2 MU serve 87,600 / 200,000 = 0.438 of it. Charge 2 × $0.50 × 730 =
    // $730, overflow $1,500 × 0.562 = $843.
    // 2027-04: the traffic is on new ($3,000); the $730 serves nobody.
    const core::LoadedScenario loaded =
        test::load(scenario(R"({ "ptold": 1 })", kFromJanuary,
                            R"("provisioned": [{ "model": "ptold", "model_units": 2 }])"));
    const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
    const core::Evaluation january = core::evaluate(prepared, 0);
    CHECK_THAT(january.grossUsd, near(1573.0));
    const core::Evaluation april = core::evaluate(prepared, 3);
    CHECK_THAT(april.grossUsd, near(3730.0));
    REQUIRE(april.provisioned.size() == 1);
    const core::ProvisionedResult &pt = april.provisioned[0];
    CHECK_THAT(pt.costUsd, near(730.0));
    CHECK(pt.utilization == 0.0);
    CHECK_FALSE(pt.breakEvenUtilization);
    CHECK_FALSE(pt.breakEvenVolumeMultiplier);
    CHECK(pt.floorModelUnits == 0);
    CHECK(pt.optimalModelUnits == 0);
    CHECK_THAT(costOf(april.byWorkload, core::kUnallocatedKey), near(730.0));
    CHECK_THAT(costOf(april.byTeam, core::kUnallocatedKey), near(730.0));
    CHECK_THAT(costOf(april.byWorkload, "w"), near(3000.0));

    SECTION("the forecast names the idle months and their cost") {
      const core::Forecast ahead = core::forecast(prepared);
      REQUIRE(ahead.commitmentRisks.size() == 1);
      const core::CommitmentRisk &risk = ahead.commitmentRisks[0];
      CHECK(risk.modelId == "ptold");
      CHECK_FALSE(risk.reserved);
      CHECK(risk.endOfLife == "2027-04");
      CHECK(risk.successor == "new");
      CHECK(risk.idleMonths == std::vector<int>{3, 4, 5, 6, 7});
      CHECK(risk.idleCalendarMonths.front() == "2027-04");
      CHECK_THAT(risk.idleCostUsd, near(5 * 730.0));
    }
  }
  SECTION("a reservation: charged, utilization 0, floor and optimum 0") {
    // 2 × $10 + 0.2 × $50 = $30 a month.
    const core::LoadedScenario loaded = test::load(
        scenario(R"({ "ptold": 1 })", kFromJanuary,
                 R"("reserved": [{ "model": "ptold", "input_tpm": 2000, "output_tpm": 200 }])"));
    const core::Evaluation april =
        core::evaluate(core::prepareScenario(loaded.scenario, loaded.card), 3);
    REQUIRE(april.reserved.size() == 1);
    const core::ReservedResult &reserved = april.reserved[0];
    CHECK_THAT(reserved.costUsd, near(30.0));
    CHECK(*reserved.utilizationInput == 0.0);
    CHECK(*reserved.utilizationOutput == 0.0);
    CHECK(reserved.floorInputTpm == 0.0);
    CHECK(reserved.floorOutputTpm == 0.0);
    CHECK(reserved.optimalInputTpm == 0.0);
    CHECK(reserved.optimalOutputTpm == 0.0);
    CHECK_THAT(costOf(april.byWorkload, core::kUnallocatedKey), near(30.0));
  }
}

TEST_CASE("A commitment must be priced in every month from its start to the forecast's end",
          "[core][calendar][validation]") {
  const std::string commitment = R"("provisioned": [{ "model": "ptchange", "model_units": 1 }])";
  const auto issues = test::issuesOf(scenario(R"({ "ptchange": 1 })", kFromJanuary, commitment));
  CHECK(messageAt(issues, "provisioned[0].model").find("2027-03") != std::string::npos);
  // Two months end before the change; evaluating month 2 checks it.
  const core::LoadedScenario shortForecast = test::load(
      scenario(R"({ "ptchange": 1 })", R"({ "months": 2, "start_month": "2027-01" })", commitment));
  core::ValidationIssues later;
  core::validateCalendarMonth(shortForecast.scenario, shortForecast.card, 2, later);
  CHECK(test::hasIssueAt(later, "provisioned[0].model"));
}

TEST_CASE("The forecast's events name price changes, promotions and ends of life",
          "[core][calendar]") {
  const core::LoadedScenario loaded =
      test::load(scenario(R"({ "sonnet": 0.5, "old": 0.5 })", kFromJanuary));
  const core::Forecast ahead = core::forecast(core::prepareScenario(loaded.scenario, loaded.card));
  std::vector<std::string> labels;
  for (const core::CalendarEvent &event : ahead.events)
    labels.push_back(event.calendarMonth + " " + std::string(core::toString(event.kind)) + " " +
                     event.label);
  CHECK(labels == std::vector<std::string>{
                      "2027-03 promotion_end Sonnet 5 promotion ends",
                      "2027-03 price_change Sonnet 5 → batch withdrawn",
                      "2027-03 price_change Sonnet 5: new prices",
                      "2027-04 end_of_life Old retires → New",
                      "2027-06 price_change Sonnet 5 → list price cut",
                      "2027-06 end_of_life New retires → Newer",
                  });
  CHECK(ahead.events[0].month == 2);
  REQUIRE(ahead.months.size() == 8);
  CHECK(ahead.months[7].calendarMonth == std::optional<std::string>("2027-08"));
}

TEST_CASE("The fast totals equal the full evaluation in every month of a calendar",
          "[core][calendar][ranges]") {
  const core::LoadedScenario loaded = test::load(scenario(
      R"({ "sonnet": 0.3, "old": 0.3, "ptold": 0.4 })", kFromJanuary,
      R"("provisioned": [{ "model": "ptold", "model_units": 1 }], "agreement": { "discount": 0.1 })",
      R"("escalation": { "to": "new", "rate": 0.2 }, "growth_per_month": 0.05)"));
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  for (int month = 0; month < 12; ++month)
    for (double scale : {0.5, 1.0, 3.0}) {
      const core::Evaluation full = core::evaluate(prepared, month, {scale, false});
      const core::MonthTotals totals = core::monthTotals(prepared, month, scale);
      CHECK(totals.netUsd == full.netUsd);
      CHECK(totals.grossUsd == full.grossUsd);
    }
}

TEST_CASE("Calendar dates are checked with or without a calendar", "[core][calendar][files]") {
  const auto withCard = [](const std::string &from, const std::string &to) {
    std::string json = scenario(R"({ "newer": 1 })", R"({ "months": 3 })");
    json.replace(json.find(from), from.size(), to);
    return json;
  };
  CHECK(test::hasIssueAt(
      test::issuesOf(withCard(R"("end_of_life": "2027-04")", R"("end_of_life": "2027-13")")),
      "ratecard.models[1].end_of_life"));
  CHECK(test::hasIssueAt(
      test::issuesOf(withCard(R"("effective": "2027-06")", R"("effective": "June 2027")")),
      "ratecard.models[0].price_changes[0].effective"));
  CHECK(test::hasIssueAt(test::issuesOf(withCard(R"("effective": "2027-06", )", "")),
                         "ratecard.models[0].price_changes[0].effective"));
  CHECK(test::hasIssueAt(
      test::issuesOf(scenario(R"({ "newer": 1 })", R"({ "start_month": "2027-1" })")),
      "forecast.start_month"));
  SECTION("a change that leaves an invalid model is refused where it comes in") {
    CHECK(test::hasIssueAt(
        test::issuesOf(withCard(R"("provisioned": null })",
                                R"("provisioned": { "input_tpm_per_mu": 0.5 } })")),
        "ratecard.models[8].price_changes[0].provisioned.input_tpm_per_mu"));
  }
  SECTION("an unknown key in a change is named like any unknown field") {
    const auto load = core::loadScenarioText(
        withCard(R"("note": "list price cut", )", R"("note": "list price cut", "discount": 1, )"),
        ".", "test.json");
    REQUIRE(load.loaded);
    REQUIRE(load.unknownFields.size() == 1);
    CHECK(load.unknownFields[0].path == "ratecard.models[0].price_changes[0].discount");
  }
}

TEST_CASE("A dated card and a calendar scenario are written back as read",
          "[core][calendar][files]") {
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(calendarCard(), issues);
  REQUIRE(json);
  const core::RateCard card = core::readRateCard(*json, "", issues);
  REQUIRE(issues.empty());
  CHECK(card.version == 2);
  const core::Json written = core::rateCardToJson(card);
  CHECK(written["version"] == 2);
  CHECK(written["models"][0]["price_changes"].size() == 4);
  CHECK(written["models"][0]["price_changes"][2]["batch"].is_null());
  const core::RateCard again = core::readRateCard(written, "", issues);
  CHECK(issues.empty());
  CHECK(again == card);

  const core::LoadedScenario loaded = test::load(scenario(R"({ "sonnet": 1 })", kFromJanuary));
  const core::Scenario reread = core::readScenario(core::scenarioToJson(loaded.scenario), issues);
  CHECK(issues.empty());
  CHECK(reread == loaded.scenario);
  CHECK(reread.forecast.startMonth == std::optional<std::string>("2027-01"));

  core::Scenario edited = loaded.scenario;
  const core::FieldKey start{core::Field::ForecastStartMonth};
  CHECK(core::getField(edited, start) == core::FieldValue(std::string("2027-01")));
  CHECK(core::setField(edited, start, std::string("2027-05")));
  CHECK(edited.forecast.startMonth == std::optional<std::string>("2027-05"));
  CHECK(core::setField(edited, start, std::monostate{}));
  CHECK_FALSE(edited.forecast.startMonth);
}
