#include "core/analysis/leverattribution.h"

#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariovalidation.h"

#include <algorithm>
#include <array>

namespace bwi::core {
namespace {

struct LeverText {
  AttributionStep lever;
  std::string_view name;
  std::string_view key;
};
constexpr std::array kLeverTexts = {
    LeverText{AttributionStep::Volume, "Volume", "volume"},
    LeverText{AttributionStep::Routing, "Routing", "routing"},
    LeverText{AttributionStep::Batch, "Batch", "batch"},
    LeverText{AttributionStep::Caching, "Caching", "caching"},
    LeverText{AttributionStep::TokenShape, "Context trimming", "token_shape"},
    LeverText{AttributionStep::ServiceTier, "Service tier", "service_tier"},
    LeverText{AttributionStep::Meters, "Meters", "meters"},
    LeverText{AttributionStep::Provisioned, "Provisioned throughput", "provisioned"},
    LeverText{AttributionStep::RateCard, "Rate card", "rate_card"},
    LeverText{AttributionStep::PrivatePricing, "Private pricing", "private_pricing"},
};

const LeverText &textOf(AttributionStep lever) {
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
  // An absent workload has no meters either: a floor would cost something.
  const auto absent = [](Workload workload) {
    workload.requestsPerMonth = 0;
    workload.meters.clear();
    workload.unit.reset();
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
  for (const MeterRate &meter : secondary.meters)
    if (std::none_of(primary.meters.begin(), primary.meters.end(),
                     [&](const MeterRate &own) { return own.kind == meter.kind; }))
      card.meters.push_back(meter);
  for (const PromptRouter &router : secondary.promptRouters)
    if (!primary.findRouter(router.id))
      card.promptRouters.push_back(router);
  return card;
}

void moveLever(AttributionStep lever, Workload &target, const Workload &to) {
  switch (lever) {
  case AttributionStep::Volume:
    target.requestsPerMonth = to.requestsPerMonth;
    target.volumeMultiplier = to.volumeMultiplier;
    target.growthPerMonth = to.growthPerMonth;
    target.profile = to.profile;
    break;
  case AttributionStep::Routing:
    // The exception path and the prompt router route requests too
    // (docs/cost-model.md §15): they move with the shares.
    target.routing = to.routing;
    target.escalation = to.escalation;
    target.promptRouter = to.promptRouter;
    break;
  case AttributionStep::Batch:
    target.batchShare = to.batchShare;
    target.latencyTolerant = to.latencyTolerant;
    break;
  case AttributionStep::Caching:
    target.caching = to.caching;
    break;
  case AttributionStep::TokenShape:
    target.tokens = to.tokens;
    break;
  case AttributionStep::ServiceTier:
    target.serviceTier = to.serviceTier;
    break;
  case AttributionStep::Meters:
    target.meters = to.meters;
    target.unit = to.unit;
    break;
  case AttributionStep::Provisioned:
  case AttributionStep::RateCard:
  case AttributionStep::PrivatePricing:
    break;
  }
}

void moveLever(AttributionStep lever, Scenario &target, const Scenario &to) {
  switch (lever) {
  case AttributionStep::Volume:
    target.globalVolumeMultiplier = to.globalVolumeMultiplier;
    break;
  case AttributionStep::Provisioned:
    target.provisioned = to.provisioned;
    target.reserved = to.reserved;
    target.hoursPerMonth = to.hoursPerMonth;
    break;
  case AttributionStep::PrivatePricing:
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

std::string barLabel(const std::vector<AttributionStep> &levers) {
  std::string label;
  for (AttributionStep lever : levers) {
    if (!label.empty())
      label += " + ";
    label += textOf(lever).name;
  }
  return label;
}

} // namespace

std::string_view attributionLeverKey(AttributionStep lever) { return textOf(lever).key; }

std::string attributionOrderText() {
  std::string text;
  for (AttributionStep lever : kAttributionOrder) {
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
  const bool metersDiffer = std::any_of(pairs.begin(), pairs.end(), [](const WorkloadPair &pair) {
    return pair.from.meters != pair.to.meters;
  });

  Scenario current = baseline;
  current.workloads.clear();
  for (const WorkloadPair &pair : pairs)
    current.workloads.push_back(pair.from);
  const RateCard *card = &cardBefore;

  std::vector<AttributionStep> pending;
  double running = result.baselineNetUsd;
  const AttributionStep last = kAttributionOrder[std::size(kAttributionOrder) - 1];
  for (AttributionStep lever : kAttributionOrder) {
    if ((lever == AttributionStep::RateCard && !cardsDiffer) ||
        (lever == AttributionStep::Meters && !metersDiffer))
      continue;
    pending.push_back(lever);
    for (std::size_t w = 0; w < pairs.size(); ++w)
      moveLever(lever, current.workloads[w], pairs[w].to);
    moveLever(lever, current, compared);
    if (lever == AttributionStep::RateCard)
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
