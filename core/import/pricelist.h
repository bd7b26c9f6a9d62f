#pragma once

#include "core/import/importtally.h"
#include "core/import/inputfiles.h"
#include "core/model/ratecard.h"
#include "core/model/ratecarddiff.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

// The AWS Price List for Bedrock read into a rate card for one region, and
// that card's difference from another (docs/price-list.md). Two shapes: the
// bulk offer files (offers AmazonBedrock, AmazonBedrockService and
// AmazonBedrockFoundationModels, one region each) and the Price List Query
// API's GetProducts output (`{"PriceList": ["<product JSON>", …]}`, or JSON
// lines of product documents). Plain or gzip bytes in, a card out.
namespace bwi::core {

// One file or download: its bytes as read (gzip is recognised by its first
// bytes and inflated).
struct PriceListDocument {
  std::string name;  // the path or URL, for messages
  std::string bytes; // plain or gzip
  // YYYY-MM-DD to date the card by when the text has no publication date (a
  // GetProducts file's modification day); may be empty.
  std::string fallbackDate;
  bool fromFolder = false; // a file of another kind is skipped with a warning, not refused
};

struct PriceListOptions {
  // The region to build the card for ("eu-central-1"). Empty: the reference
  // card's region when the files price it, else the one region they price.
  std::string region;
};

struct PriceListImport {
  std::optional<ImportFailure> failure;
  ImportTally tally;
  RateCard card; // for `region`, as_of = the newest publication date
  // `card` against the reference card: added, changed (old → new) and gone.
  std::vector<PriceChange> changes;
  std::string publicationDate; // YYYY-MM-DD
  std::string region;
  std::vector<std::string> regions; // every region the files price
  std::vector<std::string> offers;  // the offer codes read
  // Rows of the region that no card field holds, by why ("model
  // customization", "images, audio and other units", …): counted, not lost.
  std::map<std::string, std::uint64_t> leftOut;
};

// The largest offer file read (docs/limits.md): the biggest Bedrock offer is
// a few MB, uncompressed.
inline constexpr std::uintmax_t kMaxOfferBytes = 1024u * 1024 * 1024;

// Builds the card of one region. Products are matched to `reference`'s
// models by name (the price list names no model id); a product no model
// matches becomes a new model with the price list's name, provider and
// prices (its source says so), never dropped. For `reference`'s own region
// the card is `reference` with the price list's prices: figures the price
// list lacks (PT capacity, quotes) are kept, and models it no longer prices
// are kept and listed as gone. For another region only what the files price
// is in the card; a us-east-1 figure is never a Frankfurt one.
PriceListImport readPriceList(const std::vector<PriceListDocument> &documents,
                              const RateCard &reference, const PriceListOptions &options = {});

// The same from files (folders expanded by the caller).
PriceListImport importPriceList(const std::vector<InputFile> &files, const RateCard &reference,
                                const PriceListOptions &options = {});

// Inflates gzip bytes (by their first two bytes; plain ones are returned as
// they are), at most `limitBytes`; nullopt with a message otherwise.
std::optional<std::string> inflateIfGzip(std::string bytes, std::uintmax_t limitBytes,
                                         std::string &error);

// Hours a reserved-tier price per hour is billed for in a month: the card
// holds Reserved prices per 1K TPM per month (docs/price-list.md).
inline constexpr double kReservedHoursPerMonth = 730;

} // namespace bwi::core
