#include "core/analysis/commitmentplanner.h"
#include "core/analysis/planvsactual.h"
#include "core/forecast/forecast.h"
#include "core/report/onepager.h"
#include "tests/core/testsupport.h"

#include <cmath>

using namespace bwi;
using test::closeTo;

namespace {

struct Page {
  core::LoadedScenario loaded;
  core::PreparedScenario prepared;
  core::Evaluation month0;
  core::Forecast forecast;
  std::optional<core::CommitmentPlan> plan;
  core::OnePager page;
};

Page pageOf(const std::string &json, bool plan, const core::PlanVsActual *actuals = nullptr,
            std::optional<int> historyDays = 120) {
  Page p{test::load(json), {}, {}, {}, {}, {}};
  p.loaded.scenario.forecast.historyDays = historyDays;
  p.prepared = core::prepareScenario(p.loaded.scenario, p.loaded.card);
  p.month0 = core::evaluate(p.prepared, 0);
  p.forecast = core::forecast(p.prepared);
  if (plan) {
    core::PlanOptions options;
    options.trials = 200;
    p.plan = core::planCommitments(p.prepared, options);
  }
  core::OnePagerInputs inputs;
  inputs.scenario = &p.loaded.scenario;
  inputs.card = &p.loaded.card;
  inputs.prepared = &p.prepared;
  inputs.evaluation = &p.month0;
  inputs.forecast = &p.forecast;
  inputs.plan = p.plan ? &*p.plan : nullptr;
  inputs.actuals = actuals;
  p.page = core::onePager(inputs);
  return p;
}

// w0 on "plain" ($1 in / $5 out per 1M): 1,000,000 requests of 1,000 in and
// 100 out, $1,500 in month 0, growing 10% a month; w1 on "market": 100,000
// requests of 1,000 in and 200 out, $400 flat. No agreement: net = gross.
// Month k: 1,500 · 1.1^k + 400.
const std::string kBudgetWorkloads = R"([
  { "id": "w0", "name": "Support bot", "requests_per_month": 1000000, "growth_per_month": 0.1,
    "tokens": { "system": 1000, "output": 100 }, "routing": { "plain": 1 },
    "unit": { "name": "ticket", "per_request": 0.5, "target_usd": 0.0025, "tolerance": 0.1 } },
  { "id": "w1", "requests_per_month": 100000,
    "tokens": { "system": 1000, "output": 200 }, "routing": { "market": 1 } } ])";

std::string budgetScenario(const std::string &forecast) {
  return test::scenarioJson(kBudgetWorkloads, R"("forecast": )" + forecast);
}

// 21,900,000 requests a month of 1,000 in and 100 out on "pt" (10,000 in /
// 1,000 out TPM per MU), flat: 500 a minute, a load of 500 · (0.1 + 0.1) =
// 100 MU every hour. On demand: 21.9e6 · $0.0015 = $32,850 a month. 100 MU
// on six months: 100 · 0.20 · 730 = $14,600, all of it used.
const std::string kCommitWorkloads = R"([
  { "id": "steady", "requests_per_month": 21900000, "profile": "flat",
    "tokens": { "system": 1000, "output": 100 }, "routing": { "pt": 1 } } ])";

} // namespace

