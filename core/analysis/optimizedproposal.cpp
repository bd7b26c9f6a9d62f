#include "core/analysis/optimizedproposal.h"

#include "core/analysis/escalation.h"

#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/model/calendar.h"

#include <algorithm>
#include <cmath>
#include <functional>
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

bool routedToday(const Workload &workload, const std::string &modelId) {
  return std::any_of(workload.routing.begin(), workload.routing.end(),
                     [&](const RoutingShare &route) { return route.modelId == modelId; });
}

bool isGlobalProfile(const std::string &id) { return id.rfind("global.", 0) == 0; }

// Both scored by the card's leaderboard, and the candidate lower.
// Whether the leaderboard cannot show `candidate` to be as good as `current`:
// scored lower, or not scored where `current` is (as a model without a score
// never meets a minimum).
bool lowerScore(const ModelRates &candidate, const ModelRates &current) {
  return current.quality &&
         (!candidate.quality || candidate.quality->score < current.quality->score);
}

bool meetsMinimum(const ModelRates &model, double minimum) {
  // A model the leaderboard does not list has no score to meet a minimum with.
  return model.quality && model.quality->score >= minimum;
}

// " on LEADERBOARD (DATE): ID scores X": the score is a dated, sourced
// figure (docs/ratecard.md), never a verdict.
std::string qualityOfText(const ModelRates &chosen) {
  if (!chosen.quality)
    return {};
  return " on " + chosen.quality->leaderboard + " (" + chosen.quality->date + "): " + chosen.id +
         " scores " + formatCount(chosen.quality->score);
}

std::string scoreText(double score) { return formatCount(score); }

// The rule of a move from `current` to `chosen`, as the user reads it.
std::string ruleText(const Workload &workload, const ModelRates &chosen,
                     const OptimizeOptions &options) {
  std::string text;
  switch (adequacyRule(workload)) {
  case ChangeRule::AdequateModels:
    text = "listed adequate set (adequate_models)";
    break;
  case ChangeRule::MinQuality:
    // The score is the leaderboard's, dated: a sourced figure, not a verdict.
    text = "minimum quality score " + scoreText(*workload.minQuality);
    text += qualityOfText(chosen);
    break;
  default:
    text = "no adequate set: stayed with " + chosen.provider + ", same tier (" + chosen.tier + ")";
    break;
  }
  if (options.sameProvider && adequacyRule(workload) != ChangeRule::SameProvider)
    text += ", same provider only";
  if (isGlobalProfile(chosen.id))
    text += "; global cross-region inference may serve requests in any commercial AWS region";
  return text;
}

std::string percentText(double share) { return formatPercent(share); }

// Batch and commitments keep the traffic on its model: no quality rule to obey.
ProposedChange sameModel(std::string text, std::string workloadId = {}) {
  ProposedChange change;
  change.text = std::move(text);
  change.workloadId = std::move(workloadId);
  change.rule = ChangeRule::SameModel;
  change.ruleText = "same model: no quality change";
  return change;
}

std::string tpmText(double tpm) { return formatCount(tpm); }

double netUsdAt(const Scenario &scenario, const RateCard &card, int month) {
  return evaluate(prepareScenario(scenario, card), month, {1.0, false}).netUsd;
}

// Builds the proposal one change at a time and measures what each saves:
// the month's net before it minus the net after it, so that the savings
// add up to the proposal's (docs/cost-model.md §15).
struct Ledger {
  const RateCard &card;
  int month;
  double netUsd;
  std::vector<ProposedChange> &changes;
  void record(const Scenario &scenario, ProposedChange change) {
    const double after = netUsdAt(scenario, card, month);
    change.savingUsd = netUsd - after;
    netUsd = after;
    changes.push_back(std::move(change));
  }
};

// USD per request of `workload` over its routing mix and its exception path,
// the shares as monthRouting gives them (docs/cost-model.md §12: the one home
// of s'_B = s_B + e·(1 − s_B)), each model priced by usdPerRequest so that the
// ranking prices what the bill would. `card` is already the month's card.
double usdPerRequest(const Workload &workload, const RateCard &card) {
  double usd = 0;
  for (const RoutingShare &route : monthRouting(workload, card, std::nullopt).shares)
    if (const ModelRates *model = card.find(route.modelId); model && route.share > 0)
      usd += route.share * usdPerRequest(workload, *model);
  return usd;
}

