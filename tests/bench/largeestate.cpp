#include "tests/bench/largeestate.h"

#include <cmath>
#include <random>

namespace bwi::bench {

LargeEstate makeLargeEstate() {
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  LargeEstate estate;
  estate.card.asOf = "2026-11-01";
  estate.card.region = "us-east-1";
  for (int m = 0; m < 40; ++m) {
    core::ModelRates model;
    model.id = "bench.model-" + std::to_string(m);
    model.onDemand = {0.05 + 5 * unit(random), 0.2 + 25 * unit(random)};
    if (m % 3 != 0)
      model.batch =
          core::TokenPrices{model.onDemand.inputPer1m / 2, model.onDemand.outputPer1m / 2};
    if (m % 2 == 0)
      model.cache = core::CachePrices{
          model.onDemand.inputPer1m * 1.25, model.onDemand.inputPer1m * 0.1, std::nullopt, {}};
    model.marketplace = m % 4 == 0;
    if (m < 20) {
      core::ProvisionedRates pt;
      pt.oneMonthPerMuHour = 5 + 30 * unit(random);
      pt.sixMonthPerMuHour = *pt.oneMonthPerMuHour * 0.7;
      pt.inputTpmPerMu = 200000 + 800000 * unit(random);
      pt.outputTpmPerMu = *pt.inputTpmPerMu / 5;
      model.provisioned = pt;
    }
    estate.card.models.push_back(model);
  }
  // The bill beyond tokens: Guardrails on every workload, a knowledge base's
  // floor under one in four, a unit on one in five (fixed, not drawn, so the
  // random figures above and below are the ones the budgets were set on).
  estate.card.meters = {{"guardrails.content_filters", "Guardrails content filters", "guardrails",
                         "1K text units", 0.15, "benchmark", "2026-11-01", false, ""},
                        {"guardrails.denied_topics", "Guardrails denied topics", "guardrails",
                         "1K text units", 0.15, "benchmark", "2026-11-01", false, ""},
                        {"knowledge_base.opensearch_serverless_ocu", "OpenSearch Serverless",
                         "knowledge_base", "OCU-hour", 0.24, "benchmark", "2026-11-01", false, ""}};
  core::Scenario &scenario = estate.scenario;
  scenario.name = "large estate";
  scenario.ratecard.kind = core::RateCardSource::Kind::Inline;
  scenario.ratecard.inlineCard = estate.card;
  for (int w = 0; w < 200; ++w) {
    core::Workload workload;
    workload.id = "workload-" + std::to_string(w);
    workload.team = "team-" + std::to_string(w % 12);
    workload.requestsPerMonth = std::floor(1e4 + 5e6 * unit(random));
    workload.growthPerMonth = 0.02;
    workload.tokens.system = std::floor(200 + 2000 * unit(random));
    workload.tokens.user = std::floor(50 + 300 * unit(random));
    workload.tokens.retrievalChunks = std::floor(6 * unit(random));
    workload.tokens.tokensPerChunk = 300;
    workload.tokens.callsPerRequest = 1 + std::floor(3 * unit(random));
    workload.tokens.contextGrowthPerCall = std::floor(500 * unit(random));
    workload.tokens.output = std::floor(50 + 600 * unit(random));
    workload.caching = core::Caching{workload.tokens.system, 0.7, core::CacheTtl::FiveMinutes};
    workload.batchShare = w % 5 == 0 ? 0.6 : 0.0;
    workload.profile.kind = core::WeeklyProfile::Kind::Weekly;
    for (int h = 0; h < 168; ++h)
      workload.profile.weeklyWeights.push_back(0.2 + unit(random) + ((h % 24) >= 9 ? 1.0 : 0.0));
    // Three models each: two of the 20 PT-capable ones and one other.
    const int first = static_cast<int>(random() % 20);
    const int second = (first + 1 + static_cast<int>(random() % 19)) % 20;
    const int third = 20 + static_cast<int>(random() % 20);
    workload.routing = {{estate.card.models[first].id, 0.5},
                        {estate.card.models[second].id, 0.3},
                        {estate.card.models[third].id, 0.2}};
    workload.meters.push_back(
        {"guardrails.content_filters", 0.004 + 0.001 * (w % 5), 0, std::nullopt, "", "", ""});
    if (w % 3 == 0)
      workload.meters.push_back({"guardrails.denied_topics", 0.004, 0, std::nullopt, "", "", ""});
    if (w % 4 == 0)
      workload.meters.push_back(
          {"knowledge_base.opensearch_serverless_ocu", 0, 1460, std::nullopt, "", "", ""});
    if (w % 5 == 0)
      workload.unit = core::UnitEconomics{"ticket", 0.25, 0, 0.05, 0.15};
    scenario.workloads.push_back(std::move(workload));
  }
  for (int m = 0; m < 20; ++m)
    scenario.provisioned.push_back(
        {estate.card.models[m].id, 1 + m % 4, core::PtTerm::OneMonth, 0});
  scenario.agreement = core::Agreement{0.08, 5e6, false, 0.25};
  scenario.forecast.volumeP10 = 0.8;
  scenario.forecast.volumeP90 = 3.0;
  return estate;
}

} // namespace bwi::bench
