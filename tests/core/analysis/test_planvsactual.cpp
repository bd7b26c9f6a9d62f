#include "core/analysis/planvsactual.h"
#include "core/cost/preparedscenario.h"
#include "core/model/calendarmonth.h"
#include "core/report/planvsactualjson.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::closeTo;
using test::near;

namespace {

// The plan (docs/cost-model.md §17), every month alike:
// - w0, team "search", on "plain" ($1 in / $5 out per 1M): 1,000,000
//   requests of 1,000 in and 100 out: 1.1e9 tokens, $1,000 + $500 = $1,500;
// - w1, team "support", on "market" ($2 / $10): 100,000 requests of 1,000
//   in and 200 out: 1.2e8 tokens, $200 + $200 = $400;
// - one "pt" model unit on a one-month term, no traffic: 0.30 × 730 = $219.
// Plan tokens Q = 1.22e9 at $1,900; plan gross $2,119 a month.
const std::string kWorkloads = R"([
  { "id": "w0", "team": "search", "requests_per_month": 1000000,
    "tokens": { "system": 1000, "output": 100 }, "routing": { "plain": 1 } },
  { "id": "w1", "team": "support", "requests_per_month": 100000,
    "tokens": { "system": 1000, "output": 200 }, "routing": { "market": 1 } } ])";
const std::string kCommitment =
    R"("provisioned": [ { "model": "pt", "model_units": 1, "term": "one_month" } ])";

core::PreparedScenario plan(const std::string &extra = "") {
  const core::LoadedScenario loaded =
      test::load(test::scenarioJson(kWorkloads, kCommitment + extra));
  return core::prepareScenario(loaded.scenario, loaded.card);
}

// The bill: 2026-09, then 2026-10 with
// - plain: 1.2e9 input tokens $1,200, 1e8 output tokens $550 (a = 1.3e9, $1,750);
// - market: 5e7 input $100, 1e7 output $100 (a = 6e7, $200);
// - nobatch, not in the plan: 4e7 input $40;
// - pt: $250 of model-unit hours (no tokens).
// Actual tokens A = 1.4e9 at $1,990; actual gross $2,240.
core::ActualSpend bill(bool keyed = false) {
  const auto team = [keyed](const char *key) { return keyed ? std::string(key) : std::string(); };
  core::ActualSpend spend;
  spend.lines = {
      {"2026-09", "plain", "input", team("search"), 1100, 1.1e9},
      {"2026-09", "plain", "output", team("search"), 500, 1e8},
      {"2026-09", "market", "input", team("support"), 100, 5e7},
      {"2026-09", "market", "output", team("support"), 50, 5e6},
      {"2026-09", "pt", "provisioned", team(""), 250, 0},
      {"2026-10", "plain", "input", team("search"), 1200, 1.2e9},
      {"2026-10", "plain", "output", team("search"), 550, 1e8},
      {"2026-10", "market", "input", team("support"), 100, 5e7},
      {"2026-10", "market", "output", team("support"), 100, 1e7},
      {"2026-10", "nobatch", "input", team("search"), 40, 4e7},
      {"2026-10", "pt", "provisioned", team(""), 250, 0},
  };
  spend.discountUsd = 100;
  return spend;
}

const core::PlanVsActualRow &rowOf(const core::PlanVsActualMonth &month, const std::string &key) {
  for (const core::PlanVsActualRow &row : month.rows)
    if (row.key == key)
      return row;
  FAIL("no row " << key);
  return month.rows.front();
}

// The hand calculation of 2026-10 (docs/cost-model.md §17):
// p̄ = 1,900 / 1.22e9; P_plain = 1,500 / 1.1e9; P_market = 400 / 1.2e8.
const double kVolumePlain = (1.4e9 - 1.22e9) * (1.1e9 / 1.22e9) * (1500 / 1.1e9);   // 221.3114754
const double kVolumeMarket = (1.4e9 - 1.22e9) * (1.2e8 / 1.22e9) * (400 / 1.2e8);   // 59.0163934
const double kMixPlain = 1.4e9 * (1.3e9 / 1.4e9 - 1.1e9 / 1.22e9) * (1500 / 1.1e9); // 51.4157973
const double kMixMarket = 1.4e9 * (6e7 / 1.4e9 - 1.2e8 / 1.22e9) * (400 / 1.2e8);   // -259.0163934
const double kMixNobatch = 40; // only in the bill: the whole of it is mix
const double kPricePlain = 1750 - 1.3e9 * (1500 / 1.1e9); // -22.7272727
const double kCommitmentEffect = 250 - 219;               // 31

} // namespace