// Moves the whole entry of `from` to `to`, merging with an entry `to`
// already has (at the earlier of the two places).
void moveShare(std::vector<RoutingShare> &routing, const std::string &from, const std::string &to) {
  auto source = std::find_if(routing.begin(), routing.end(),
                             [&](const RoutingShare &entry) { return entry.modelId == from; });
  if (source == routing.end() || from == to)
    return;
  auto target = std::find_if(routing.begin(), routing.end(),
                             [&](const RoutingShare &entry) { return entry.modelId == to; });
  if (target == routing.end()) {
    source->modelId = to;
    return;
  }
  const double share = source->share + target->share;
  if (source < target) {
    source->modelId = to;
    source->share = share;
    routing.erase(target);
  } else {
    target->share = share;
    routing.erase(source);
  }
}

void addShare(std::vector<RoutingShare> &routing, const std::string &id, double share) {
  auto entry = std::find_if(routing.begin(), routing.end(),
                            [&](const RoutingShare &route) { return route.modelId == id; });
  if (entry != routing.end())
    entry->share += share;
  else
    routing.push_back({id, share});
}

// The `global.` twin of a regional or geo id (docs/ratecard.md, "Scopes"):
// global.X for X or us.X.
std::string globalTwinOf(const std::string &id) {
  const std::string base = id.rfind("us.", 0) == 0 ? id.substr(3) : id;
  return "global." + base;
}

bool routesTo(const Workload &workload, const std::string &id) {
  return std::any_of(workload.routing.begin(), workload.routing.end(),
                     [&](const RoutingShare &route) { return route.modelId == id; });
}

// The router's other model is adequate as the workload's rule says, without
// the tier bound of the same-provider rule: the router itself sends a
// request to the smaller model only where it predicts an answer as good
// (docs/cost-model.md §20).
bool routerSiblingAdequate(const Workload &workload, const ModelRates &sibling,
                           const RateCard &card) {
  switch (adequacyRule(workload)) {
  case ChangeRule::AdequateModels:
    return std::find(workload.adequateModels.begin(), workload.adequateModels.end(), sibling.id) !=
           workload.adequateModels.end();
  case ChangeRule::MinQuality:
    return meetsMinimum(sibling, *workload.minQuality);
  default:
    return std::any_of(workload.routing.begin(), workload.routing.end(),
                       [&](const RoutingShare &route) {
                         const ModelRates *routed = card.find(route.modelId);
                         return routed && routed->provider == sibling.provider;
                       });
  }
}

struct RoutingContext {
  const RateCard &ranking; // the month's card (cardInForce)
  std::optional<int> calendarMonth;
  const OptimizeOptions &options;
  const std::set<std::string> &keep;     // models whose routes stay (commitments)
  const std::set<std::string> &noPolicy; // workloads refused the seed policy (e* check)
};

// The cheapest candidate for a share leaving `current`, among `tiers`
// (nullptr: any routable tier), or nullptr when none saves 1% per request.
const ModelRates *cheapestCandidate(const Workload &original, const Workload &workload,
                                    const ModelRates &current, const RoutingContext &context,
                                    const std::function<bool(const ModelRates &)> &tierAllowed,
                                    const std::set<std::string> &excluded) {
  const ModelRates *best = nullptr;
  double bestUsd = usdPerRequest(workload, current) * (1 - kWorthwhileSaving);
  for (const ModelRates &candidate : context.ranking.models) {
    if (candidate.id == current.id || !routable(candidate.tier) || !tierAllowed(candidate) ||
        excluded.count(candidate.id) ||
        !withinAdequateSet(original, current, candidate, context.ranking) ||
        !adequate(candidate, workload) || retiredIn(candidate, context.calendarMonth) ||
        (context.options.sameProvider && candidate.provider != current.provider))
      continue;
    const double usd = usdPerRequest(workload, candidate);
    // A migration costs testing and prompt work: under 1% is not worth it.
    if (usd < bestUsd) {
      best = &candidate;
      bestUsd = usd;
    }
  }
  return best;
}

