#pragma once

#include "core/import/importtally.h"
#include "core/import/inputfiles.h"
#include "core/model/ratecard.h"

#include <optional>
#include <string>
#include <vector>

// The AWS Price List bulk offer files for Bedrock (JSON; offers
// AmazonBedrock, AmazonBedrockService and AmazonBedrockFoundationModels, one
// region each) read into a rate card, and that card's difference from the
// current one, for the user to accept or not.
namespace bwi::core {

struct PriceChange {
  std::string model;  // the card's id; the price list's name for an added model
  std::string change; // "changed", "added" or "gone"
  std::string field;  // for "changed": "on_demand.input_per_1m", …
  std::optional<double> oldValue, newValue;
  std::string note;
};

struct PriceListImport {
  std::optional<ImportFailure> failure;
  ImportTally tally;
  RateCard card; // the current card with the price list's prices; as_of = publication date
  std::vector<PriceChange> changes;
  std::string publicationDate; // YYYY-MM-DD, the newest of the files
};

// Prices of `current`'s region; models matched by name to `current`'s ids.
// Models the files price but the card lacks are listed as added (the price
// list names no model id, so they are not put into the card); models of an
// offer the files cover that get no price are listed as gone and kept.
PriceListImport importPriceList(const std::vector<InputFile> &files, const RateCard &current);

} // namespace bwi::core
