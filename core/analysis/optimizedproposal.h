#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

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
//     model priced only as an estimate is not proposed;
//  3. provisioned throughput at the optimum for the month: existing
//     commitments resized (or dropped at 0), new ones where a quoted price
//     makes them pay; reservations resized to their optimum.
// Traffic on a model with a commitment may cost less where it is than its
// list price says: the proposal is also built with those routes kept, and
// the cheaper one is proposed. The proposal never costs more than the
// baseline in `month`; where no change lowers the cost it changes nothing.
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
};

// The file name of a rule, as `optimize --json` writes it.
const char *toString(ChangeRule rule);

struct ProposedChange {
  std::string text; // what changes, for the user to review
  ChangeRule rule = ChangeRule::SameModel;
  std::string ruleText; // the rule as the user reads it, with its source and date
  bool operator==(const ProposedChange &) const = default;
};

struct OptimizedProposal {
  Scenario scenario;
  std::vector<ProposedChange> changes; // in the order they were made
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