// Step 2 for one workload: each share's cheapest adequate option, one
// change at a time (docs/cost-model.md §15).
void routeWorkload(Scenario &scenario, std::size_t w, const RoutingContext &context, Ledger &ledger,
                   std::vector<std::size_t> &policyChanges) {
  const Workload original = scenario.workloads[w];
  std::set<std::string> keep = context.keep;
  // Shares behind a router are its expected split: the optimizer leaves them.
  std::set<std::string> routerModels;
  if (const PromptRouter *router = context.ranking.findRouter(original.promptRouter))
    for (const std::string &id : router->models) {
      keep.insert(id);
      routerModels.insert(id);
    }
  // The seed's policy takes the premium share with the most traffic, and
  // only where the workload's exception path (if any) already leads to it.
  std::string policyModel;
  if (!context.noPolicy.count(original.id)) {
    double largest = 0;
    for (const RoutingShare &route : original.routing) {
      const ModelRates *model = context.ranking.find(route.modelId);
      if (model && model->tier == "premium" && route.share > largest && !keep.count(model->id)) {
        policyModel = model->id;
        largest = route.share;
      }
    }
    if (original.escalation && original.escalation->to != policyModel)
      policyModel.clear();
  }
  for (const RoutingShare &route : original.routing) {
    Workload &workload = scenario.workloads[w];
    const ModelRates *current = context.ranking.find(route.modelId);
    if (!current || !(route.share > 0) || !routable(current->tier) || keep.count(current->id))
      continue;
    const double before = usdPerRequest(workload, context.ranking);
    const bool premium = current->tier == "premium";
    // A premium share moves down a tier only with an exception path back.
    const ModelRates *straight = cheapestCandidate(
        original, workload, *current, context,
        [&](const ModelRates &candidate) { return !premium || candidate.tier == "premium"; },
        routerModels);
    double bestUsd = before * (1 - kWorthwhileSaving);
    Workload bestWorkload;
    ProposedChange bestChange;
    bool policy = false;
    if (straight) {
      Workload moved = workload;
      moveShare(moved.routing, current->id, straight->id);
      const double usd = usdPerRequest(moved, context.ranking);
      if (usd < bestUsd) {
        bestUsd = usd;
        bestWorkload = std::move(moved);
        bestChange.text = workload.name + ": " + percentText(route.share) + " of requests from " +
                          route.modelId + " to " + straight->id + " (cheapest adequate model)";
        bestChange.rule = adequacyRule(original);
        bestChange.ruleText = ruleText(original, *straight, context.options);
        if (isGlobalProfile(straight->id))
          bestChange.caveat = kGlobalProfileCaveat;
      }
    }
    if (current->id == policyModel) {
      const ModelRates *cheap = cheapestCandidate(
          original, workload, *current, context,
          [&](const ModelRates &candidate) { return candidate.tier != "premium"; }, routerModels);
      if (cheap) {
        Workload moved = workload;
        moveShare(moved.routing, current->id, cheap->id);
        // The workload's own rate where it escalates already, with its
        // source; else the assumed 10%.
        const bool own = original.escalation.has_value();
        const bool measured = own && original.escalation->measured;
        const double rate = own ? original.escalation->rate : kAssumedEscalationRate;
        moved.escalation = Escalation{current->id, rate, measured};
        const double usd = usdPerRequest(moved, context.ranking);
        // Below e* (per request): the policy costs less than all traffic
        // on the premium model; the scenario's own e* is checked at the end.
        if (usd < bestUsd && usd < usdPerRequest(workload, *current)) {
          bestUsd = usd;
          bestWorkload = std::move(moved);
          bestChange = {};
          bestChange.text = workload.name + ": " + percentText(route.share) + " of requests from " +
                            route.modelId + " to " + cheap->id +
                            " (cheapest adequate model), escalating " + percentText(rate) +
                            " back to " + current->id + " (" + (measured ? "measured" : "assumed") +
                            " rate)";
          bestChange.rule = adequacyRule(original);
          bestChange.ruleText = ruleText(original, *cheap, context.options) +
                                "; exceptions go back to " + current->id +
                                ", the model it runs on today";
          bestChange.escalation = ProposedEscalation{
              current->id, rate, measured ? RateSource::Measured : RateSource::Assumed, {}};
          policy = true;
        }
      }
    }
    if (workload.promptRouter.empty())
      for (const PromptRouter &router : context.ranking.promptRouters) {
        if (router.models.size() != 2 || router.models[1] != current->id)
          continue;
        const ModelRates *small = context.ranking.find(router.models[0]);
        if (!small || routesTo(workload, small->id) || !adequate(*small, workload) ||
            retiredIn(*small, context.calendarMonth) ||
            !routerSiblingAdequate(original, *small, context.ranking))
          continue;
        Workload routed = workload;
        routed.routing.erase(
            std::find_if(routed.routing.begin(), routed.routing.end(),
                         [&](const RoutingShare &entry) { return entry.modelId == current->id; }));
        addShare(routed.routing, small->id, route.share * kAssumedRouterSmallShare);
        addShare(routed.routing, current->id, route.share * (1 - kAssumedRouterSmallShare));
        routed.promptRouter = router.id;
        const double usd = usdPerRequest(routed, context.ranking);
        if (usd < bestUsd) {
          bestUsd = usd;
          bestWorkload = std::move(routed);
          bestChange = {};
          bestChange.text = workload.name + ": " + percentText(route.share) + " of requests from " +
                            current->id + " to the " + router.name + " (" + router.id +
                            "), expected split " + percentText(kAssumedRouterSmallShare) + " " +
                            small->id + " / " + percentText(1 - kAssumedRouterSmallShare) + " " +
                            current->id + " (assumed)";
          bestChange.rule = ChangeRule::PromptRouter;
          bestChange.ruleText =
              "AWS Intelligent Prompt Routing (" + router.name +
              (router.sourceDate.empty() ? std::string() : ", " + router.sourceDate) +
              "): the router sends a request to " + small->id +
              " only where it predicts an answer as good; both models adequate (" +
              (adequacyRule(original) == ChangeRule::SameProvider
                   ? "no adequate set: " + small->provider + ", a provider it runs on today"
                   : ruleText(original, *small, context.options)) +
              ")";
          bestChange.router = ProposedRouter{
              router.id,
              {{small->id, kAssumedRouterSmallShare}, {current->id, 1 - kAssumedRouterSmallShare}},
              RateSource::Assumed};
          policy = false;
        }
      }
    if (bestChange.text.empty())
      continue;
    // The router's split is its two shares: nothing else moves onto them.
    if (bestChange.router)
      for (const RoutingShare &share : bestChange.router->split) {
        keep.insert(share.modelId);
        routerModels.insert(share.modelId);
      }
    bestChange.workloadId = original.id;
    bestChange.modelId = current->id;
    workload = std::move(bestWorkload);
    if (policy)
      policyChanges.push_back(ledger.changes.size());
    ledger.record(scenario, std::move(bestChange));
  }
  // 2b. The same model through its global cross-region profile.
  if (original.dataResidency)
    return;
  const std::vector<RoutingShare> routing = scenario.workloads[w].routing;
  for (const RoutingShare &route : routing) {
    Workload &workload = scenario.workloads[w];
    const ModelRates *current = context.ranking.find(route.modelId);
    if (!current || !(route.share > 0) || isGlobalProfile(current->id) || keep.count(current->id) ||
        routerModels.count(current->id))
      continue;
    const ModelRates *twin = context.ranking.find(globalTwinOf(current->id));
    if (!twin || !adequate(*twin, workload) || retiredIn(*twin, context.calendarMonth) ||
        !(usdPerRequest(workload, *twin) <
          usdPerRequest(workload, *current) * (1 - kWorthwhileSaving)))
      continue;
    const std::vector<RoutingShare> previous = workload.routing;
    moveShare(workload.routing, current->id, twin->id);
    ProposedChange change;
    change.text = workload.name + ": " + percentText(route.share) + " of requests from " +
                  current->id + " to " + twin->id +
                  " (the same model through the global cross-region profile)";
    change.workloadId = original.id;
    change.modelId = current->id;
    change.rule = ChangeRule::GlobalProfile;
    change.ruleText = "same model, global cross-region profile at the card's global price; the "
                      "workload is not marked data_residency";
    change.caveat = kGlobalProfileCaveat;
    const double before = ledger.netUsd;
    ledger.record(scenario, std::move(change));
    // A commitment on the regional id can make the move dearer this month:
    // then it is not proposed (docs/cost-model.md §15).
    if (!(ledger.changes.back().savingUsd > 0)) {
      ledger.changes.pop_back();
      ledger.netUsd = before;
      scenario.workloads[w].routing = previous;
    }
  }
}

