#include "core/analysis/optimizedproposal.h"

#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/model/calendar.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace bwi::core {
namespace {

constexpr double kWorthwhileSaving = 0.01; // of the USD per request

bool routable(const std::string &tier) {
  return tier == "small" || tier == "mid" || tier == "premium";
}

// Whether `model` can take the workload as configured without an error or a
// silent change of service.
bool adequate(const ModelRates &model, const Workload &workload) {
  if (!(model.onDemand.outputPer1m > 0) || model.onDemand.estimate)
    return false;
  if (workload.serviceTier != ServiceTier::Standard && !model.tierMultiplier(workload.serviceTier))
    return false;
  if (workload.caching && workload.caching->ttl == CacheTtl::OneHour && model.cache &&
      !model.cache->write1hPer1m)
    return false;
  return true;
}

// USD per request of `workload` on `model` with its batch share, through the
// same preparation the evaluation uses, so the ranking prices exactly what
// the bill would.
double usdPerRequest(const Workload &workload, const ModelRates &model) {
  Scenario single;
  Workload only = workload;
  only.routing = {{model.id, 1.0}};
  only.escalation.reset(); // the model's own price per request
  only.requestsPerMonth = 1;
  single.workloads.push_back(std::move(only));
  RateCard card;
  card.models.push_back(model);
  const PreparedScenario prepared = prepareScenario(single, card);
  const PreparedFlow &flow = prepared.segment(0).flows.front();
  const double realtime = flow.onDemandUsd();
  const double batch = flow.batchOnDemand ? realtime : flow.batchUsd;
  return (1 - workload.batchShare) * realtime + workload.batchShare * batch;
}

std::string percentText(double share) { return formatPercent(share); }

std::string tpmText(double tpm) { return formatCount(tpm); }

// USD per request of `workload` over its routing mix.
double usdPerRequest(const Workload &workload, const RateCard &card) {
  double usd = 0;
  for (const RoutingShare &route : workload.routing)
    if (const ModelRates *model = card.find(route.modelId); model && route.share > 0)
      usd += route.share * usdPerRequest(workload, *model);
  return usd;
}

// Routes on a model in `keep` stay where they are. `card` is the month's
// (cardInForce): list prices as they stand then, retired models left out.
void routeCheapest(Workload &workload, const RateCard &card, std::optional<int> calendarMonth,
                   const OptimizeOptions &options, const std::set<std::string> &keep,
                   std::vector<std::string> &changes) {
  std::vector<RoutingShare> routing;
  for (const RoutingShare &route : workload.routing) {
    const ModelRates *current = card.find(route.modelId);
    const ModelRates *best = current;
    if (current && route.share > 0 && routable(current->tier) && !keep.count(current->id)) {
      double bestUsd = usdPerRequest(workload, *current);
      for (const ModelRates &candidate : card.models) {
        if (candidate.tier != current->tier || candidate.id == current->id ||
            !adequate(candidate, workload) || retiredIn(candidate, calendarMonth) ||
            (options.sameProvider && candidate.provider != current->provider))
          continue;
        const double usd = usdPerRequest(workload, candidate);
        // A migration costs testing and prompt work: under 1% is not worth it.
        if (usd < bestUsd * (1 - kWorthwhileSaving)) {
          best = &candidate;
          bestUsd = usd;
        }
      }
    }
    const std::string id = best ? best->id : route.modelId;
    if (id != route.modelId)
      changes.push_back(workload.name + ": " + percentText(route.share) + " of requests from " +
                        route.modelId + " to " + id + " (cheapest " + current->tier +
                        "-tier model)");
    auto same = std::find_if(routing.begin(), routing.end(),
                             [&](const RoutingShare &entry) { return entry.modelId == id; });
    if (same != routing.end())
      same->share += route.share;
    else
      routing.push_back({id, route.share});
  }
  workload.routing = std::move(routing);
}

std::string monthText(int month) {
  return " (the optimum for month " + std::to_string(month + 1) + ")";
}

void sizeCommitments(Scenario &scenario, const RateCard &card, int month,
                     std::vector<std::string> &changes) {
  const Evaluation evaluation = evaluate(prepareScenario(scenario, card), month);
  // Existing commitments: resized to the optimum of the traffic left on them.
  for (const ProvisionedResult &result : evaluation.provisioned) {
    auto commitment = std::find_if(
        scenario.provisioned.begin(), scenario.provisioned.end(),
        [&](const ProvisionedCommitment &entry) { return entry.modelId == result.modelId; });
    if (commitment == scenario.provisioned.end() ||
        commitment->modelUnits == result.optimalModelUnits)
      continue;
    changes.push_back(result.modelId + ": provisioned model units " +
                      std::to_string(commitment->modelUnits) + " → " +
                      std::to_string(result.optimalModelUnits) + monthText(month));
    if (result.optimalModelUnits < 1)
      scenario.provisioned.erase(commitment);
    else
      commitment->modelUnits = static_cast<int>(result.optimalModelUnits);
  }
  // Models without one: a commitment where a quoted price makes it pay.
  for (const SizingResult &sizing : evaluation.sizing) {
    const bool committed = std::any_of(
        scenario.provisioned.begin(), scenario.provisioned.end(),
        [&](const ProvisionedCommitment &entry) { return entry.modelId == sizing.modelId; });
    const bool wasCommitted = std::any_of(
        evaluation.provisioned.begin(), evaluation.provisioned.end(),
        [&](const ProvisionedResult &entry) { return entry.modelId == sizing.modelId; });
    if (committed || wasCommitted || sizing.optimalModelUnits < 1)
      continue;
    scenario.provisioned.push_back(
        {sizing.modelId, static_cast<int>(sizing.optimalModelUnits), sizing.term, month});
    changes.push_back(sizing.modelId + ": commit " + std::to_string(sizing.optimalModelUnits) +
                      " provisioned model unit(s), " + std::string(toString(sizing.term)) +
                      monthText(month));
  }
  for (const ReservedResult &result : evaluation.reserved) {
    auto reservation =
        std::find_if(scenario.reserved.begin(), scenario.reserved.end(),
                     [&](const Reservation &entry) { return entry.modelId == result.modelId; });
    if (reservation == scenario.reserved.end())
      continue;
    if (reservation->inputTpm == result.optimalInputTpm &&
        reservation->outputTpm == result.optimalOutputTpm)
      continue;
    changes.push_back(result.modelId + ": reservation " + tpmText(reservation->inputTpm) + " / " +
                      tpmText(reservation->outputTpm) + " input/output TPM → " +
                      tpmText(result.optimalInputTpm) + " / " + tpmText(result.optimalOutputTpm) +
                      " (the optimum)");
    if (result.optimalInputTpm <= 0 && result.optimalOutputTpm <= 0) {
      scenario.reserved.erase(reservation);
    } else {
      reservation->inputTpm = result.optimalInputTpm;
      reservation->outputTpm = result.optimalOutputTpm;
    }
  }
}

double netUsdAt(const Scenario &scenario, const RateCard &card, int month) {
  return evaluate(prepareScenario(scenario, card), month, {1.0, false}).netUsd;
}

// The three steps, with routes on the models in `keep` left where they are.
OptimizedProposal propose(const Scenario &baseline, const RateCard &card, int month,
                          const OptimizeOptions &options, const std::set<std::string> &keep) {
  OptimizedProposal proposal;
  proposal.scenario = baseline;
  Scenario &scenario = proposal.scenario;
  // Ranked by the prices of the month the proposal is for (docs/cost-model.md §13.3).
  const std::optional<int> start = calendarStart(baseline);
  const std::optional<int> calendarMonth = start ? std::optional(*start + month) : start;
  const RateCard ranking = cardInForce(card, calendarMonth);
  for (Workload &workload : scenario.workloads) {
    if (workload.latencyTolerant && workload.batchShare < 1) {
      // Only where batch is cheaper: a card may price batch above on demand.
      Workload batched = workload;
      batched.batchShare = 1;
      if (usdPerRequest(batched, ranking) < usdPerRequest(workload, ranking)) {
        proposal.changes.push_back(workload.name + ": batch share " +
                                   percentText(workload.batchShare) +
                                   " → 100% (marked latency-tolerant)");
        workload.batchShare = 1;
      }
    }
    routeCheapest(workload, ranking, calendarMonth, options, keep, proposal.changes);
  }
  sizeCommitments(scenario, card, month, proposal.changes);
  return proposal;
}

} // namespace

