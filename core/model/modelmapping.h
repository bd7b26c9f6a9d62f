#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <string_view>

// Fixing traffic on a model without a price in one step (docs/cost-model.md
// §21): map it to a card model, or type its price. Each returns the
// scenario after the edit, which the GUI hands to
// ScenarioDocument::replaceScenario as one undo step.
namespace bwi::core {

struct ModelMapping {
  std::string from;
  std::string to;
};

// "OLD=NEW" (both non-empty); nullopt otherwise.
std::optional<ModelMapping> parseModelMapping(std::string_view text);

// Every workload's share on `from` moves to `to` (added to its share where
// the workload already routes to `to`); an escalation to `from` and the
// adequate sets follow; `from` leaves unpriced_models. The caller checks
// that `to` is a model of the card.
Scenario withModelMapped(const Scenario &scenario, const ModelMapping &mapping);

// An error naming `to` when the card (after overrides) lacks it; empty when
// the mapping can be applied.
std::string mappingProblem(const RateCard &card, const ModelMapping &mapping);

// A typed price for a model without one: the ratecard_overrides entry that
// adds it to the card (USD per 1M tokens), the model gone from
// unpriced_models.
struct TypedPrice {
  double inputPer1m = 0;
  double outputPer1m = 0;
  std::optional<double> batchInputPer1m; // both batch prices, or neither
  std::optional<double> batchOutputPer1m;
  std::optional<double> cacheReadPer1m;
  std::optional<double> cacheWritePer1m;
};
Scenario withTypedPrice(const Scenario &scenario, const std::string &modelId,
                        const TypedPrice &price);

} // namespace bwi::core