// A move off a committed model can cost more on its own, the commitment
// still charging for the traffic it leaves, and pay once the commitment is
// resized to what is left: it says so beside it (docs/cost-model.md §15).
void explainPairedMoves(std::vector<ProposedChange> &changes) {
  for (ProposedChange &move : changes) {
    if (move.workloadId.empty() || move.modelId.empty() || move.savingUsd > 0)
      continue;
    const auto commitment =
        std::find_if(changes.begin(), changes.end(), [&](const ProposedChange &change) {
          return change.workloadId.empty() && change.modelId == move.modelId;
        });
    if (commitment == changes.end())
      continue;
    const std::string note =
        "on its own it costs " + formatUsdExact(-move.savingUsd) +
        " more this month, the commitment on " + move.modelId +
        " still charging for the traffic it leaves; with that commitment resized (saves " +
        formatUsdExact(commitment->savingUsd) + ") the two save " +
        formatUsdExact(commitment->savingUsd + move.savingUsd);
    move.caveat = move.caveat.empty() ? note : move.caveat + "; " + note;
  }
}

std::string monthText(int month) {
  return " (the optimum for month " + std::to_string(month + 1) + ")";
}

void sizeCommitments(Scenario &scenario, const RateCard &card, int month, Ledger &ledger) {
  const Evaluation evaluation = evaluate(prepareScenario(scenario, card), month);
  // Existing commitments: resized to the optimum of the traffic left on them.
  for (const ProvisionedResult &result : evaluation.provisioned) {
    auto commitment = std::find_if(
        scenario.provisioned.begin(), scenario.provisioned.end(),
        [&](const ProvisionedCommitment &entry) { return entry.modelId == result.modelId; });
    if (commitment == scenario.provisioned.end() ||
        commitment->modelUnits == result.optimalModelUnits)
      continue;
    ProposedChange change = sameModel(result.modelId + ": provisioned model units " +
                                      std::to_string(commitment->modelUnits) + " → " +
                                      std::to_string(result.optimalModelUnits) + monthText(month));
    change.modelId = result.modelId;
    if (result.optimalModelUnits < 1)
      scenario.provisioned.erase(commitment);
    else
      commitment->modelUnits = static_cast<int>(result.optimalModelUnits);
    ledger.record(scenario, std::move(change));
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
    ProposedChange change = sameModel(
        sizing.modelId + ": commit " + std::to_string(sizing.optimalModelUnits) +
        " provisioned model unit(s), " + std::string(toString(sizing.term)) + monthText(month));
    change.modelId = sizing.modelId;
    ledger.record(scenario, std::move(change));
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
    ProposedChange change = sameModel(
        result.modelId + ": reservation " + tpmText(reservation->inputTpm) + " / " +
        tpmText(reservation->outputTpm) + " input/output TPM → " + tpmText(result.optimalInputTpm) +
        " / " + tpmText(result.optimalOutputTpm) + " (the optimum)");
    change.modelId = result.modelId;
    if (result.optimalInputTpm <= 0 && result.optimalOutputTpm <= 0) {
      scenario.reserved.erase(reservation);
    } else {
      reservation->inputTpm = result.optimalInputTpm;
      reservation->outputTpm = result.optimalOutputTpm;
    }
    ledger.record(scenario, std::move(change));
  }
}

