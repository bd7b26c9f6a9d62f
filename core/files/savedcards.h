#pragma once

#include "core/model/ratecard.h"

#include <optional>
#include <string>
#include <vector>

// Rate cards saved by "Update prices" in the user's data folder, one file a
// region and publication date: FOLDER/REGION-YYYY-MM-DD.json
// (docs/price-list.md). The built-in card stays the fallback.
namespace bwi::core {

struct SavedCard {
  std::string path;
  std::string region; // "eu-central-1"
  std::string asOf;   // "2026-11-24"
};

// "eu-central-1-2026-11-24.json".
std::string savedCardFileName(const RateCard &card);

// Every file of the folder named as above, newest first within a region,
// regions in order; a missing folder has none.
std::vector<SavedCard> listSavedCards(const std::string &folder);

// The newest saved card of `region`, read; nullopt when there is none or it
// cannot be read (a broken file is passed over for an older one).
std::optional<RateCard> newestSavedCard(const std::string &folder, const std::string &region);

} // namespace bwi::core
