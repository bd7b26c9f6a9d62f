#include "core/analysis/escalation.h"
#include "core/cost/evaluation.h"
#include "core/cost/monthtotals.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "core/forecast/forecast.h"
#include "tests/bench/largeestate.h"

#include <catch2/catch.hpp>

using namespace bwi;

namespace {

// The card with version 2 of the cost model in it: two price changes on every
// fifth model, long context on ten PT models, four models retiring in
// 2027-06 to others; read back so that each model's versions are built.
core::RateCard datedCard(const core::RateCard &card) {
  core::Json json = core::rateCardToJson(card);
  json["version"] = 2;
  for (std::size_t m = 0; m < json["models"].size(); ++m) {
    core::Json &model = json["models"][m];
    const double input = model["on_demand"]["input_per_1m"].get<double>();
    const double output = model["on_demand"]["output_per_1m"].get<double>();
    if (m % 5 == 0)
      model["price_changes"] = {
          {{"effective", "2027-08"}, {"on_demand", {{"output_per_1m", output * 1.1}}}},
          {{"effective", "2027-04"},
           {"note", "launch promotion ends"},
           {"on_demand", {{"input_per_1m", input * 1.5}}}}};
    if (m < 10)
      model["long_context"] = {{"threshold_input_tokens", 3000}, {"input_mult", 2}};
    if (m == 25 || m == 30 || m == 35 || m == 39) {
      model["end_of_life"] = "2027-06";
      model["successor"] = json["models"][m - 4]["id"];
    }
  }
  core::ValidationIssues issues;
  core::RateCard dated = core::readRateCard(json, "", issues);
  REQUIRE(issues.empty());
  return dated;
}

bench::LargeEstate withCalendar(bench::LargeEstate estate) {
  estate.card = datedCard(estate.card);
  estate.scenario.ratecard.inlineCard = estate.card;
  estate.scenario.forecast.startMonth = "2027-01";
  for (std::size_t w = 0; w < estate.scenario.workloads.size(); w += 4)
    estate.scenario.workloads[w].escalation =
        core::Escalation{estate.card.models[20 + w % 20].id, 0.05};
  return estate;
}

} // namespace

TEST_CASE("Large estate with a calendar, long context and escalation", "[bench][calendar]") {
  const bench::LargeEstate estate = withCalendar(bench::makeLargeEstate());
  core::ValidationIssues issues;
  core::validateScenario(estate.scenario, estate.card, issues);
  REQUIRE(issues.empty());
  const core::PreparedScenario prepared = core::prepareScenario(estate.scenario, estate.card);
  REQUIRE(prepared.segments.size() == 4); // months 0, 3, 5, 7
  REQUIRE(core::evaluate(prepared, 6).grossUsd > 0);

  BENCHMARK("calendar: prepare (4 segments)") {
    return core::prepareScenario(estate.scenario, estate.card);
  };
  BENCHMARK("calendar: full evaluation of month 6") { return core::evaluate(prepared, 6); };
  BENCHMARK("calendar: prepare + full evaluation (one slider movement)") {
    return core::evaluate(core::prepareScenario(estate.scenario, estate.card), 6);
  };
  BENCHMARK("calendar: 12-month forecast with p10/p50/p90") { return core::forecast(prepared); };
  BENCHMARK("calendar: validate against the card (every month's card)") {
    core::ValidationIssues none;
    core::validateScenario(estate.scenario, estate.card, none);
    return none.size();
  };
  BENCHMARK("calendar: escalation break-evens of 50 workloads, month 6") {
    return core::escalationBreakEvens(estate.scenario, estate.card, 6);
  };
}

TEST_CASE("Ranges on the built-in example with a calendar", "[bench][calendar][ranges]") {
  core::LoadedScenario loaded = *core::loadExampleScenario().loaded;
  loaded.card = datedCard(loaded.card);
  loaded.scenario.forecast.startMonth = "2027-01";
  core::ForecastUncertainty &uncertainty = loaded.scenario.forecast.uncertainty;
  uncertainty.growthPerMonthShift = core::LeverQuantiles{-0.01, 0.02};
  uncertainty.outputTokensFactor = core::LeverQuantiles{0.8, 1.5};
  uncertainty.cacheHitRateShift = core::LeverQuantiles{-0.2, 0.05};
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  REQUIRE(prepared.segments.size() > 1);

  BENCHMARK("calendar: Monte Carlo fan, 10,000 trials x 12 months, one thread") {
    core::ForecastOptions options;
    options.threads = 1;
    return core::forecast(prepared, 1.0, options);
  };
}