struct Built {
  OptimizedProposal proposal;
  std::vector<std::size_t> policyChanges; // indices of seed-policy changes
};

// The steps, with routes on the models in `keep` left where they are and
// no seed policy for the workloads in `noPolicy`.
Built propose(const Scenario &baseline, const RateCard &card, int month,
              const OptimizeOptions &options, const std::set<std::string> &keep,
              const std::set<std::string> &noPolicy) {
  Built built;
  OptimizedProposal &proposal = built.proposal;
  proposal.scenario = baseline;
  Scenario &scenario = proposal.scenario;
  Ledger ledger{card, month, netUsdAt(baseline, card, month), proposal.changes};
  // Ranked by the prices of the month the proposal is for (docs/cost-model.md §13.3).
  const std::optional<int> start = calendarStart(baseline);
  const std::optional<int> calendarMonth = start ? std::optional(*start + month) : start;
  const RateCard ranking = cardInForce(card, calendarMonth);
  const RoutingContext context{ranking, calendarMonth, options, keep, noPolicy};
  for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
    Workload &workload = scenario.workloads[w];
    if (workload.latencyTolerant && workload.batchShare < 1) {
      // Only where batch is cheaper: a card may price batch above on demand.
      Workload batched = workload;
      batched.batchShare = 1;
      if (usdPerRequest(batched, ranking) < usdPerRequest(workload, ranking)) {
        ProposedChange change =
            sameModel(workload.name + ": batch share " + percentText(workload.batchShare) +
                          " → 100% (marked latency-tolerant)",
                      workload.id);
        workload.batchShare = 1;
        ledger.record(scenario, std::move(change));
      }
    }
    routeWorkload(scenario, w, context, ledger, built.policyChanges);
  }
  sizeCommitments(scenario, card, month, ledger);
  return built;
}

