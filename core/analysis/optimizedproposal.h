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
//  2. the cheapest adequate routing by tier: each routed share moves to the
//     cheapest model of the same tier (small, mid, premium) that can serve
//     the workload as configured (its service tier, a 1-hour cache), priced
//     per request with the workload's own token shape, caching and batch
//     share, when it saves at least 1% per request; a model priced only as
//     an estimate is not proposed;
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

struct OptimizedProposal {
  Scenario scenario;
  std::vector<std::string> changes; // one line per change, for the user to review
};

// `card` has the scenario's overrides applied; `month` is the month the
// commitments are sized for (0 = first modeled month).
OptimizedProposal proposeOptimized(const Scenario &baseline, const RateCard &card, int month,
                                   const OptimizeOptions &options = {});

} // namespace bwi::core
