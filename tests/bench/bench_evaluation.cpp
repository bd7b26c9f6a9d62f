#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/common/jsonwriter.h"
#include "core/cost/curves.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/forecast/forecast.h"
#include "tests/bench/largeestate.h"

#include <catch2/catch.hpp>

using namespace bwi;

TEST_CASE("Large estate: 200 workloads, 40 models, 20 PT commitments", "[bench]") {
  const bench::LargeEstate estate = bench::makeLargeEstate();
  const core::PreparedScenario prepared = core::prepareScenario(estate.scenario, estate.card);
  const core::Evaluation check = core::evaluate(prepared, 0);
  REQUIRE(check.provisioned.size() == 20);
  REQUIRE(check.sizing.size() == 20);
  REQUIRE(check.grossUsd > 0);

  BENCHMARK("prepare (join scenario and rate card)") {
    return core::prepareScenario(estate.scenario, estate.card);
  };
  BENCHMARK("full evaluation of month 0 with sizing and break-evens") {
    return core::evaluate(prepared, 0);
  };
  BENCHMARK("prepare + full evaluation (one slider movement)") {
    return core::evaluate(core::prepareScenario(estate.scenario, estate.card), 0);
  };
  BENCHMARK("60-point volume curve (three lines, optimal PT at each point)") {
    return core::volumeCurve(prepared, 0);
  };
  BENCHMARK("12-month forecast with p10/p50/p90") { return core::forecast(prepared); };
}

TEST_CASE("Large estate: reading the scenario file", "[bench][files]") {
  const bench::LargeEstate estate = bench::makeLargeEstate();
  const std::string text = core::prettyJson(core::scenarioToJson(estate.scenario));
  core::ValidationIssues issues;
  const core::Json json = *core::parseJsonText(text, issues);
  REQUIRE(issues.empty());

  BENCHMARK("parse the JSON text (nlohmann)") {
    core::ValidationIssues none;
    return core::parseJsonText(text, none);
  };
  BENCHMARK("read the scenario from parsed JSON (checks and paths)") {
    core::ValidationIssues none;
    return core::readScenario(json, none);
  };
  BENCHMARK("load from text: parse, read, resolve card, validate") {
    return core::loadScenarioText(text, ".", "large-estate.json");
  };
}

TEST_CASE("Comparison: the optimizer and the lever attribution", "[bench][compare]") {
  const core::ScenarioLoadResult example = core::loadExampleScenario();
  REQUIRE(example.loaded);
  const auto &loaded = *example.loaded;
  const bench::LargeEstate estate = bench::makeLargeEstate();
  const core::OptimizedProposal exampleProposal =
      core::proposeOptimized(loaded.scenario, loaded.card, 0);
  const core::OptimizedProposal largeProposal =
      core::proposeOptimized(estate.scenario, estate.card, 0);

  BENCHMARK("example: optimize") {
    return core::proposeOptimized(loaded.scenario, loaded.card, 0);
  };
  BENCHMARK("example: compare with the proposal (figures, forecast, waterfall)") {
    return core::compareScenarios({{"example", loaded.scenario, loaded.card},
                                   {"optimized", exampleProposal.scenario, loaded.card}},
                                  0);
  };
  BENCHMARK("large estate: optimize") {
    return core::proposeOptimized(estate.scenario, estate.card, 0);
  };
  BENCHMARK("large estate: compare with the proposal") {
    return core::compareScenarios({{"large", estate.scenario, estate.card},
                                   {"optimized", largeProposal.scenario, estate.card}},
                                  0);
  };
}