// The variant that costs least: every route free to move, or the routes on
// committed models kept (their commitment may make them cheaper than list).
Built cheapestVariant(const Scenario &baseline, const RateCard &card, int month,
                      const OptimizeOptions &options, const std::set<std::string> &noPolicy) {
  std::set<std::string> committed;
  for (const ProvisionedCommitment &commitment : baseline.provisioned)
    committed.insert(commitment.modelId);
  for (const Reservation &reservation : baseline.reserved)
    committed.insert(reservation.modelId);
  Built best = propose(baseline, card, month, options, {}, noPolicy);
  if (!committed.empty()) {
    Built keeping = propose(baseline, card, month, options, committed, noPolicy);
    if (netUsdAt(keeping.proposal.scenario, card, month) <
        netUsdAt(best.proposal.scenario, card, month))
      best = std::move(keeping);
  }
  return best;
}

} // namespace

std::string savingText(const ProposedChange &change) {
  if (change.savingUsd < 0)
    return "costs " + formatUsdExact(-change.savingUsd) + " more per month on its own";
  return "saves " + formatUsdExact(change.savingUsd) + " per month";
}

const char *toString(ChangeRule rule) {
  switch (rule) {
  case ChangeRule::SameModel:
    return "same_model";
  case ChangeRule::AdequateModels:
    return "adequate_models";
  case ChangeRule::MinQuality:
    return "min_quality";
  case ChangeRule::SameProvider:
    return "same_provider";
  case ChangeRule::PromptRouter:
    return "prompt_router";
  case ChangeRule::GlobalProfile:
    return "global_profile";
  }
  return "same_model";
}

const char *toString(RateSource source) {
  return source == RateSource::Measured ? "measured" : "assumed";
}

ChangeRule adequacyRule(const Workload &workload) {
  if (!workload.adequateModels.empty())
    return ChangeRule::AdequateModels;
  if (workload.minQuality)
    return ChangeRule::MinQuality;
  return ChangeRule::SameProvider;
}

