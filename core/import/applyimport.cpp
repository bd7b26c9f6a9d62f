#include "core/import/applyimport.h"

#include "core/import/importscenario.h"

namespace bwi::core {

AppliedImport applyImport(const Scenario &scenario, const RateCard &card,
                          const ImportOutcome &outcome) {
  AppliedImport applied{scenario, ImportChange::Workloads, {}};
  Scenario &next = applied.scenario;
  if (outcome.kind == ImportKind::PriceList) {
    next.ratecard.kind = RateCardSource::Kind::Inline;
    next.ratecard.inlineCard = outcome.priceList.card;
    applied.change = ImportChange::RateCard;
    return applied;
  }
  const Scenario measured =
      scenarioFromUsage(outcome.usage.groups, card, next.name, applied.warnings);
  next.workloads = measured.workloads;
  // Traffic on models the card lacks is kept, without a price (docs/cost-model.md §21).
  next.unpricedModels = measured.unpricedModels;
  next.provisioned.clear();
  next.reserved.clear();
  return applied;
}

} // namespace bwi::core
