#include "core/cost/monthtotals.h"
#include "core/forecast/forecast.h"
#include "core/forecast/montecarlo.h"
#include "core/forecast/uncertainty.h"
#include "tests/core/testsupport.h"

#include <algorithm>
#include <cmath>

using namespace bwi;

namespace {

core::LoadedScenario example() {
  const auto load = core::loadExampleScenario();
  INFO(load.report());
  REQUIRE(load.loaded);
  return *load.loaded;
}

core::PreparedScenario prepared(const core::Scenario &scenario, const core::RateCard &card) {
  return core::prepareScenario(scenario, card);
}

// Sampling error of an estimated quantile p from n draws, on the normal
// scale of the distribution: sqrt(p(1-p)/n) / φ(z_p), in units of sigma.
double quantileStandardError(double p, int n) {
  const double z = p < 0.5 ? -core::kZ90 : core::kZ90;
  const double density = std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
  return std::sqrt(p * (1 - p) / n) / density;
}

} // namespace

TEST_CASE("The totals path costs a month exactly as the full evaluation", "[core][ranges]") {
  const auto loaded = example();
  core::Scenario scenario = loaded.scenario;
  scenario.globalVolumeMultiplier = 1.3;
  const core::PreparedScenario ready = prepared(scenario, loaded.card);
  for (int month = 0; month < 14; ++month)
    for (double scale : {0.0, 0.05, 0.7, 1.0, 2.9, 40.0}) {
      const core::Evaluation full = core::evaluate(ready, month, {scale, false});
      const core::MonthTotals totals = core::monthTotals(ready, month, scale);
      CHECK(totals.netUsd == full.netUsd);
      CHECK(totals.grossUsd == full.grossUsd);
      CHECK(totals.pricedRequests == full.pricedRequests());
    }
}

TEST_CASE("Sampled volume quantiles match the given p10 and p90 within sampling error",
          "[core][ranges]") {
  core::ForecastSettings settings;
  settings.volumeP10 = 0.8;
  settings.volumeP90 = 3.0;
  const core::LeverDistributions distributions = core::leverDistributions(settings);
  const int trials = 10000;
  std::vector<double> volumes;
  for (int trial = 0; trial < trials; ++trial)
    volumes.push_back(core::sampleTrial(distributions, core::kDefaultSeed, trial).volume);
  std::sort(volumes.begin(), volumes.end());
  const double sigma = distributions.volume->sigma();
  // Four standard errors on the log scale: fails about once in 16,000 seeds.
  const double tolerance = 4 * quantileStandardError(0.1, trials) * sigma;
  CHECK(std::fabs(std::log(core::sortedQuantile(volumes, 0.1) / 0.8)) < tolerance);
  CHECK(std::fabs(std::log(core::sortedQuantile(volumes, 0.9) / 3.0)) < tolerance);
  CHECK(std::fabs(std::log(core::sortedQuantile(volumes, 0.5) / std::sqrt(2.4))) < tolerance);
}

TEST_CASE("Monte Carlo with only the volume uncertain agrees with the exact quantiles",
          "[core][ranges]") {
  auto loaded = example();
  loaded.scenario.forecast.uncertainty = {}; // the volume's p10 and p90 stay
  const core::PreparedScenario ready = prepared(loaded.scenario, loaded.card);
  const core::Forecast exact = core::forecast(ready);
  REQUIRE(exact.fanMethod == core::FanMethod::Exact);

  core::MonteCarloOptions options;
  const auto distributions = core::leverDistributions(loaded.scenario.forecast);
  auto sampled = core::sampleMonthlyNet(ready, distributions, options);
  REQUIRE(sampled);
  // Net cost rises with volume, so its sampled quantile is the cost at the
  // volume's sampled quantile: the error is the volume's, about 0.9% (1 s.e.)
  // at p10/p90 for these quantiles; cost rises at most proportionally.
  const double tolerance =
      4 * quantileStandardError(0.1, options.trials) * distributions.volume->sigma();
  for (const core::ForecastMonth &month : exact.months) {
    std::vector<double> &values = (*sampled)[static_cast<std::size_t>(month.month)];
    std::sort(values.begin(), values.end());
    INFO("month " << month.month);
    CHECK(std::fabs(std::log(core::sortedQuantile(values, 0.1) / *month.netP10Usd)) < tolerance);
    CHECK(std::fabs(std::log(core::sortedQuantile(values, 0.5) / *month.netP50Usd)) < tolerance);
    CHECK(std::fabs(std::log(core::sortedQuantile(values, 0.9) / *month.netP90Usd)) < tolerance);
  }
}