bool withinAdequateSet(const Workload &workload, const ModelRates &current,
                       const ModelRates &candidate, const RateCard &card) {
  // It runs on them today; with no set, still only within the tier of the
  // share (a split by tier is often a routing by difficulty).
  const bool today = routedToday(workload, candidate.id);
  // Marked data-resident: no global profile, listed or not.
  if (workload.dataResidency && isGlobalProfile(candidate.id) && !today)
    return false;
  if (today && adequacyRule(workload) != ChangeRule::SameProvider)
    return true;
  // A global profile may serve requests in any commercial region: a data-
  // residency decision, not a quality one, so only a listed global id is a
  // move (docs/scenario-format.md).
  if (isGlobalProfile(candidate.id) && !isGlobalProfile(current.id) &&
      std::find(workload.adequateModels.begin(), workload.adequateModels.end(), candidate.id) ==
          workload.adequateModels.end())
    return false;
  switch (adequacyRule(workload)) {
  case ChangeRule::AdequateModels:
    return std::find(workload.adequateModels.begin(), workload.adequateModels.end(),
                     candidate.id) != workload.adequateModels.end();
  case ChangeRule::MinQuality:
    return meetsMinimum(candidate, *workload.minQuality);
  default:
    break;
  }
  // Nothing says what is adequate: a provider the workload already uses, in
  // the tier of the model the share leaves, so that no premium workload is
  // sent to a small model nobody evaluated, and never to a model the card's
  // leaderboard scores below the one it leaves (docs/scenario-format.md).
  if (candidate.tier != current.tier)
    return false;
  if (today)
    return true;
  if (lowerScore(candidate, current))
    return false;
  return std::any_of(workload.routing.begin(), workload.routing.end(),
                     [&](const RoutingShare &route) {
                       const ModelRates *routed = card.find(route.modelId);
                       return routed && routed->provider == candidate.provider;
                     });
}

OptimizedProposal proposeOptimized(const Scenario &baseline, const RateCard &card, int month,
                                   const OptimizeOptions &options) {
  // Routing compares list prices per request; traffic on a model with a PT
  // commitment or a reservation may cost less where it is. So the proposal
  // is also built with those routes kept, and the cheaper of the two wins;
  // and a proposal never costs more than the baseline (fuzz_pipeline found
  // one that did: docs/fuzzing.md).
  std::set<std::string> noPolicy;
  Built best;
  while (true) {
    best = cheapestVariant(baseline, card, month, options, noPolicy);
    // Each seed policy beside the month's e* of the scenario as proposed
    // (docs/cost-model.md §13.5.4); a rate at or above it does not pay, and
    // the workload is proposed without the policy.
    const std::vector<EscalationBreakEven> breakEvens =
        escalationBreakEvens(best.proposal.scenario, card, month);
    bool refused = false;
    for (std::size_t index : best.policyChanges) {
      ProposedChange &change = best.proposal.changes[index];
      for (const EscalationBreakEven &breakEven : breakEvens)
        if (breakEven.workloadId == change.workloadId)
          change.escalation->breakEvenRate = breakEven.breakEvenRate;
      const auto &rate = change.escalation->breakEvenRate;
      if (!rate || !(change.escalation->rate < *rate)) {
        noPolicy.insert(change.workloadId);
        refused = true;
      }
    }
    if (!refused)
      break;
  }
  for (std::size_t index : best.policyChanges) {
    ProposedChange &change = best.proposal.changes[index];
    change.text += "; break-even e* " + percentText(*change.escalation->breakEvenRate);
  }
  OptimizedProposal proposal = std::move(best.proposal);
  if (netUsdAt(proposal.scenario, card, month) > netUsdAt(baseline, card, month)) {
    proposal.scenario = baseline;
    proposal.changes.clear();
  }
  explainPairedMoves(proposal.changes);
  // Ranked by saving; the order they were made breaks ties.
  std::stable_sort(
      proposal.changes.begin(), proposal.changes.end(),
      [](const ProposedChange &a, const ProposedChange &b) { return a.savingUsd > b.savingUsd; });
  proposal.scenario.name =
      (baseline.name.empty() ? std::string("Untitled scenario") : baseline.name) + " (optimized)";
  return proposal;
}

} // namespace bwi::core