OptimizedProposal proposeOptimized(const Scenario &baseline, const RateCard &card, int month,
                                   const OptimizeOptions &options) {
  // Routing compares list prices per request; traffic on a model with a PT
  // commitment or a reservation may cost less where it is. So the proposal
  // is also built with those routes kept, and the cheaper of the two wins;
  // and a proposal never costs more than the baseline (fuzz_pipeline found
  // one that did: docs/fuzzing.md).
  std::set<std::string> committed;
  for (const ProvisionedCommitment &commitment : baseline.provisioned)
    committed.insert(commitment.modelId);
  for (const Reservation &reservation : baseline.reserved)
    committed.insert(reservation.modelId);
  OptimizedProposal best = propose(baseline, card, month, options, {});
  double bestUsd = netUsdAt(best.scenario, card, month);
  if (!committed.empty()) {
    OptimizedProposal keeping = propose(baseline, card, month, options, committed);
    const double keepingUsd = netUsdAt(keeping.scenario, card, month);
    if (keepingUsd < bestUsd) {
      best = std::move(keeping);
      bestUsd = keepingUsd;
    }
  }
  if (bestUsd > netUsdAt(baseline, card, month)) {
    best.scenario = baseline;
    best.changes.clear();
  }
  best.scenario.name =
      (baseline.name.empty() ? std::string("Untitled scenario") : baseline.name) + " (optimized)";
  return best;
}

} // namespace bwi::core
