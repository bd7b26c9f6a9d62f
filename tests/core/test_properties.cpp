#include "curves.h"
#include "forecast.h"
#include "preparedscenario.h"
#include "ratecardjson.h"
#include "ratecardoverrides.h"
#include "scenariojson.h"
#include "scenariovalidation.h"
#include "testsupport.h"

#include <numeric>
#include <random>

using namespace bwi;
using test::closeTo;

namespace {

core::RateCard propertyCard() {
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(test::testRateCardJson(), issues);
  return core::readRateCard(*json, "", issues);
}

// A random valid scenario over the test card (fixed seed per index).
core::Scenario randomScenario(std::mt19937_64 &random) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto between = [&](double low, double high) { return low + (high - low) * unit(random); };
  const std::vector<std::string> models = {"plain", "nobatch", "pt", "res", "market"};
  core::Scenario scenario;
  scenario.name = "random";
  scenario.ratecard.kind = core::RateCardSource::Kind::Inline;
  scenario.ratecard.inlineCard = propertyCard();
  const int workloadCount = 1 + static_cast<int>(random() % 6);
  for (int w = 0; w < workloadCount; ++w) {
    core::Workload workload;
    workload.id = "w" + std::to_string(w);
    if (random() % 3)
      workload.team = "team" + std::to_string(random() % 3);
    workload.requestsPerMonth = std::floor(between(0, 2e6));
    workload.volumeMultiplier = between(0.2, 4);
    workload.growthPerMonth = between(-0.05, 0.1);
    workload.tokens.system = std::floor(between(0, 3000));
    workload.tokens.user = std::floor(between(0, 500));
    workload.tokens.retrievalChunks = std::floor(between(0, 8));
    workload.tokens.tokensPerChunk = std::floor(between(0, 600));
    workload.tokens.callsPerRequest = 1 + std::floor(between(0, 4));
    workload.tokens.contextGrowthPerCall = std::floor(between(0, 2000));
    workload.tokens.output = std::floor(between(0, 800));
    if (random() % 2)
      workload.caching = core::Caching{std::floor(workload.tokens.system * unit(random)),
                                       unit(random), core::CacheTtl::FiveMinutes};
    workload.batchShare = random() % 2 ? unit(random) : 0.0;
    workload.serviceTier = static_cast<core::ServiceTier>(random() % 3);
    workload.profile.kind = static_cast<core::WeeklyProfile::Kind>(random() % 3);
    // Two or three models, shares summing to 1.
    std::vector<std::string> chosen = models;
    std::shuffle(chosen.begin(), chosen.end(), random);
    chosen.resize(2 + random() % 2);
    double remaining = 1.0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      const double share = i + 1 == chosen.size() ? remaining : remaining * unit(random);
      remaining -= share;
      workload.routing.push_back({chosen[i], share});
    }
    scenario.workloads.push_back(std::move(workload));
  }
  if (random() % 2)
    scenario.provisioned.push_back({"pt", 1 + static_cast<int>(random() % 8),
                                    random() % 2 ? core::PtTerm::OneMonth : core::PtTerm::SixMonth,
                                    static_cast<int>(random() % 3)});
  if (random() % 2) {
    const double input = 1000 + std::floor(between(0, 200)) * 1000;
    scenario.reserved.push_back({"res", input, 100 + std::floor(between(0, 20000)),
                                 core::ReservedTerm::OneMonth, static_cast<int>(random() % 2)});
  }
  if (random() % 2)
    scenario.agreement =
        core::Agreement{between(0, 0.5), between(0, 1e6), random() % 2 == 0, unit(random)};
  if (random() % 2) {
    scenario.forecast.volumeP10 = between(0.3, 1.0);
    scenario.forecast.volumeP90 = *scenario.forecast.volumeP10 * between(1.0, 5.0);
  }
  return scenario;
}

double sum(const std::vector<core::NamedCost> &costs) {
  return std::accumulate(
      costs.begin(), costs.end(), 0.0,
      [](double total, const core::NamedCost &cost) { return total + cost.usd; });
}

} // namespace

TEST_CASE("Invariants hold over generated scenarios", "[core][properties]") {
  std::mt19937_64 random(20261126);
  const core::RateCard card = propertyCard();
  for (int index = 0; index < 300; ++index) {
    const core::Scenario scenario = randomScenario(random);
    core::ValidationIssues issues;
    core::validateAgainstRateCard(scenario, card, issues);
    INFO("scenario " << index << ": " << core::scenarioToJson(scenario).dump());
    REQUIRE(issues.empty());
    const auto prepared = core::prepareScenario(scenario, card);
    const int month = static_cast<int>(random() % 3);
    const core::Evaluation result = core::evaluate(prepared, month);

    // Every breakdown sums to gross.
    CHECK_THAT(result.byMode.total(), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byModel), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byWorkload), closeTo(result.grossUsd));
    CHECK_THAT(sum(result.byTeam), closeTo(result.grossUsd));
    CHECK(result.netUsd <= result.grossUsd + 1e-9);

    // Cost never falls when volume rises.
    double previousGross = 0, previousNet = 0;
    for (double scale : {0.0, 0.05, 0.3, 1.0, 1.7, 4.0, 12.0}) {
      const auto scaled = core::evaluate(prepared, month, {scale, false});
      CHECK(scaled.grossUsd >= previousGross - 1e-9 * std::max(1.0, previousGross));
      CHECK(scaled.netUsd >= previousNet - 1e-9 * std::max(1.0, previousNet));
      previousGross = scaled.grossUsd;
      previousNet = scaled.netUsd;
    }

    // Optimal units never cost more than the floor or than none.
    if (const auto curve = core::unitsCurve(prepared, month, "pt")) {
      const auto costAt = [&](long long units) {
        return curve->points.at(static_cast<std::size_t>(units)).costUsd;
      };
      CHECK(costAt(curve->optimalModelUnits) <= costAt(curve->floorModelUnits) + 1e-9);
      CHECK(costAt(curve->optimalModelUnits) <= costAt(0) + 1e-9);
      for (const auto &point : curve->points)
        CHECK(costAt(curve->optimalModelUnits) <= point.costUsd + 1e-9);
    }

    // The volume curve at x = 1 is the evaluation itself.
    const auto curve = core::volumeCurve(prepared, month, {3, 0.5, 2.0});
    CHECK_THAT(curve[1].withCommitmentsUsd, closeTo(result.netUsd));
    CHECK(curve[1].withOptimalUsd <= curve[1].withCommitmentsUsd + 1e-6);
  }
}

TEST_CASE("Generated scenarios round-trip through their file form", "[core][properties][files]") {
  std::mt19937_64 random(7);
  for (int index = 0; index < 200; ++index) {
    const core::Scenario scenario = randomScenario(random);
    core::ValidationIssues issues;
    const auto json = core::parseJsonText(core::scenarioToJson(scenario).dump(), issues);
    REQUIRE(json);
    const core::Scenario again = core::readScenario(*json, issues);
    INFO(core::formatIssues("generated", issues));
    CHECK(issues.empty());
    CHECK(again == scenario);
  }
}
