#include "core/analysis/commitmentplanner.h"
#include "core/analysis/goalseek.h"
#include "core/analysis/tornado.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"

#include <catch2/catch.hpp>

using namespace bwi;

namespace {

// The built-in example with every lever uncertain: the Monte Carlo path.
core::LoadedScenario uncertainExample() {
  core::LoadedScenario loaded = *core::loadExampleScenario().loaded;
  core::ForecastUncertainty &uncertainty = loaded.scenario.forecast.uncertainty;
  uncertainty.growthPerMonthShift = core::LeverQuantiles{-0.01, 0.02};
  uncertainty.outputTokensFactor = core::LeverQuantiles{0.8, 1.5};
  uncertainty.cacheHitRateShift = core::LeverQuantiles{-0.2, 0.05};
  return loaded;
}

} // namespace

TEST_CASE("Ranges on the built-in example", "[bench][ranges]") {
  const core::LoadedScenario loaded = uncertainExample();
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  REQUIRE(prepared.forecast.trialCount() == 10000);
  REQUIRE(prepared.forecast.months == 12);
  const core::Forecast check = core::forecast(prepared);
  REQUIRE(check.fanMethod == core::FanMethod::MonteCarlo);

  BENCHMARK("Monte Carlo fan: 10,000 trials x 12 months, all cores") {
    return core::forecast(prepared);
  };
  BENCHMARK("Monte Carlo fan: 10,000 trials x 12 months, one thread") {
    core::ForecastOptions options;
    options.threads = 1;
    return core::forecast(prepared, 1.0, options);
  };
  BENCHMARK("Tornado of 10 levers (20 evaluations)") {
    return core::tornado(loaded.scenario, loaded.card);
  };
  BENCHMARK("Goal seek: volume for $250k a month") {
    core::GoalSeekRequest request;
    request.target = 250000;
    return core::goalSeek(loaded.scenario, loaded.card, request);
  };
  BENCHMARK("Commitment plan: 2,000 trials x 12 months") {
    return core::planCommitments(prepared);
  };
}
