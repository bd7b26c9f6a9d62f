#include "tests/core/randomscenario.h"

#include "core/files/ratecardjson.h"
#include "tests/core/testsupport.h"

#include <algorithm>
#include <cmath>

namespace bwi::test {

core::RateCard propertyCard() {
  core::ValidationIssues issues;
  const auto json = core::parseJsonText(testRateCardJson(), issues);
  return core::readRateCard(*json, "", issues);
}

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
    // The bill beyond tokens: a card meter, a floor, a typed custom rate.
    if (random() % 3 == 0)
      workload.meters.push_back(
          {"guardrails.content_filters", between(0, 0.05), 0, std::nullopt, "", "", ""});
    if (random() % 4 == 0)
      workload.meters.push_back({"knowledge_base.opensearch_serverless_ocu", 0,
                                 std::floor(between(0, 3000)), std::nullopt, "", "", ""});
    if (random() % 5 == 0)
      workload.meters.push_back({"custom.ocr_pages", between(0, 2), between(0, 1000),
                                 between(0, 0.1), "OCR", "page", ""});
    if (random() % 3 == 0)
      workload.unit = core::UnitEconomics{"ticket", between(0, 2), std::floor(between(0, 1000)),
                                          between(0.001, 1), between(0, 0.5)};
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

} // namespace bwi::test
