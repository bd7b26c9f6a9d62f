#pragma once

#include "core/model/ratecard.h"

#include <QString>

#include <optional>

// The rate cards "Update prices" saved in the user's data folder
// (QStandardPaths::AppDataLocation/ratecards, docs/price-list.md).
namespace bwi::ui {

QString savedRateCardsFolder();

// The newest saved card of `region`; nullopt when there is none.
std::optional<core::RateCard> newestSavedRateCard(const QString &region);

// What a new scenario is priced with: the newest saved card of the region
// of AppSettings::pricesRegion(), carried inline so that the scenario prices
// the same on another machine; nullopt: the built-in card ("builtin").
std::optional<core::RateCard> rateCardForNewScenarios();

} // namespace bwi::ui