TEST_CASE("Plan against actual splits a month's variance into volume, price, mix and "
          "commitment, summing to it",
          "[core][analysis][planvsactual]") {
  const auto result = core::planVsActual(plan(), bill(), {});
  INFO(result.error);
  REQUIRE(result.value);
  const core::PlanVsActual &figures = *result.value;
  CHECK(figures.planStart == "2026-09");
  REQUIRE(figures.months.size() == 2);
  REQUIRE(figures.selected == 1);
  const core::PlanVsActualMonth &october = figures.months[1];
  CHECK(october.month == "2026-10");
  CHECK(october.planMonth == 1);
  CHECK_THAT(october.planUsd, near(1500 + 400 + 219));
  CHECK_THAT(october.actualUsd, near(1750 + 200 + 40 + 250));
  CHECK_THAT(october.varianceUsd(), near(121));
  CHECK_THAT(october.planTokens, near(1.22e9));
  CHECK_THAT(october.actualTokens, near(1.4e9));
  CHECK_THAT(october.effects.volumeUsd, closeTo(180e6 * 1900 / 1.22e9)); // 280.3278689
  CHECK_THAT(october.effects.volumeUsd, closeTo(kVolumePlain + kVolumeMarket));
  CHECK_THAT(october.effects.priceUsd, closeTo(kPricePlain));
  CHECK_THAT(october.effects.mixUsd, closeTo(kMixPlain + kMixMarket + kMixNobatch)); // -167.6006
  CHECK_THAT(october.effects.commitmentUsd, closeTo(kCommitmentEffect));
  CHECK_THAT(october.effects.totalUsd(), closeTo(october.varianceUsd()));

  const auto &plain = rowOf(october, "plain");
  CHECK_THAT(plain.planUsd, near(1500));
  CHECK_THAT(plain.actualUsd, near(1750));
  CHECK_THAT(plain.effects.volumeUsd, closeTo(kVolumePlain));
  CHECK_THAT(plain.effects.mixUsd, closeTo(kMixPlain));
  CHECK_THAT(plain.effects.priceUsd, closeTo(kPricePlain));
  const auto &market = rowOf(october, "market");
  CHECK_THAT(market.effects.mixUsd, closeTo(kMixMarket));
  CHECK_THAT(market.effects.priceUsd, closeTo(0));
  const auto &nobatch = rowOf(october, "nobatch");
  CHECK_THAT(nobatch.planUsd, near(0));
  CHECK_THAT(nobatch.effects.mixUsd, closeTo(kMixNobatch));
  CHECK_THAT(nobatch.effects.volumeUsd, near(0));
  CHECK_THAT(rowOf(october, "pt").effects.commitmentUsd, closeTo(kCommitmentEffect));
  for (const core::PlanVsActualRow &row : october.rows) {
    INFO(row.key);
    CHECK_THAT(row.effects.totalUsd(), closeTo(row.varianceUsd()));
  }
  // The plan's models first, in the plan's order, then the bill's others.
  REQUIRE(october.rows.size() == 4);
  CHECK(october.rows[3].key == "nobatch");

  // September: plain 1.2e9 tokens at $1,600, market 5.5e7 at $150.
  const core::PlanVsActualMonth &september = figures.months[0];
  CHECK_THAT(september.effects.totalUsd(), closeTo(2000 - 2119));
  CHECK_THAT(september.effects.volumeUsd, closeTo((1.255e9 - 1.22e9) * 1900 / 1.22e9));
}

TEST_CASE("Plan against actual's movers are the bill's three largest changes on the month "
          "before",
          "[core][analysis][planvsactual]") {
  const auto result = core::planVsActual(plan(), bill(), {});
  REQUIRE(result.value);
  CHECK(result.value->moversFrom == "2026-09");
  const auto &movers = result.value->movers;
  REQUIRE(movers.size() == 3); // pt did not move
  CHECK(movers[0].key == "plain");
  CHECK_THAT(movers[0].fromUsd, near(1600));
  CHECK_THAT(movers[0].toUsd, near(1750));
  CHECK_THAT(*movers[0].changeShare, near(150.0 / 1600));
  CHECK(movers[1].key == "market");
  CHECK_THAT(*movers[1].changeShare, near(50.0 / 150));
  CHECK(movers[2].key == "nobatch");
  CHECK_FALSE(movers[2].changeShare); // new this month

  core::PlanVsActualOptions first;
  first.month = "2026-09";
  const auto september = core::planVsActual(plan(), bill(), first);
  REQUIRE(september.value);
  CHECK(september.value->moversFrom.empty());
  CHECK(september.value->movers.empty());
}

