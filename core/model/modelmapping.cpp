#include "core/model/modelmapping.h"

#include <algorithm>

namespace bwi::core {
namespace {

void dropUnpriced(Scenario &scenario, const std::string &id) {
  auto &ids = scenario.unpricedModels;
  ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
}

void setOverride(Scenario &scenario, const std::string &id, const std::string &field,
                 double value) {
  for (RateOverride &entry : scenario.ratecardOverrides)
    if (entry.modelId == id && entry.field == field) {
      entry.value = value;
      return;
    }
  scenario.ratecardOverrides.push_back({id, field, value});
}

} // namespace

std::optional<ModelMapping> parseModelMapping(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 >= text.size())
    return std::nullopt;
  return ModelMapping{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

std::string mappingProblem(const RateCard &card, const ModelMapping &mapping) {
  if (!card.find(mapping.to))
    return "cannot map " + mapping.from + " to \"" + mapping.to +
           "\": the rate card has no such model";
  return {};
}

Scenario withModelMapped(const Scenario &scenario, const ModelMapping &mapping) {
  Scenario result = scenario;
  if (mapping.from == mapping.to)
    return result;
  for (Workload &workload : result.workloads) {
    auto &routing = workload.routing;
    const auto from = std::find_if(routing.begin(), routing.end(), [&](const RoutingShare &r) {
      return r.modelId == mapping.from;
    });
    if (from != routing.end()) {
      const auto to = std::find_if(routing.begin(), routing.end(),
                                   [&](const RoutingShare &r) { return r.modelId == mapping.to; });
      if (to != routing.end()) {
        to->share += from->share;
        routing.erase(from);
      } else {
        from->modelId = mapping.to;
      }
    }
    if (workload.escalation && workload.escalation->to == mapping.from)
      workload.escalation->to = mapping.to;
    auto &adequate = workload.adequateModels;
    if (std::find(adequate.begin(), adequate.end(), mapping.from) != adequate.end()) {
      adequate.erase(std::remove(adequate.begin(), adequate.end(), mapping.from), adequate.end());
      if (std::find(adequate.begin(), adequate.end(), mapping.to) == adequate.end())
        adequate.push_back(mapping.to);
    }
  }
  dropUnpriced(result, mapping.from);
  return result;
}

Scenario withTypedPrice(const Scenario &scenario, const std::string &modelId,
                        const TypedPrice &price) {
  Scenario result = scenario;
  setOverride(result, modelId, "on_demand.input_per_1m", price.inputPer1m);
  setOverride(result, modelId, "on_demand.output_per_1m", price.outputPer1m);
  if (price.batchInputPer1m && price.batchOutputPer1m) {
    setOverride(result, modelId, "batch.input_per_1m", *price.batchInputPer1m);
    setOverride(result, modelId, "batch.output_per_1m", *price.batchOutputPer1m);
  }
  if (price.cacheReadPer1m)
    setOverride(result, modelId, "cache.read_per_1m", *price.cacheReadPer1m);
  if (price.cacheWritePer1m)
    setOverride(result, modelId, "cache.write_per_1m", *price.cacheWritePer1m);
  dropUnpriced(result, modelId);
  return result;
}

} // namespace bwi::core
