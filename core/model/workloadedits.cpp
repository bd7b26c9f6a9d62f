#include "core/model/workloadedits.h"

#include <algorithm>

namespace bwi::core {
namespace {

bool hasWorkloadId(const Scenario &scenario, std::string_view id) {
  return std::any_of(scenario.workloads.begin(), scenario.workloads.end(),
                     [&](const Workload &workload) { return workload.id == id; });
}

bool inRange(const Scenario &scenario, int index) {
  return index >= 0 && index < static_cast<int>(scenario.workloads.size());
}

} // namespace

std::string uniqueWorkloadId(const Scenario &scenario, std::string_view base) {
  if (!hasWorkloadId(scenario, base))
    return std::string(base);
  for (int suffix = 2;; ++suffix) {
    std::string candidate = std::string(base) + "-" + std::to_string(suffix);
    if (!hasWorkloadId(scenario, candidate))
      return candidate;
  }
}

std::string defaultModelForNewWorkload(const Scenario &scenario, const RateCard &card) {
  for (const Workload &workload : scenario.workloads)
    for (const RoutingShare &route : workload.routing)
      if (route.share > 0 && card.find(route.modelId))
        return route.modelId;
  const auto small = std::find_if(card.models.begin(), card.models.end(),
                                  [](const ModelRates &model) { return model.tier == "small"; });
  if (small != card.models.end())
    return small->id;
  return card.models.empty() ? std::string() : card.models.front().id;
}

Scenario withNewWorkload(const Scenario &scenario, const RateCard &card, const std::string &name,
                         int *index) {
  Scenario next = scenario;
  Workload workload;
  for (std::size_t n = next.workloads.size() + 1;; ++n) {
    workload.id = "workload-" + std::to_string(n);
    if (!hasWorkloadId(next, workload.id))
      break;
  }
  workload.name = name;
  workload.requestsPerMonth = 100'000;
  workload.tokens.system = 500;
  workload.tokens.user = 100;
  workload.tokens.output = 200;
  if (const std::string model = defaultModelForNewWorkload(scenario, card); !model.empty())
    workload.routing.push_back({model, 1.0});
  workload.profile.kind = WeeklyProfile::Kind::Flat;
  next.workloads.push_back(std::move(workload));
  if (index)
    *index = static_cast<int>(next.workloads.size()) - 1;
  return next;
}

Scenario withDuplicatedWorkload(const Scenario &scenario, int source, const std::string &name,
                                int *index) {
  if (!inRange(scenario, source))
    return scenario;
  Scenario next = scenario;
  Workload copy = scenario.workloads[static_cast<std::size_t>(source)];
  copy.id = uniqueWorkloadId(scenario, copy.id + "-copy");
  copy.name = name;
  next.workloads.insert(next.workloads.begin() + source + 1, std::move(copy));
  if (index)
    *index = source + 1;
  return next;
}

Scenario withoutWorkload(const Scenario &scenario, int index) {
  if (!inRange(scenario, index))
    return scenario;
  Scenario next = scenario;
  next.workloads.erase(next.workloads.begin() + index);
  return next;
}

} // namespace bwi::core
