#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// How one rate card differs from another (an update from the AWS Price List,
// a switch of region), price by price, and the models a scenario uses that a
// card lacks (docs/price-list.md).
namespace bwi::core {

struct PriceChange {
  std::string model;  // the model's id
  std::string change; // "changed", "added" or "gone"
  std::string field;  // for "changed": "on_demand.input_per_1m", "tiers.priority", …
  // USD per 1M tokens, per MU-hour or per 1K TPM-month; for tiers.* a
  // multiplier of the on-demand price.
  std::optional<double> oldValue, newValue;
  std::string note;
};

// The fields a diff compares, as `PriceChange::field` names them.
const std::vector<std::string> &comparedPriceFields();

// A price of `model` by its dotted name; nullopt where the model has none.
std::optional<double> priceField(const ModelRates &model, const std::string &field);

// Whether a compared field is a multiplier of the on-demand price
// (tiers.priority, tiers.flex) rather than USD.
bool isMultiplierField(const std::string &field);

// A compared field's value as the diff shows it: "$0.72" for a price,
// "×1.75" for a multiplier, "none" where the card has none.
std::string formatFieldValue(const std::string &field, const std::optional<double> &value);

// Models only in `after` are "added" (note: name and provider), only in
// `before` "gone", and every compared price that differs "changed" (a price
// only one card has counts: none → $x, $x → none). Card order, `after`'s
// models first, then the gone ones.
std::vector<PriceChange> diffRateCards(const RateCard &before, const RateCard &after);

// Every model id `scenario` names: routing, exception-path targets, adequate
// sets, commitments, reservations and overrides, in first-use order without
// repeats.
std::vector<std::string> modelsUsedBy(const Scenario &scenario);

// `card` with every model `scenario` uses that it lacks copied from
// `previous`, marked (estimate, note) as not offered in `card`'s region, so
// that nothing the scenario routes is priced at $0 or refused; likewise the
// rates of the card-priced meters it lacks (marked estimate). The model ids
// and meter kinds carried go to `carried`. What `previous` lacks too is left out.
RateCard carryMissingModels(RateCard card, const RateCard &previous, const Scenario &scenario,
                            std::vector<std::string> &carried);

} // namespace bwi::core