TEST_CASE("The one-pager's budget: this month, the year, the first month over and the run-out",
          "[core][report]") {
  const Page p = pageOf(
      budgetScenario(R"({ "months": 12, "budget_usd": 1950, "start_month": "2027-01" })"), false);
  const core::PackBudget &budget = p.page.budget;
  REQUIRE(budget.monthlyBudgetUsd);
  CHECK_THAT(budget.monthNetUsd, closeTo(1900));
  CHECK_THAT(*budget.monthOverUsd, closeTo(-50));
  CHECK(budget.yearMonths == 12);
  // Σ 1,500 · 1.1^k + 400 over k = 0 … 11 = 1,500 · (1.1^12 − 1) / 0.1 + 4,800.
  CHECK_THAT(budget.yearNetUsd, closeTo(1500 * (std::pow(1.1, 12) - 1) / 0.1 + 4800));
  CHECK_THAT(*budget.yearBudgetUsd, closeTo(1950 * 12));
  // Month 1: 1,650 + 400 = 2,050 > 1,950.
  CHECK(budget.firstOverMonth == 1);
  CHECK(budget.firstOverCalendarMonth == "2027-02");
  // Cumulative through month 7: 20,353.77; through month 8: 23,969.15 > 12 · 1,950 = 23,400.
  CHECK(budget.runOutMonth == 8);
  CHECK(budget.runOutCalendarMonth == "2027-09");
  CHECK(budget.sentence.find("$50.00 under") != std::string::npos);
  CHECK(budget.sentence.find("from 2027-02") != std::string::npos);
  CHECK(budget.sentence.find("runs out in 2027-09") != std::string::npos);

  SECTION("without a calendar the months are counted from 0") {
    const Page plain = pageOf(budgetScenario(R"({ "months": 12, "budget_usd": 1950 })"), false);
    CHECK(plain.page.budget.runOutMonth == 8);
    CHECK_FALSE(plain.page.budget.runOutCalendarMonth);
    CHECK(plain.page.budget.sentence.find("runs out in month 8") != std::string::npos);
  }
  SECTION("a budget never reached never runs out") {
    const Page rich = pageOf(budgetScenario(R"({ "months": 12, "budget_usd": 100000 })"), false);
    CHECK_FALSE(rich.page.budget.firstOverMonth);
    CHECK_FALSE(rich.page.budget.runOutMonth);
    CHECK(rich.page.budget.sentence.find("does not run out") != std::string::npos);
  }
  SECTION("without a budget the sentence says so") {
    const Page none = pageOf(budgetScenario(R"({ "months": 12 })"), false);
    CHECK_FALSE(none.page.budget.monthlyBudgetUsd);
    CHECK(none.page.budget.sentence.find("No budget set") == 0);
  }
}

TEST_CASE("The one-pager's unit costs and the forecast's movers", "[core][report]") {
  const Page p = pageOf(
      budgetScenario(R"({ "months": 12, "budget_usd": 1950, "start_month": "2027-01" })"), false);
  // w0: 500,000 tickets for $1,500: $0.003 a ticket, above the band $0.00225-$0.00275.
  REQUIRE(p.page.unitCosts.size() == 1);
  const core::PackUnitCost &unit = p.page.unitCosts.front();
  CHECK(unit.workloadName == "Support bot");
  CHECK(unit.cost.unit == "ticket");
  CHECK_THAT(*unit.cost.costPerUnitUsd, closeTo(0.003));
  CHECK(unit.cost.status == core::UnitCostStatus::Above);

  // Next month against this one: w0 1,500 → 1,650 (+10%); w1 does not move, so it is no mover.
  const core::PackMovers &movers = p.page.movers;
  CHECK(movers.source == core::MoversSource::Forecast);
  CHECK(movers.fromLabel == "this month (2027-01)");
  CHECK(movers.toLabel == "next month (2027-02)");
  REQUIRE(movers.movers.size() == 1);
  CHECK(movers.movers[0].key == "w0");
  CHECK(movers.movers[0].name == "Support bot");
  CHECK_THAT(movers.movers[0].fromUsd, closeTo(1500));
  CHECK_THAT(movers.movers[0].toUsd, closeTo(1650));
  CHECK_THAT(*movers.movers[0].changeShare, closeTo(0.1));

  SECTION("a bill's movers take their place") {
    core::ActualSpend spend;
    spend.lines = {{"2026-09", "plain", "input", "", 1000, 1e9},
                   {"2026-10", "plain", "input", "", 1300, 1.3e9},
                   {"2026-09", "market", "input", "", 500, 2.5e8},
                   {"2026-10", "market", "input", "", 400, 2e8}};
    core::PlanVsActualOptions options;
    const core::PreparedScenario prepared = core::prepareScenario(p.loaded.scenario, p.loaded.card);
    const core::PlanVsActualResult actuals = core::planVsActual(prepared, spend, options);
    REQUIRE(actuals.value);
    const Page billed =
        pageOf(budgetScenario(R"({ "months": 12, "budget_usd": 1950, "start_month": "2027-01" })"),
               false, &*actuals.value);
    const core::PackMovers &bill = billed.page.movers;
    CHECK(bill.source == core::MoversSource::Bill);
    CHECK(bill.fromLabel == "2026-09");
    CHECK(bill.toLabel == "2026-10");
    REQUIRE(bill.movers.size() == 2);
    CHECK(bill.movers[0].key == "plain"); // +$300 before −$100
    CHECK_THAT(bill.movers[0].changeUsd(), closeTo(300));
    CHECK(bill.movers[1].key == "market");
    CHECK_THAT(*bill.movers[1].changeShare, closeTo(-0.2));
  }
}