TEST_CASE("The same seed gives the same fan; another seed another", "[core][ranges]") {
  auto loaded = example();
  loaded.scenario.forecast.uncertainty.outputTokensFactor = core::LeverQuantiles{0.8, 1.5};
  loaded.scenario.forecast.uncertainty.cacheHitRateShift = core::LeverQuantiles{-0.2, 0.05};
  loaded.scenario.forecast.trials = 2000;
  const core::PreparedScenario ready = prepared(loaded.scenario, loaded.card);
  core::ForecastOptions one;
  one.threads = 1;
  core::ForecastOptions two;
  two.threads = 2;
  const core::Forecast first = core::forecast(ready, 1.0, one);
  const core::Forecast second = core::forecast(ready, 1.0, two);
  REQUIRE(first.fanMethod == core::FanMethod::MonteCarlo);
  CHECK(first.trials == 2000);
  for (std::size_t month = 0; month < first.months.size(); ++month) {
    CHECK(*first.months[month].netP10Usd == *second.months[month].netP10Usd);
    CHECK(*first.months[month].netP50Usd == *second.months[month].netP50Usd);
    CHECK(*first.months[month].netP90Usd == *second.months[month].netP90Usd);
    CHECK(*first.months[month].netP10Usd < *first.months[month].netP90Usd);
  }
  loaded.scenario.forecast.seed = 7;
  const core::Forecast other = core::forecast(prepared(loaded.scenario, loaded.card));
  CHECK(other.seed == 7);
  CHECK(*other.months[0].netP50Usd != *first.months[0].netP50Usd);
}

TEST_CASE("With every distribution degenerate the fan is the deterministic forecast exactly",
          "[core][ranges]") {
  auto loaded = example();
  core::ForecastSettings &settings = loaded.scenario.forecast;
  settings.volumeP10 = settings.volumeP90 = 1.6;
  settings.uncertainty.growthPerMonthShift = core::LeverQuantiles{0.01, 0.01};
  settings.uncertainty.outputTokensFactor = core::LeverQuantiles{1.2, 1.2};
  settings.uncertainty.cacheHitRateShift = core::LeverQuantiles{-0.1, -0.1};
  settings.trials = 500;
  const core::Forecast fan = core::forecast(prepared(loaded.scenario, loaded.card));
  REQUIRE(fan.fanMethod == core::FanMethod::MonteCarlo);

  // The same levers written into the scenario itself.
  core::Scenario fixed = loaded.scenario;
  fixed.forecast = core::ForecastSettings{};
  // The same calendar (the example's): Claude Sonnet 4.5 retires in month 3.
  fixed.forecast.startMonth = settings.startMonth;
  fixed.globalVolumeMultiplier *= 1.6;
  for (core::Workload &workload : fixed.workloads) {
    workload.growthPerMonth += 0.01;
    workload.tokens.output *= 1.2;
    if (workload.caching)
      workload.caching->hitRate = std::clamp(workload.caching->hitRate - 0.1, 0.0, 1.0);
  }
  const core::PreparedScenario deterministic = prepared(fixed, loaded.card);
  for (const core::ForecastMonth &month : fan.months) {
    const double net = core::evaluate(deterministic, month.month).netUsd;
    INFO("month " << month.month);
    CHECK(*month.netP10Usd == net);
    CHECK(*month.netP50Usd == net);
    CHECK(*month.netP90Usd == net);
  }
}

TEST_CASE("A cancelled Monte Carlo run returns nothing and leaves the fan out", "[core][ranges]") {
  auto loaded = example();
  loaded.scenario.forecast.uncertainty.outputTokensFactor = core::LeverQuantiles{0.8, 1.5};
  const core::PreparedScenario ready = prepared(loaded.scenario, loaded.card);
  std::atomic<bool> cancel = true;
  core::MonteCarloOptions options;
  options.cancel = &cancel;
  CHECK_FALSE(core::sampleMonthlyNet(ready, core::leverDistributions(ready.forecast), options));
  core::ForecastOptions forecastOptions;
  forecastOptions.cancel = &cancel;
  const core::Forecast forecast = core::forecast(ready, 1.0, forecastOptions);
  CHECK(forecast.fanMethod == core::FanMethod::None);
  CHECK_FALSE(forecast.months[0].netP50Usd);
  CHECK(forecast.months[0].netUsd > 0);
}

TEST_CASE("The budget line: probability of exceeding it and the first likely month",
          "[core][ranges]") {
  auto loaded = example();
  const double budget = 200000;
  loaded.scenario.forecast.budgetUsd = budget;
  const core::PreparedScenario ready = prepared(loaded.scenario, loaded.card);
  const core::Forecast exact = core::forecast(ready);
  REQUIRE(exact.months[0].overBudgetProbability);

  // Monte Carlo over the volume alone estimates the same probabilities.
  auto sampled = core::sampleMonthlyNet(ready, core::leverDistributions(ready.forecast), {});
  REQUIRE(sampled);
  std::optional<int> first;
  for (const core::ForecastMonth &month : exact.months) {
    const auto &values = (*sampled)[static_cast<std::size_t>(month.month)];
    const double share = static_cast<double>(std::count_if(values.begin(), values.end(),
                                                           [&](double v) { return v > budget; })) /
                         static_cast<double>(values.size());
    const double p = *month.overBudgetProbability;
    INFO("month " << month.month << ": exact " << p << ", sampled " << share);
    CHECK(std::fabs(share - p) < 4 * std::sqrt(std::max(p * (1 - p), 1e-4) / 10000.0));
    if (!first && p >= 0.5)
      first = month.month;
  }
  CHECK(exact.firstLikelyOverBudgetMonth == first);
  REQUIRE(first);
  // The month before is below even odds, the month itself at or above.
  CHECK(*exact.months[static_cast<std::size_t>(*first)].overBudgetProbability >= 0.5);
  CHECK(exact.months[0].overBudgetProbability < exact.months[11].overBudgetProbability);
}
