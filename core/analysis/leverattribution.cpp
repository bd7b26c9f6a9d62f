#include "core/analysis/leverattribution.h"

#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariovalidation.h"

#include <algorithm>
#include <array>

namespace bwi::core {
namespace {

struct LeverText {
  AttributionLever lever;
  std::string_view name;
  std::string_view key;
};
constexpr std::array kLeverTexts = {
    LeverText{AttributionLever::Volume, "Volume", "volume"},
    LeverText{AttributionLever::Routing, "Routing", "routing"},
    LeverText{AttributionLever::Batch, "Batch", "batch"},
    LeverText{AttributionLever::Caching, "Caching", "caching"},
    LeverText{AttributionLever::TokenShape, "Context trimming", "token_shape"},
    LeverText{AttributionLever::ServiceTier, "Service tier", "service_tier"},
    LeverText{AttributionLever::Provisioned, "Provisioned throughput", "provisioned"},
    LeverText{AttributionLever::RateCard, "Rate card", "rate_card"},
    LeverText{AttributionLever::PrivatePricing, "Private pricing", "private_pricing"},
};

const LeverText &textOf(AttributionLever lever) {
  return *std::find_if(kLeverTexts.begin(), kLeverTexts.end(),
                       [&](const LeverText &text) { return text.lever == lever; });
}

// A workload as each side has it. A workload one side lacks is, on that
// side, the other side's workload with no requests: it costs nothing there,
// and its volume is what the volume lever adds or removes.
struct WorkloadPair {
  Workload from;
  Workload to;
};

std::vector<WorkloadPair> pairWorkloads(const Scenario &baseline, const Scenario &compared) {
  std::vector<WorkloadPair> pairs;
  const auto absent = [](Workload workload) {
    workload.requestsPerMonth = 0;
    return workload;
  };
  const auto findIn = [](const Scenario &scenario, const std::string &id) -> const Workload * {
    for (const Workload &workload : scenario.workloads)
      if (workload.id == id)
        return &workload;
    return nullptr;
  };
  for (const Workload &workload : baseline.workloads) {
    const Workload *other = findIn(compared, workload.id);
    pairs.push_back({workload, other ? *other : absent(workload)});
  }
  for (const Workload &workload : compared.workloads)
    if (!findIn(baseline, workload.id))
      pairs.push_back({absent(workload), workload});
  return pairs;
}

// `primary` with the models only `secondary` has, so that a half-moved
// scenario can name the models of either side.
RateCard unionCard(const RateCard &primary, const RateCard &secondary) {
  RateCard card = primary;
  for (const ModelRates &model : secondary.models)
    if (!primary.find(model.id))
      card.models.push_back(model);
  return card;
}

void moveLever(AttributionLever lever, Workload &target, const Workload &to) {
  switch (lever) {
  case AttributionLever::Volume:
    target.requestsPerMonth = to.requestsPerMonth;
    target.volumeMultiplier = to.volumeMultiplier;
    target.growthPerMonth = to.growthPerMonth;
    target.profile = to.profile;
    break;
  case AttributionLever::Routing:
    target.routing = to.routing;
    break;
  case AttributionLever::Batch:
    target.batchShare = to.batchShare;
    target.latencyTolerant = to.latencyTolerant;
    break;
  case AttributionLever::Caching:
    target.caching = to.caching;
    break;
  case AttributionLever::TokenShape:
    target.tokens = to.tokens;
    break;
  case AttributionLever::ServiceTier:
    target.serviceTier = to.serviceTier;
    break;
  case AttributionLever::Provisioned:
  case AttributionLever::RateCard:
  case AttributionLever::PrivatePricing:
    break;
  }
}

void moveLever(AttributionLever lever, Scenario &target, const Scenario &to) {
  switch (lever) {
  case AttributionLever::Volume:
    target.globalVolumeMultiplier = to.globalVolumeMultiplier;
    break;
  case AttributionLever::Provisioned:
    target.provisioned = to.provisioned;
    target.reserved = to.reserved;
    target.hoursPerMonth = to.hoursPerMonth;
    break;
  case AttributionLever::PrivatePricing:
    target.agreement = to.agreement;
    break;
  default:
    break;
  }
}

double netUsd(const Scenario &scenario, const RateCard &card, int month) {
  EvaluationOptions options;
  options.includeSizing = false;
  return evaluate(prepareScenario(scenario, card), month, options).netUsd;
}

std::string barLabel(const std::vector<AttributionLever> &levers) {
  std::string label;
  for (AttributionLever lever : levers) {
    if (!label.empty())
      label += " + ";
    label += textOf(lever).name;
  }
  return label;
}

} // namespace

std::string_view attributionLeverName(AttributionLever lever) { return textOf(lever).name; }
std::string_view attributionLeverKey(AttributionLever lever) { return textOf(lever).key; }

std::string attributionOrderText() {
  std::string text;
  for (AttributionLever lever : kAttributionOrder) {
    if (!text.empty())
      text += " → ";
    text += textOf(lever).name;
  }
  return text;
}

LeverAttribution attributeLevers(const Scenario &baseline, const RateCard &baselineCard,
                                 const Scenario &compared, const RateCard &comparedCard,
                                 int month) {
  LeverAttribution result;
  result.month = month;
  result.baselineNetUsd = netUsd(baseline, baselineCard, month);
  result.comparedNetUsd = netUsd(compared, comparedCard, month);

  const std::vector<WorkloadPair> pairs = pairWorkloads(baseline, compared);
  const RateCard cardBefore = unionCard(baselineCard, comparedCard);
  const RateCard cardAfter = unionCard(comparedCard, baselineCard);
  const bool cardsDiffer = !(baselineCard == comparedCard);

  Scenario current = baseline;
  current.workloads.clear();
  for (const WorkloadPair &pair : pairs)
    current.workloads.push_back(pair.from);
  const RateCard *card = &cardBefore;

  std::vector<AttributionLever> pending;
  double running = result.baselineNetUsd;
  const AttributionLever last = kAttributionOrder[std::size(kAttributionOrder) - 1];
  for (AttributionLever lever : kAttributionOrder) {
    if (lever == AttributionLever::RateCard && !cardsDiffer)
      continue;
    pending.push_back(lever);
    for (std::size_t w = 0; w < pairs.size(); ++w)
      moveLever(lever, current.workloads[w], pairs[w].to);
    moveLever(lever, current, compared);
    if (lever == AttributionLever::RateCard)
      card = &cardAfter;
    double next = 0;
    if (lever == last) {
      // Every lever has moved: the compared scenario itself, costed as such,
      // so the bars end exactly on its figure.
      next = result.comparedNetUsd;
    } else {
      ValidationIssues issues;
      validateScenario(current, *card, issues);
      if (!issues.empty())
        continue; // moves together with the next lever
      next = netUsd(current, *card, month);
    }
    result.bars.push_back({pending, barLabel(pending), next - running, next});
    running = next;
    pending.clear();
  }
  return result;
}

} // namespace bwi::core