TEST_CASE("The movers rule ranks by absolute change, alphabetical on a tie, at most three",
          "[core][report]") {
  const std::vector<core::Mover> ranked = core::rankMovers({{"d", 10, 10, {}},
                                                            {"c", 10, 20, {}},
                                                            {"b", 0, 10, {}},
                                                            {"a", 50, 20, {}},
                                                            {"e", 10, 0, {}}});
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[0].key == "a"); // −30
  CHECK(ranked[1].key == "b"); // +10, new: no share
  CHECK_FALSE(ranked[1].changeShare);
  CHECK(ranked[2].key == "c"); // +10, after b; e (−10) is the fourth
  CHECK_THAT(*ranked[2].changeShare, closeTo(1.0));
}

TEST_CASE("The one-pager's decision: commit, how much, until when, the saving and u*",
          "[core][report]") {
  const Page p =
      pageOf(test::scenarioJson(kCommitWorkloads,
                                R"("forecast": { "months": 12, "start_month": "2027-01" })"),
             true);
  REQUIRE(p.plan);
  REQUIRE(p.page.decisions.size() == 1);
  const core::PackDecision &decision = p.page.decisions.front();
  CHECK(decision.modelId == "pt");
  CHECK(decision.commit);
  REQUIRE(decision.term);
  // A flat 100 MU load: every unit is used all month, so the cheaper six-month term wins.
  CHECK(*decision.term == core::PtTerm::SixMonth);
  CHECK(decision.modelUnits == 100);
  CHECK(decision.termMonths == 6);
  CHECK(decision.throughMonth == 5);
  CHECK(decision.fromCalendarMonth == "2027-01");
  CHECK(decision.throughCalendarMonth == "2027-06");
  CHECK_THAT(decision.onDemandMonthlyUsd, closeTo(32850));
  CHECK_THAT(decision.recommendedMonthlyUsd, closeTo(14600));
  CHECK_THAT(decision.savingMonthlyUsd, closeTo(18250));
  CHECK_THAT(decision.savingPlanUsd, closeTo(12 * 18250));
  // u* = 0.20 / (32,850 / (100 · 730)) = 0.4444.
  REQUIRE(decision.breakEvenUtilization);
  CHECK_THAT(*decision.breakEvenUtilization, closeTo(0.20 / (32850.0 / (100 * 730))));
  CHECK(decision.sentence.find("Commit pt to 100 MU on a six-month term, 2027-01 through "
                               "2027-06 (none today): saves $18,250.00 a month") == 0);
  CHECK(decision.sentence.find("44.4% utilization") != std::string::npos);
  CHECK(p.page.decisionSentence == decision.sentence);

  const core::Json json = core::onePagerToJson(p.page);
  CHECK(json["decision"]["models"][0]["through_calendar_month"] == "2027-06");
  CHECK(json["decision"]["models"][0]["model_units"] == 100);
  CHECK(json["movers"]["source"] == "forecast");

  SECTION("with 30 days of history: no commitment, and why") {
    const Page young = pageOf(
        test::scenarioJson(kCommitWorkloads, R"("forecast": { "months": 12 })"), true, nullptr, 30);
    REQUIRE(young.page.decisions.size() == 1);
    CHECK_FALSE(young.page.decisions.front().commit);
    CHECK(young.page.decisionSentence.find("No commitment recommended: Only 30 days") == 0);
  }
  SECTION("without a plan no decision is made up") {
    const Page none =
        pageOf(test::scenarioJson(kCommitWorkloads, R"("forecast": { "months": 12 })"), false);
    CHECK_FALSE(none.page.planned);
    CHECK(none.page.decisions.empty());
    CHECK(none.page.decisionSentence.find("No commitment plan") == 0);
  }
}