TEST_CASE("Plan against actual runs cumulative actual then forecast against the budget",
          "[core][analysis][planvsactual]") {
  CHECK_FALSE(core::planVsActual(plan(), bill(), {}).value->budget);

  const std::string months = R"(, "forecast": { "months": 3, "budget_usd": )";
  const auto over = core::planVsActual(plan(months + "2050 }"), bill(), {});
  REQUIRE(over.value);
  REQUIRE(over.value->budget);
  const core::BudgetRunOut &budget = *over.value->budget;
  CHECK_THAT(budget.horizonBudgetUsd, near(3 * 2050));
  REQUIRE(budget.points.size() == 3);
  // The bill's $100 of discounts shared by gross: $2,000 and $2,240 of $4,240.
  CHECK(budget.points[0].actual);
  CHECK_THAT(budget.points[0].spendUsd, near(2000 - 100 * 2000 / 4240.0));
  CHECK_THAT(budget.points[1].cumulativeUsd, near(4240 - 100));
  CHECK_FALSE(budget.points[2].actual);
  CHECK(budget.points[2].month == "2026-11");
  CHECK_THAT(budget.points[2].spendUsd, near(2119));
  CHECK_THAT(budget.points[2].cumulativeUsd, near(4140 + 2119));
  CHECK_THAT(budget.points[2].budgetCumulativeUsd, near(6150));
  REQUIRE(budget.runOutMonth);
  CHECK(*budget.runOutMonth == "2026-11"); // 6,259 > 6,150

  // The caller's forecast (the window's workbench) gives the same figures.
  const core::PreparedScenario scenario = plan(months + "2050 }");
  const core::Forecast known = core::forecast(scenario);
  core::PlanVsActualOptions withForecast;
  withForecast.forecast = &known;
  const auto again = core::planVsActual(scenario, bill(), withForecast);
  CHECK_THAT(again.value->budget->points[2].cumulativeUsd, near(4140 + 2119));
  CHECK(again.value->budget->runOutMonth == budget.runOutMonth);

  const auto under = core::planVsActual(plan(months + "2100 }"), bill(), {});
  REQUIRE(under.value->budget);
  CHECK_FALSE(under.value->budget->runOutMonth); // 6,259 <= 6,300
}

TEST_CASE("Plan against actual by team adds the same cells by the bill's key",
          "[core][analysis][planvsactual]") {
  core::PlanVsActualOptions options;
  options.by = core::PlanGrouping::Team;
  const auto unkeyed = core::planVsActual(plan(), bill(false), options);
  CHECK_FALSE(unkeyed.value);
  CHECK_THAT(unkeyed.error, Catch::Matchers::Contains("no team key"));

  const auto result = core::planVsActual(plan(), bill(true), options);
  REQUIRE(result.value);
  const core::PlanVsActualMonth &october = result.value->months[1];
  const auto &search = rowOf(october, "search");
  CHECK_THAT(search.planUsd, near(1500));
  CHECK_THAT(search.actualUsd, near(1790));
  CHECK_THAT(search.effects.volumeUsd, closeTo(kVolumePlain));
  CHECK_THAT(search.effects.mixUsd, closeTo(kMixPlain + kMixNobatch));
  CHECK_THAT(search.effects.priceUsd, closeTo(kPricePlain));
  CHECK_THAT(rowOf(october, "support").effects.mixUsd, closeTo(kMixMarket));
  // The plan's PT charge is shown back to no workload; the bill's has no key.
  CHECK_THAT(rowOf(october, "(unallocated)").effects.commitmentUsd, closeTo(-219));
  CHECK_THAT(rowOf(october, "(no team)").effects.commitmentUsd, closeTo(250));
  CHECK_THAT(october.effects.totalUsd(), closeTo(121));
  CHECK(result.value->movers.front().key == "search"); // +$190
}

TEST_CASE("Plan against actual maps the plan's start and refuses months it cannot compare",
          "[core][analysis][planvsactual]") {
  core::PlanVsActualOptions options;
  options.planStart = "2026-10";
  const auto late = core::planVsActual(plan(), bill(), options);
  REQUIRE(late.value);
  REQUIRE(late.value->months.size() == 1);
  CHECK(late.value->months[0].planMonth == 0);
  REQUIRE(late.value->notes.size() == 1);
  CHECK_THAT(late.value->notes[0], Catch::Matchers::Contains("2026-09"));

  options.month = "2026-09";
  CHECK_THAT(core::planVsActual(plan(), bill(), options).error,
             Catch::Matchers::Contains("before the plan's start"));
  options = {};
  options.month = "2026-12";
  CHECK_THAT(core::planVsActual(plan(), bill(), options).error,
             Catch::Matchers::Contains("no charges in 2026-12"));
  CHECK_FALSE(core::planVsActual(plan(), core::ActualSpend{}, {}).value);
  CHECK(core::parseCalendarMonth("2026-13") == std::nullopt);
  CHECK(core::formatCalendarMonth(*core::parseCalendarMonth("2026-12") + 1) == "2027-01");
}

TEST_CASE("Plan against actual's JSON carries every month, the movers and the budget",
          "[core][analysis][planvsactual][json]") {
  const auto result =
      core::planVsActual(plan(R"(, "forecast": { "months": 3, "budget_usd": 2050 })"), bill(), {});
  REQUIRE(result.value);
  const core::Json json = core::planVsActualToJson(*result.value, "test");
  CHECK(json["month"] == "2026-10");
  CHECK(json["by"] == "model");
  CHECK(json["months"].size() == 2);
  CHECK_THAT(json["months"][1]["effects"]["commitment_other_usd"].get<double>(), closeTo(31));
  CHECK_THAT(json["months"][1]["rows"][0]["variance_usd"].get<double>(), near(250));
  CHECK(json["movers"]["top"][2]["change_share"].is_null());
  CHECK(json["budget"]["run_out_month"] == "2026-11");
  CHECK(json["budget"]["months"][2]["source"] == "forecast");
}
