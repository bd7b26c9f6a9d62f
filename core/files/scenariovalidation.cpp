#include "core/files/scenariovalidation.h"

#include "core/common/jsonreader.h"
#include "core/files/scenariojson.h"
#include "core/model/meterkinds.h"

#include <map>

namespace bwi::core {
namespace {

const char *kQuoteHint = "; AWS publishes no current figure, so add the account team's quote "
                         "under ratecard_overrides";

void validateWorkload(const Workload &workload, const std::string &path, const RateCard &card,
                      ValidationIssues &issues) {
  const std::string routingPath = childPath(path, "routing");
  for (const RoutingShare &route : workload.routing) {
    const ModelRates *model = card.find(route.modelId);
    if (!model) {
      issues.push_back({childPath(routingPath, route.modelId),
                        "unknown model id \"" + route.modelId + "\" (not in the rate card)"});
      continue;
    }
    if (workload.caching && workload.caching->ttl == CacheTtl::OneHour && model->cache &&
        !model->cache->write1hPer1m)
      issues.push_back({childPath(childPath(path, "caching"), "ttl"),
                        "\"1h\" caching is not priced for " + route.modelId +
                            " (its card has no write_1h_per_1m)"});
  }
  // A meter is priced by the card unless its rate is typed (docs/cost-model.md §17).
  const std::string metersPath = childPath(path, "meters");
  for (std::size_t j = 0; j < workload.meters.size(); ++j) {
    const MeterUse &meter = workload.meters[j];
    if (meter.kind.empty() || meter.usdPerUnit || findMeterRate(card, meter.kind))
      continue;
    issues.push_back({childPath(indexPath(metersPath, j), "kind"),
                      "meter kind \"" + meter.kind +
                          "\" is not in the rate card; give its usd_per_unit (a quoted or "
                          "custom rate)"});
  }
}

} // namespace

void validateScenario(const Scenario &scenario, const RateCard &card, ValidationIssues &issues) {
  readScenario(scenarioToJson(scenario), issues);
  validateAgainstRateCard(scenario, card, issues);
}

void validateAgainstRateCard(const Scenario &scenario, const RateCard &card,
                             ValidationIssues &issues) {
  for (std::size_t i = 0; i < scenario.workloads.size(); ++i)
    validateWorkload(scenario.workloads[i], indexPath("workloads", i), card, issues);

  std::map<std::string, std::string> committed; // model id -> path of its commitment
  const auto checkSingle = [&](const std::string &modelId, const std::string &path) {
    if (const auto it = committed.find(modelId); it != committed.end()) {
      issues.push_back({path, "a second commitment on " + modelId + " (the first is " + it->second +
                                  "); a model has at most one"});
      return false;
    }
    committed.emplace(modelId, path);
    return true;
  };

  for (std::size_t i = 0; i < scenario.provisioned.size(); ++i) {
    const ProvisionedCommitment &commitment = scenario.provisioned[i];
    const std::string path = indexPath("provisioned", i);
    const std::string modelPath = childPath(path, "model");
    if (commitment.modelId.empty())
      continue; // reported as missing already
    const ModelRates *model = card.find(commitment.modelId);
    if (!model) {
      issues.push_back({modelPath, "unknown model id \"" + commitment.modelId + "\""});
      continue;
    }
    if (!checkSingle(commitment.modelId, modelPath))
      continue;
    if (!model->ptCapable()) {
      issues.push_back({modelPath, "quote needed: " + commitment.modelId +
                                       " has no provisioned-throughput price and model-unit "
                                       "capacity" +
                                       kQuoteHint});
      continue;
    }
    if (!model->provisioned->ratePerMuHour(commitment.term))
      issues.push_back({childPath(path, "term"), "quote needed: " + commitment.modelId +
                                                     " has no " +
                                                     std::string(toString(commitment.term)) +
                                                     " price per model unit" + kQuoteHint});
  }

  for (std::size_t i = 0; i < scenario.reserved.size(); ++i) {
    const Reservation &reservation = scenario.reserved[i];
    const std::string path = indexPath("reserved", i);
    const std::string modelPath = childPath(path, "model");
    if (reservation.modelId.empty())
      continue;
    const ModelRates *model = card.find(reservation.modelId);
    if (!model) {
      issues.push_back({modelPath, "unknown model id \"" + reservation.modelId + "\""});
      continue;
    }
    if (!checkSingle(reservation.modelId, modelPath))
      continue;
    if (!model->reserved) {
      issues.push_back({modelPath, reservation.modelId + " is not offered in the Reserved tier"});
      continue;
    }
    if (!model->reserved->rates(reservation.term))
      issues.push_back({childPath(path, "term"), "quote needed: " + reservation.modelId +
                                                     " has no " +
                                                     std::string(toString(reservation.term)) +
                                                     " Reserved-tier price" + kQuoteHint});
    const bool empty = reservation.inputTpm == 0 && reservation.outputTpm == 0;
    if (!empty && reservation.inputTpm < model->reserved->minInputTpm)
      issues.push_back({childPath(path, "input_tpm"),
                        "below the minimum reservation of " +
                            std::to_string(static_cast<long long>(model->reserved->minInputTpm)) +
                            " input tokens per minute (or reserve 0 for both)"});
    if (!empty && reservation.outputTpm < model->reserved->minOutputTpm)
      issues.push_back({childPath(path, "output_tpm"),
                        "below the minimum reservation of " +
                            std::to_string(static_cast<long long>(model->reserved->minOutputTpm)) +
                            " output tokens per minute (or reserve 0 for both)"});
  }
}

} // namespace bwi::core
