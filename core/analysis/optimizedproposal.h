#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// The "optimize" action: a compared scenario proposed from a baseline by
// pulling the levers a FinOps analyst pulls first, and nothing else
// (volumes, token shapes, caching and the agreement stay as they are):
//  1. batch for every workload marked latency-tolerant (batch share 100%),
//     where batch is cheaper;
//  2. the cheapest adequate routing: each routed share moves to the
//     cheapest model of the workload's adequate set (adequacyRule below)
//     that can serve the workload as configured (its service tier, a 1-hour
//     cache), priced per request with the workload's own token shape,
//     caching and batch share, when it saves at least 1% per request; a
//     model priced only as an estimate is not proposed. A share on a
//     premium model moves down a tier only as the seed's policy: the bulk
//     to the cheapest adequate model, the workload's own escalation rate
//     (labelled measured or assumed by its rate_source; without one,
//     kAssumedEscalationRate, assumed) sent back to that premium model,
//     proposed where the rate is below its break-even e*. Where a card
//     prompt router covers the share's model and an adequate sibling, the
//     router at its expected split is an option too; the cheapest wins;
//  2b. the model a share lands on moves to its `global.` twin where the
//     card has one, unless the workload is marked data_residency;
//  3. provisioned throughput at the optimum for the month: existing
//     commitments resized (or dropped at 0), new ones where a quoted price
//     makes them pay; reservations resized to their optimum.
// Traffic on a model with a commitment may cost less where it is than its
// list price says: the proposal is also built with those routes kept, and
// the cheaper one is proposed. The proposal never costs more than the
// baseline in `month`; where no change lowers the cost it changes nothing.
// docs/cost-model.md §15 has the rules in full.
namespace bwi::core {

struct OptimizeOptions {
  // Only models of the provider already routed to: for teams whose prompts
  // and evaluations are tied to one vendor's models.
  bool sameProvider = false;
};

// Why a change keeps the workload's quality: the rule its move obeyed
// (docs/scenario-format.md, "Adequacy").
enum class ChangeRule {
  SameModel,      // batch, commitments: the model that serves the traffic stays
  AdequateModels, // a model of the workload's `adequate_models`
  MinQuality,     // a model whose card quality score meets `min_quality`
  SameProvider,   // neither given: a provider and tier the workload already uses
  PromptRouter,   // AWS Intelligent Prompt Routing over two adequate models of one family
  GlobalProfile,  // the same model through its `global.` cross-region profile
};

// The file name of a rule, as `optimize --json` writes it.
const char *toString(ChangeRule rule);

// The escalation rate a seed-policy proposal rests on when the workload has
// no exception path of its own (docs/cost-model.md §15): an assumption, and
// labelled as one wherever the proposal is shown.
inline constexpr double kAssumedEscalationRate = 0.10;
// The share of a prompt router's requests its smaller model serves when the
// optimizer proposes the router (docs/cost-model.md §20): an assumption too.
inline constexpr double kAssumedRouterSmallShare = 0.70;
// What a `global_profile` change says beside it.
inline constexpr const char *kGlobalProfileCaveat =
    "global cross-region inference may serve requests in any commercial AWS region; check "
    "data-residency rules";

enum class RateSource { Measured, Assumed };
const char *toString(RateSource source); // measured | assumed

// The exception path a seed-policy change sets: the bulk on the cheapest
// adequate model, a share `rate` escalated to the premium model it leaves.
struct ProposedEscalation {
  std::string to;
  double rate = 0;
  RateSource rateSource = RateSource::Assumed;
  // e* of the proposed scenario for the month (docs/cost-model.md §13.5.4);
  // the change is proposed only when `rate` is below it.
  std::optional<double> breakEvenRate;
  bool operator==(const ProposedEscalation &) const = default;
};

// A prompt router a change puts in front of a share, at its expected split.
struct ProposedRouter {
  std::string id;
  std::vector<RoutingShare> split; // the router's two models, shares summing to 1
  RateSource splitSource = RateSource::Assumed;
  bool operator==(const ProposedRouter &) const = default;
};

struct ProposedChange {
  std::string text;       // what changes, for the user to review
  std::string workloadId; // the workload it changes; empty: a commitment
  // The model whose traffic a routing change moves off, or whose commitment a
  // commitment change resizes; empty for a batch change.
  std::string modelId;
  ChangeRule rule = ChangeRule::SameModel;
  std::string ruleText; // the rule as the user reads it, with its source and date
  // The month's net USD this change saves, measured in the order the changes
  // were made, so that the savings add up to the proposal's (docs/cost-model.md §15).
  double savingUsd = 0;
  std::optional<ProposedEscalation> escalation; // a seed-policy change
  std::optional<ProposedRouter> router;         // a prompt-router change
  // e.g. kGlobalProfileCaveat, or why a move that costs more on its own is
  // proposed (it pays with a commitment change); empty: none.
  std::string caveat;
  bool operator==(const ProposedChange &) const = default;
};

// "saves $13,561.90 per month", or for a change that costs more on its own
// "costs $687.59 more per month on its own" (its caveat says why).
std::string savingText(const ProposedChange &change);

struct OptimizedProposal {
  Scenario scenario;
  std::vector<ProposedChange> changes; // largest saving first
};

// The rule that bounds where the optimizer may move `workload`'s traffic:
// `adequate_models` when listed, else `min_quality` when given, else the
// providers (and tiers) the workload already routes to.
ChangeRule adequacyRule(const Workload &workload);

// Whether the optimizer may move a share of `workload` from `current` to
// `candidate` under adequacyRule (the models routed to today are always
// adequate). Says nothing about price or whether the model can serve the
// workload's service tier and cache.
bool withinAdequateSet(const Workload &workload, const ModelRates &current,
                       const ModelRates &candidate, const RateCard &card);

// `card` has the scenario's overrides applied; `month` is the month the
// commitments are sized for (0 = first modeled month).
OptimizedProposal proposeOptimized(const Scenario &baseline, const RateCard &card, int month,
                                   const OptimizeOptions &options = {});

} // namespace bwi::core
